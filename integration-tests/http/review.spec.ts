import { MedusaContainer } from "@medusajs/framework/types"
import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { flagOrderForReviewWorkflow } from "../../src/workflows/review/flag-order-for-review"
import { shopper } from "../helpers/checkout"
import {
  createFlagEverythingRule,
  createFulfillment,
  placeOrder,
  seedShipping,
  waitForReview,
} from "../helpers/review"
import { PROVIDERS, TestStore } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/** The test store with a warehouse and a shipping option, so orders can be fulfilled. */
const withShipping = async (container: MedusaContainer, store: TestStore) => ({ ...store, shipping: await seedShipping(container, store) })

withTestStore({ seed: withShipping }, (ctx) => {
  let adminId: string

  beforeEach(async () => {
    adminId = (await ctx.api.get("/admin/users/me", ctx.admin)).data.user.id
  })

  const lenient = () => ({ ...ctx.admin, validateStatus: () => true })
  const review = async (orderId: string) => (await ctx.api.get(`/admin/payment-risk/reviews/${orderId}`, ctx.admin)).data.review
  const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)

  /** An order held for review by a merchant rule created through the rules API. */
  const flaggedOrder = async (email: string) => {
    const rule = await createFlagEverythingRule(ctx.api, ctx.admin)
    expect(rule.status).toBe(201)
    const order = await placeOrder(ctx.api, ctx.store, { email })
    await waitForReview(ctx.api, ctx.admin, order.orderId, "pending")
    return { ...order, ruleId: rule.data.rule.id as string }
  }

  describe("when a rule flags an order at placement", () => {
    it("should list it as pending with score, reasons and order data, and record the flag once", async () => {
      const { orderId, cartId } = await flaggedOrder("flag@example.com")

      const { data } = await ctx.api.get("/admin/payment-risk/reviews", ctx.admin)
      expect(data.count).toBe(1)
      expect(data.reviews).toEqual([
        expect.objectContaining({
          order_id: orderId,
          display_id: expect.any(Number),
          review_status: "pending",
          review_reasons: [expect.stringContaining("Review every order")],
          email: "flag@example.com",
          total: 49,
          currency_code: "eur",
          order_created_at: expect.any(String),
        }),
      ])

      const detail = await review(orderId)
      expect(detail.rules.review).toBe(true)
      expect(detail.rules.rules).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: "Review every order", held: true })])
      )
      expect(detail.events).toEqual([
        expect.objectContaining({ action: "flagged", actor_id: null, details: expect.objectContaining({ reasons: detail.review_reasons }) }),
      ])

      // the order event delivered a second time flags nothing more
      const { result } = await flagOrderForReviewWorkflow(ctx.container).run({ input: { order_id: orderId, cart_id: cartId } })
      expect(result.flagged).toBe(false)
      expect((await review(orderId)).events).toHaveLength(1)

      // the other status filters do not hold it; "all" does
      expect((await ctx.api.get("/admin/payment-risk/reviews?status=approved", ctx.admin)).data.count).toBe(0)
      expect((await ctx.api.get("/admin/payment-risk/reviews?status=all", ctx.admin)).data.reviews.map((r: { order_id: string }) => r.order_id)).toEqual([orderId])
    })

    it("should refuse a fulfillment while pending and allow it after approval, recording who approved with the note", async () => {
      const { orderId } = await flaggedOrder("hold@example.com")

      const refused = await createFulfillment(ctx.api, ctx.admin, orderId, ctx.store.shipping)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toBe(`Order ${orderId} awaits payment-risk review: approve it first`)

      const approved = await ctx.api.post(`/admin/payment-risk/reviews/${orderId}/approve`, { note: "Kunde telefonisch bestätigt" }, ctx.admin)
      expect(approved.data.review.review_status).toBe("approved")
      expect(approved.data.review.events.map((e: { action: string }) => e.action)).toEqual(["flagged", "approved"])
      expect(approved.data.review.events[1]).toMatchObject({ actor_id: adminId, note: "Kunde telefonisch bestätigt", created_at: expect.any(String) })

      const fulfilled = await createFulfillment(ctx.api, ctx.admin, orderId, ctx.store.shipping)
      expect(fulfilled.status).toBe(200)
      const { data: after } = await ctx.api.get(`/admin/orders/${orderId}?fields=id,fulfillment_status,*fulfillments`, ctx.admin)
      expect(after.order.fulfillments).toHaveLength(1)
      expect(after.order.fulfillment_status).toBe("fulfilled")

      const again = await ctx.api.post(`/admin/payment-risk/reviews/${orderId}/approve`, {}, lenient())
      expect(again.status).toBe(400)
      expect(again.data.message).toMatch(/cannot be approved: its payment-risk review status is "approved"/)
      expect((await review(orderId)).events).toHaveLength(2)
    })

    it("should cancel the Medusa order on cancel and record it", async () => {
      const { orderId } = await flaggedOrder("cancel@example.com")

      const res = await ctx.api.post(`/admin/payment-risk/reviews/${orderId}/cancel`, { note: "Betrugsverdacht" }, ctx.admin)
      expect(res.status).toBe(200)
      expect(res.data.review.review_status).toBe("cancelled")
      expect(res.data.review.events[1]).toMatchObject({ action: "cancelled", actor_id: adminId, note: "Betrugsverdacht" })

      const { data } = await ctx.api.get(`/admin/orders/${orderId}?fields=id,status`, ctx.admin)
      expect(data.order.status).toBe("canceled")
      expect((await ctx.api.get("/admin/payment-risk/reviews?status=cancelled", ctx.admin)).data.reviews).toEqual([
        expect.objectContaining({ order_id: orderId, review_status: "cancelled" }),
      ])
    })

    it("should keep the review as it was when Medusa refuses the cancel", async () => {
      const { orderId } = await flaggedOrder("shipped@example.com")
      await ctx.api.post(`/admin/payment-risk/reviews/${orderId}/approve`, {}, ctx.admin)
      expect((await createFulfillment(ctx.api, ctx.admin, orderId, ctx.store.shipping)).status).toBe(200)

      const res = await ctx.api.post(`/admin/payment-risk/reviews/${orderId}/cancel`, {}, lenient())
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/Medusa refused to cancel order .*fulfillments must be canceled/)

      const after = await review(orderId)
      expect(after.review_status).toBe("approved")
      expect(after.events.map((e: { action: string }) => e.action)).toEqual(["flagged", "approved"])
      expect((await ctx.api.get(`/admin/orders/${orderId}?fields=id,status`, ctx.admin)).data.order.status).not.toBe("canceled")
    })

    it("should add email, phone and person to the negative list so the next cart gets only prepayment", async () => {
      const { orderId } = await flaggedOrder("betrug@example.com")

      const res = await ctx.api.post(`/admin/payment-risk/reviews/${orderId}/list`, { note: "Ware nie bezahlt" }, ctx.admin)
      expect(res.status).toBe(200)
      const entries = res.data.entries as Array<Record<string, unknown>>
      expect(entries.map((e) => e.kind).sort()).toEqual(["email", "person", "phone"])
      for (const entry of entries) {
        expect(entry).toMatchObject({ source: "fraud_review", created_by: adminId, reason: expect.stringMatching(/^Payment-risk review of order #\d+$/) })
        expect(entry).not.toHaveProperty("lookup_keys")
      }
      expect(entries.find((e) => e.kind === "email")).toMatchObject({ value: "betrug@example.com" })
      expect(entries.find((e) => e.kind === "phone")).toMatchObject({ value: "+49301234567" })
      expect(entries.find((e) => e.kind === "person")).toMatchObject({ first_name: "Hans", last_name: "Meier", postal_code: "10115" })

      const listed = res.data.review.events[1]
      expect(listed).toMatchObject({ action: "listed", actor_id: adminId, note: "Ware nie bezahlt" })
      expect(listed.details.entry_ids.sort()).toEqual(entries.map((e) => e.id).sort())
      // the entries went through the audited path
      const audits = await service().listNegativeListAudits({ entry_id: entries.map((e) => e.id as string) })
      expect(audits).toHaveLength(3)
      expect(audits.every((a) => a.action === "create" && a.actor_id === adminId)).toBe(true)

      // listing again does not duplicate the entries
      const again = await ctx.api.post(`/admin/payment-risk/reviews/${orderId}/list`, {}, ctx.admin)
      expect(again.data.entries).toEqual([])
      expect(again.data.review.events[2].details.already_listed.sort()).toEqual(["email", "person", "phone"])

      const cart = await shopper(ctx.api, ctx.store).createCart({ email: "betrug@example.com" })
      expect(await shopper(ctx.api, ctx.store).allowedIds(cart.id)).toEqual([PROVIDERS.prepayment])
    })
  })

  describe("when an order repeats a recent one", () => {
    it("should flag the second order as a duplicate naming the first", async () => {
      const first = await placeOrder(ctx.api, ctx.store, { email: "doppelt@example.com", quantity: 2 })
      const second = await placeOrder(ctx.api, ctx.store, { email: "doppelt@example.com", quantity: 2 })

      const flagged = await waitForReview(ctx.api, ctx.admin, second.orderId, "pending")
      expect(flagged.review_reasons).toEqual(["duplicate_order"])
      expect(flagged.events[0].details.duplicate_of).toMatchObject({ cart_id: first.cartId, order_id: first.orderId })
      expect((await review(first.orderId)).review_status).toBe("none")
    })

    it("should not flag other contents or an order outside the window", async () => {
      await placeOrder(ctx.api, ctx.store, { email: "zwei@example.com", quantity: 1 })
      const other = await placeOrder(ctx.api, ctx.store, { email: "zwei@example.com", quantity: 3 })
      await waitForReview(ctx.api, ctx.admin, other.orderId, "none")
      // give the flag subscriber its chance, then check it left the order alone
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect((await review(other.orderId)).events).toEqual([])

      // the earlier orders were completed 31 minutes ago: outside the default 30-minute window
      // (another street, so the default "several orders to one address" rule stays out of it)
      const signals = await service().listCartSignals({})
      await service().updateCartSignals(
        signals.map((s) => ({ id: s.id, completed_at: new Date(Date.now() - 31 * 60_000) }))
      )
      const late = await placeOrder(ctx.api, ctx.store, { email: "zwei@example.com", quantity: 3, address: { address_1: "Nebenweg 9" } })
      await waitForReview(ctx.api, ctx.admin, late.orderId, "none")
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect((await review(late.orderId)).events).toEqual([])
    })
  })

  describe("when a request is invalid", () => {
    it("should answer 400 naming the field, and 404 for an unknown order", async () => {
      const { orderId } = await flaggedOrder("invalid@example.com")
      const cases: Array<[string, unknown, RegExp]> = [
        ["approve", { note: 5 }, /note/],
        ["approve", { note: "x".repeat(2001) }, /note/],
        ["cancel", { note: "ok", extra: true }, /extra/],
        ["list", { reason: "" }, /reason/],
        ["list", { reason: "x".repeat(501) }, /reason/],
      ]
      for (const [action, body, field] of cases) {
        const res = await ctx.api.post(`/admin/payment-risk/reviews/${orderId}/${action}`, body, lenient())
        expect([action, res.status]).toEqual([action, 400])
        expect(res.data.message).toMatch(field)
      }
      const query = await ctx.api.get("/admin/payment-risk/reviews?status=open", lenient())
      expect(query.status).toBe(400)
      expect(query.data.message).toMatch(/status/)
      expect((await ctx.api.get("/admin/payment-risk/reviews?limit=0", lenient())).data.message).toMatch(/limit/)

      // nothing was written by the refused requests
      expect((await review(orderId)).events).toHaveLength(1)
      expect((await review(orderId)).review_status).toBe("pending")

      for (const path of ["", "/approve", "/cancel", "/list"]) {
        const res = path
          ? await ctx.api.post(`/admin/payment-risk/reviews/order_unknown${path}`, {}, lenient())
          : await ctx.api.get("/admin/payment-risk/reviews/order_unknown", lenient())
        expect([path, res.status]).toEqual([path, 404])
      }
    })

    it("should answer 401 without admin authentication on every review route", async () => {
      const anonymous = { validateStatus: () => true }
      const calls = [
        ctx.api.get("/admin/payment-risk/reviews", anonymous),
        ctx.api.get("/admin/payment-risk/reviews/order_1", anonymous),
        ctx.api.post("/admin/payment-risk/reviews/order_1/approve", {}, anonymous),
        ctx.api.post("/admin/payment-risk/reviews/order_1/cancel", {}, anonymous),
        ctx.api.post("/admin/payment-risk/reviews/order_1/list", {}, anonymous),
      ]
      expect((await Promise.all(calls)).map((res) => res.status)).toEqual([401, 401, 401, 401, 401])
    })
  })
})
