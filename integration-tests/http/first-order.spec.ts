import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { captureOrderPayment, shopper } from "../helpers/checkout"
import { PROVIDERS, seedStore, TestStore } from "../helpers/store"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: TestStore
    let admin: { headers: Record<string, string> }
    let shop: ReturnType<typeof shopper>

    beforeEach(async () => {
      const container = getContainer()
      store = await seedStore(container)
      admin = await adminHeaders(container, api)
      shop = shopper(api, store)
    })

    describe("when a new customer opens the payment step", () => {
      it("should offer only cash on delivery and prepayment, with the neutral notice", async () => {
        const cart = await shop.createCart({ email: "neu@example.com" })
        const res = await shop.allowedProviders(cart.id, "?locale=de")

        expect(res.status).toBe(200)
        expect(res.data.payment_providers.map((p: { id: string }) => p.id).sort()).toEqual(
          [PROVIDERS.cod, PROVIDERS.prepayment].sort()
        )
        expect(res.data.payment_providers[0]).toEqual({ id: expect.any(String), is_enabled: true })
        expect(res.data.notice).toMatch(/Erstbestellungen/)
        expect(JSON.stringify(res.data)).not.toMatch(/first_order|new_customer|paid_order/)
      })

      it("should hide cash on delivery above the first-order maximum", async () => {
        const cart = await shop.createCart({ email: "neu@example.com", quantity: 7 }) // 343 EUR
        expect(cart.total).toBeGreaterThan(300)
        expect(await shop.allowedIds(cart.id)).toEqual([PROVIDERS.prepayment])
      })

      it("should keep cash on delivery at a total below the maximum", async () => {
        const cart = await shop.createCart({ email: "neu@example.com", quantity: 6 }) // 294 EUR
        expect(await shop.allowedIds(cart.id)).toEqual([PROVIDERS.cod, PROVIDERS.prepayment].sort())
      })
    })

    describe("when the customer has a paid order", () => {
      it("should unlock invoice and the other methods on the next cart", async () => {
        const { completion } = await shop.checkout({ email: "stamm@example.com", providerId: PROVIDERS.cod })
        expect(completion.data.type).toBe("order")
        await captureOrderPayment(api, admin, completion.data.order.id)

        const next = await shop.createCart({ email: "stamm@example.com" })
        const res = await shop.allowedProviders(next.id)
        expect(res.data.payment_providers.map((p: { id: string }) => p.id).sort()).toEqual(
          Object.values(PROVIDERS).sort()
        )
        expect(res.data.notice).toBeNull()
      })

      it("should know a guest who uses the paying customer's email in other case", async () => {
        const { completion } = await shop.checkout({ email: "Kunde@Example.com", providerId: PROVIDERS.prepayment })
        await captureOrderPayment(api, admin, completion.data.order.id)

        const guestCart = await shop.createCart({ email: "KUNDE@example.COM" })
        expect(await shop.allowedIds(guestCart.id)).toContain(PROVIDERS.invoice)
      })
    })

    describe("when the earlier order is still awaiting payment", () => {
      it("should not unlock invoice and should offer only prepayment", async () => {
        const { completion } = await shop.checkout({ email: "offen@example.com", providerId: PROVIDERS.cod })
        expect(completion.data.type).toBe("order")

        const next = await shop.createCart({ email: "offen@example.com" })
        expect(await shop.allowedIds(next.id)).toEqual([PROVIDERS.prepayment])
      })
    })
  },
})
