import { captureOrderPayment } from "../helpers/checkout"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

withTestStore((ctx) => {
  describe("when a new customer opens the payment step", () => {
    it("should offer only cash on delivery and prepayment, with the neutral notice", async () => {
      const cart = await ctx.shop.createCart({ email: "neu@example.com" })
      const res = await ctx.shop.allowedProviders(cart.id, "?locale=de")

      expect(res.status).toBe(200)
      expect(res.data.payment_providers.map((p: { id: string }) => p.id).sort()).toEqual(
        [PROVIDERS.cod, PROVIDERS.prepayment].sort()
      )
      expect(res.data.payment_providers[0]).toEqual({ id: expect.any(String), is_enabled: true })
      expect(res.data.notice).toMatch(/Erstbestellungen/)
      expect(JSON.stringify(res.data)).not.toMatch(/first_order|new_customer|paid_order/)
    })

    it("should hide cash on delivery above the first-order maximum", async () => {
      const cart = await ctx.shop.createCart({ email: "neu@example.com", quantity: 7 }) // 343 EUR
      expect(cart.total).toBeGreaterThan(300)
      expect(await ctx.shop.allowedIds(cart.id)).toEqual([PROVIDERS.prepayment])
    })

    it("should keep cash on delivery at a total below the maximum", async () => {
      const cart = await ctx.shop.createCart({ email: "neu@example.com", quantity: 6 }) // 294 EUR
      expect(await ctx.shop.allowedIds(cart.id)).toEqual([PROVIDERS.cod, PROVIDERS.prepayment].sort())
    })
  })

  describe("when the customer has a paid order", () => {
    it("should unlock invoice and the other methods on the next cart", async () => {
      const { completion } = await ctx.shop.checkout({ email: "stamm@example.com", providerId: PROVIDERS.cod })
      expect(completion.data.type).toBe("order")
      await captureOrderPayment(ctx.api, ctx.admin, completion.data.order.id)

      const next = await ctx.shop.createCart({ email: "stamm@example.com" })
      const res = await ctx.shop.allowedProviders(next.id)
      expect(res.data.payment_providers.map((p: { id: string }) => p.id).sort()).toEqual(
        Object.values(PROVIDERS).sort()
      )
      expect(res.data.notice).toBeNull()
    })

    it("should know a guest who uses the paying customer's email in other case", async () => {
      const { completion } = await ctx.shop.checkout({ email: "Kunde@Example.com", providerId: PROVIDERS.prepayment })
      await captureOrderPayment(ctx.api, ctx.admin, completion.data.order.id)

      const guestCart = await ctx.shop.createCart({ email: "KUNDE@example.COM" })
      expect(await ctx.shop.allowedIds(guestCart.id)).toContain(PROVIDERS.invoice)
    })
  })

  describe("when the earlier order is still awaiting payment", () => {
    it("should not unlock invoice and should offer only prepayment", async () => {
      const { completion } = await ctx.shop.checkout({ email: "offen@example.com", providerId: PROVIDERS.cod })
      expect(completion.data.type).toBe("order")

      const next = await ctx.shop.createCart({ email: "offen@example.com" })
      expect(await ctx.shop.allowedIds(next.id)).toEqual([PROVIDERS.prepayment])
    })
  })
})
