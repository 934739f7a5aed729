import { adminHeaders } from "../helpers/admin"
import { captureOrderPayment, GERMAN_ADDRESS } from "../helpers/checkout"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

withTestStore({ admin: false }, (ctx) => {
  const check = (cartId: string, body: unknown, query = "") =>
    ctx.api.post(`/store/carts/${cartId}/address-check${query}`, body, { ...ctx.shop.headers, validateStatus: () => true })

  describe("when a storefront checks an address before payment", () => {
    it("should accept the cart's plausible address", async () => {
      const cart = await ctx.shop.createCart({ email: "hans@example.com" })
      const res = await check(cart.id, {})
      expect(res.status).toBe(200)
      expect(res.data).toEqual({ valid: true, problems: [] })
    })

    it("should answer an overlong name with a field warning, as Medusa accepts it (not a 400)", async () => {
      const cart = await ctx.shop.createCart({ email: "hans@example.com" })
      const res = await check(cart.id, { billing_address: { ...GERMAN_ADDRESS, last_name: "M".repeat(300) } }, "?locale=de")
      expect(res.status).toBe(200)
      expect(res.data).toEqual({
        valid: false,
        problems: [{ field: "billing_address.last_name", code: "too_long", message: "Diese Angabe ist zu lang. Bitte kürzen Sie sie." }],
      })
    })

    it("should name each problem of unsaved data with a message in the shopper's language", async () => {
      const cart = await ctx.shop.createCart({ email: "hans@example.com" })
      const body = {
        email: "hans@example",
        shipping_address: { ...GERMAN_ADDRESS, address_1: "Hauptstraße", postal_code: "1011", last_name: "Meier 0170 1234567" },
      }
      const de = await check(cart.id, body, "?locale=de")
      expect(de.status).toBe(200)
      expect(de.data.valid).toBe(false)
      expect(de.data.problems).toEqual([
        { field: "shipping_address.address_1", code: "house_number_missing", message: "Bitte ergänzen Sie die Hausnummer." },
        { field: "shipping_address.postal_code", code: "postcode_format", message: expect.stringContaining("Postleitzahl") },
        { field: "shipping_address.last_name", code: "contact_in_name", message: expect.stringContaining("Namen") },
        { field: "email", code: "email_invalid", message: "Bitte prüfen Sie die E-Mail-Adresse." },
      ])
      const en = await check(cart.id, body, "?locale=en")
      expect(en.data.problems[0].message).toBe("Please add the house number.")
    })

    it.each([
      [{ shipping_address: { street: "x" } }, "street"],
      [{ billing_address: { country_code: "deu" } }, "country_code"],
      [{ email: 5 }, "email"],
    ])("should answer 400 for %o naming %s", async (body, field) => {
      const cart = await ctx.shop.createCart({})
      const res = await check(cart.id, body)
      expect(res.status).toBe(400)
      expect(res.data.message).toContain(field)
    })

    it("should answer 404 for an unknown cart", async () => {
      expect((await check("cart_nope", {})).status).toBe(404)
    })
  })

  describe("when a known customer's saved address is implausible", () => {
    it("should hide invoice with only the neutral notice, and offer it again once corrected", async () => {
      const admin = await adminHeaders(ctx.container, ctx.api)
      const { completion } = await ctx.shop.checkout({ email: "known@example.com", providerId: PROVIDERS.prepayment })
      await captureOrderPayment(ctx.api, admin, completion.data.order.id)

      const cart = await ctx.shop.createCart({ email: "known@example.com" })
      expect(await ctx.shop.allowedIds(cart.id)).toContain(PROVIDERS.invoice)
      await ctx.api.post(`/store/carts/${cart.id}`, { shipping_address: { ...GERMAN_ADDRESS, postal_code: "1011" } }, ctx.shop.headers)
      const res = await ctx.shop.allowedProviders(cart.id, "?locale=de")
      expect(res.data.payment_providers.map((p: { id: string }) => p.id)).not.toContain(PROVIDERS.invoice)
      expect(res.data.notice).toEqual(expect.any(String))
      expect(JSON.stringify(res.data)).not.toMatch(/plausib|postal_code|postcode/i)

      await ctx.api.post(`/store/carts/${cart.id}`, { shipping_address: GERMAN_ADDRESS }, ctx.shop.headers)
      expect(await ctx.shop.allowedIds(cart.id)).toContain(PROVIDERS.invoice)
    })
  })
})
