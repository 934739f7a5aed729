import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { STRANGER_ADDRESS } from "../helpers/checkout"
import { placeOrder, waitForReview } from "../helpers/review"
import { withTestStore } from "../helpers/test-store"

/**
 * The duplicate-order check: the same shopper (email, customer, person and address, IBAN or
 * card) with the same contents within the window — never the IP alone. Every request of a test
 * comes from the same local IP, like every order of a local demo.
 */
withTestStore((ctx) => {
  const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const review = async (orderId: string) => (await ctx.api.get(`/admin/payment-risk/reviews/${orderId}`, ctx.admin)).data.review

  /** The order's review once the order-placed subscriber had its chance to flag it. */
  const settled = async (orderId: string) => {
    await waitForReview(ctx.api, ctx.admin, orderId, "none")
    await new Promise((resolve) => setTimeout(resolve, 700))
    return review(orderId)
  }

  describe("when two different shoppers order the same items from the same IP", () => {
    it("should not flag the second order as a duplicate", async () => {
      const first = await placeOrder(ctx.api, ctx.store, { email: "anna@example.com", quantity: 2 })
      const second = await placeOrder(ctx.api, ctx.store, { email: "olaf@example.com", quantity: 2, address: STRANGER_ADDRESS })

      // both carts were recorded with the same (local) IP: only the IP is shared
      const signals = await service().listCartSignals({ cart_id: [first.cartId, second.cartId] })
      expect(signals).toHaveLength(2)
      expect(signals[0].ip_key).toEqual(expect.any(String))
      expect(signals[0].ip_key).toBe(signals[1].ip_key)
      expect(signals[0].contents_key).toBe(signals[1].contents_key)

      const detail = await settled(second.orderId)
      expect(detail.review_status).toBe("none")
      expect(detail.events).toEqual([])
    })
  })

  describe("when the same email orders the same items twice", () => {
    it("should flag the second order as a duplicate of the first", async () => {
      const first = await placeOrder(ctx.api, ctx.store, { email: "zweimal@example.com", quantity: 2 })
      const second = await placeOrder(ctx.api, ctx.store, { email: "Zweimal@Example.com", quantity: 2, address: STRANGER_ADDRESS })

      const flagged = await waitForReview(ctx.api, ctx.admin, second.orderId, "pending")
      expect(flagged.review_reasons).toEqual(["duplicate_order"])
      expect(flagged.events[0].details.duplicate_of).toMatchObject({ cart_id: first.cartId, order_id: first.orderId })
    })
  })

  describe("when the same person at the same address orders the same items under another email", () => {
    it("should flag the second order as a duplicate of the first", async () => {
      const first = await placeOrder(ctx.api, ctx.store, { email: "hans@example.com", quantity: 2 })
      // the same person and address, written differently (abbreviated street, name in capitals)
      const second = await placeOrder(ctx.api, ctx.store, {
        email: "hans.meier@example.org",
        quantity: 2,
        address: { first_name: "HANS", last_name: "meier", address_1: "Hauptstr. 5" },
      })

      const flagged = await waitForReview(ctx.api, ctx.admin, second.orderId, "pending")
      expect(flagged.review_reasons).toEqual(["duplicate_order"])
      expect(flagged.events[0].details.duplicate_of).toMatchObject({ cart_id: first.cartId, order_id: first.orderId })
    })

    it("should not flag another person at the same address", async () => {
      await placeOrder(ctx.api, ctx.store, { email: "hans@example.com", quantity: 2 })
      const neighbour = await placeOrder(ctx.api, ctx.store, { email: "erika@example.com", quantity: 2, address: { first_name: "Erika" } })

      const detail = await settled(neighbour.orderId)
      expect(detail.review_status).toBe("none")
      expect(detail.events).toEqual([])
    })
  })
})
