import { captureOrderPayment, GERMAN_ADDRESS, makePayingGuest, STRANGER_ADDRESS } from "../helpers/checkout"
import { registerCustomer } from "../helpers/customer"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/** The paying customer's address is GERMAN_ADDRESS (Hans Meier, Hauptstraße 5, 10115 Berlin). */
const OTHER_ADDRESS = STRANGER_ADDRESS
const FIRST_ORDER_METHODS = [PROVIDERS.cod, PROVIDERS.prepayment].sort()

withTestStore((ctx) => {
  const ok = { validateStatus: () => true }

  /** A paid guest order of Hans Meier under `email`. */
  const payingCustomer = (email: string) => makePayingGuest(ctx.api, ctx.admin, ctx.shop, email)

  async function cartWith(email: string, address: Record<string, string>, headers: Record<string, string> = ctx.shop.headers.headers) {
    const { data } = await ctx.api.post(
      "/store/carts",
      {
        region_id: ctx.store.regionId,
        email,
        items: [{ variant_id: ctx.store.cheapVariantId, quantity: 1 }],
        shipping_address: address,
        billing_address: address,
      },
      { headers }
    )
    return data.cart as { id: string; customer_id: string | null }
  }

  const listing = (cartId: string, headers: Record<string, string> = ctx.shop.headers.headers) =>
    ctx.api.get(`/store/carts/${cartId}/payment-providers?locale=de`, { headers, ...ok })
  const idsOf = (res: { data: any }) => (res.data.payment_providers as Array<{ id: string }>).map((p) => p.id).sort()

  async function selectAndComplete(cartId: string, providerId: string, headers: Record<string, string> = ctx.shop.headers.headers) {
    const { data } = await ctx.api.post("/store/payment-collections", { cart_id: cartId }, { headers })
    const session = await ctx.api.post(`/store/payment-collections/${data.payment_collection.id}/payment-sessions`, { provider_id: providerId }, { headers, ...ok })
    const completion = await ctx.api.post(`/store/carts/${cartId}/complete`, {}, { headers, ...ok })
    return { session, completion }
  }

  describe("when a guest types a paying customer's email with another person and address", () => {
    it("should treat the guest as new: first-order methods only, the neutral notice, no invoice session", async () => {
      await payingCustomer("stamm@example.com")
      const cart = await cartWith("stamm@example.com", OTHER_ADDRESS)

      const res = await listing(cart.id)
      expect(idsOf(res)).toEqual(FIRST_ORDER_METHODS)
      expect(res.data.notice).toMatch(/Erstbestellungen/)
      expect(JSON.stringify(res.data)).not.toMatch(/stamm|Meier|history|recogni|address/i)

      const { session, completion } = await selectAndComplete(cart.id, PROVIDERS.invoice)
      expect(session.status).toBe(400)
      expect(completion.data.type).not.toBe("order")
    })

    it("should refuse completion when the address is swapped after the invoice session was created", async () => {
      await payingCustomer("stamm@example.com")
      const cart = await cartWith("stamm@example.com", GERMAN_ADDRESS)
      expect(idsOf(await listing(cart.id))).toContain(PROVIDERS.invoice)
      const { data } = await ctx.api.post("/store/payment-collections", { cart_id: cart.id }, ctx.shop.headers)
      const session = await ctx.api.post(`/store/payment-collections/${data.payment_collection.id}/payment-sessions`, { provider_id: PROVIDERS.invoice }, { ...ctx.shop.headers, ...ok })
      expect(session.status).toBe(200)

      await ctx.api.post(`/store/carts/${cart.id}`, { billing_address: OTHER_ADDRESS, shipping_address: OTHER_ADDRESS }, ctx.shop.headers)
      expect(idsOf(await listing(cart.id))).toEqual(FIRST_ORDER_METHODS)
      const completion = await ctx.api.post(`/store/carts/${cart.id}/complete`, {}, { ...ctx.shop.headers, ...ok })
      expect(completion.status).toBe(400)
      expect(completion.data.type).not.toBe("order")
    })

    it("should not be fooled by the right person at another house number", async () => {
      await payingCustomer("stamm@example.com")
      const cart = await cartWith("stamm@example.com", { ...GERMAN_ADDRESS, address_1: "Hauptstraße 55" })
      expect(idsOf(await listing(cart.id))).toEqual(FIRST_ORDER_METHODS)
    })
  })

  describe("when a guest bills the paying customer but ships to another address", () => {
    it("should treat the guest as new (the customer's details with a drop address)", async () => {
      await payingCustomer("stamm@example.com")
      const { data } = await ctx.api.post(
        "/store/carts",
        {
          region_id: ctx.store.regionId,
          email: "stamm@example.com",
          items: [{ variant_id: ctx.store.cheapVariantId, quantity: 1 }],
          billing_address: GERMAN_ADDRESS,
          shipping_address: { ...GERMAN_ADDRESS, address_1: "Packstation 118", postal_code: "20095", city: "Hamburg" },
        },
        ctx.shop.headers
      )
      expect(idsOf(await listing(data.cart.id))).toEqual(FIRST_ORDER_METHODS)
    })
  })

  describe("when a real returning guest writes name and address differently", () => {
    it("should know the guest: invoice offered in the listing and accepted at completion", async () => {
      await payingCustomer("stamm@example.com")
      const cart = await cartWith("Stamm@Example.com", {
        ...GERMAN_ADDRESS,
        first_name: "hans",
        last_name: "MEIER",
        address_1: "Hauptstr. 5",
        city: "berlin",
      })
      const res = await listing(cart.id)
      expect(idsOf(res)).toEqual(Object.values(PROVIDERS).sort())
      expect(res.data.notice).toBeNull()

      const { session, completion } = await selectAndComplete(cart.id, PROVIDERS.invoice)
      expect(session.status).toBe(200)
      expect(completion.data.type).toBe("order")
    })
  })

  describe("when a logged-in customer has guest orders under its email", () => {
    it("should count the guest orders at the same address, in the listing and at completion", async () => {
      await payingCustomer("konto@example.com")
      const account = await registerCustomer(ctx.api, ctx.store.publishableKey, "konto@example.com")
      const cart = await cartWith("konto@example.com", GERMAN_ADDRESS, account.headers)
      expect(cart.customer_id).toBe(account.customerId)

      expect(idsOf(await listing(cart.id, account.headers))).toContain(PROVIDERS.invoice)
      const { session, completion } = await selectAndComplete(cart.id, PROVIDERS.invoice, account.headers)
      expect(session.status).toBe(200)
      expect(completion.data.type).toBe("order")
    })

    it("should not hand a victim's guest history to an account registered with the victim's email", async () => {
      await payingCustomer("opfer@example.com")
      const attacker = await registerCustomer(ctx.api, ctx.store.publishableKey, "opfer@example.com")
      const cart = await cartWith("opfer@example.com", OTHER_ADDRESS, attacker.headers)
      expect(idsOf(await listing(cart.id, attacker.headers))).toEqual(FIRST_ORDER_METHODS)
    })
  })

  describe("when a logged-in customer paid orders on its account and moved", () => {
    async function accountWithPaidOrder() {
      const account = await registerCustomer(ctx.api, ctx.store.publishableKey, "umzug@example.com")
      const first = await cartWith("umzug@example.com", GERMAN_ADDRESS, account.headers)
      const { completion } = await selectAndComplete(first.id, PROVIDERS.prepayment, account.headers)
      expect(completion.data.type).toBe("order")
      await captureOrderPayment(ctx.api, ctx.admin, completion.data.order.id)
      return account
    }

    /** Hans Meier, who paid at Hauptstraße 5 in Berlin, now lives in Hamburg */
    const MOVED = { ...OTHER_ADDRESS, first_name: GERMAN_ADDRESS.first_name, last_name: GERMAN_ADDRESS.last_name }

    it("should know the account at its new address, in the listing and at completion", async () => {
      const account = await accountWithPaidOrder()
      const cart = await cartWith("umzug@example.com", MOVED, account.headers)
      expect(idsOf(await listing(cart.id, account.headers))).toContain(PROVIDERS.invoice)
      const { completion } = await selectAndComplete(cart.id, PROVIDERS.invoice, account.headers)
      expect(completion.data.type).toBe("order")
    })

    it("should not let the account's paid orders vouch for a stranger billed on its cart", async () => {
      const account = await accountWithPaidOrder()
      const cart = await cartWith("umzug@example.com", OTHER_ADDRESS, account.headers)
      expect(idsOf(await listing(cart.id, account.headers))).toEqual(FIRST_ORDER_METHODS)
    })

    it("should judge the account's cart as a guest's when the request is not logged in", async () => {
      const account = await accountWithPaidOrder()
      const cart = await cartWith("umzug@example.com", MOVED, account.headers)
      // someone holding the cart id but not the session
      expect(idsOf(await listing(cart.id))).toEqual(FIRST_ORDER_METHODS)
      const { data } = await ctx.api.post("/store/payment-collections", { cart_id: cart.id }, { headers: account.headers })
      const session = await ctx.api.post(`/store/payment-collections/${data.payment_collection.id}/payment-sessions`, { provider_id: PROVIDERS.invoice }, { headers: account.headers, ...ok })
      expect(session.status).toBe(200)
      const completion = await ctx.api.post(`/store/carts/${cart.id}/complete`, {}, { ...ctx.shop.headers, ...ok })
      expect(completion.status).toBe(400)
      expect(completion.data.type).not.toBe("order")
    })
  })

  describe("when the merchant recognises guests by email alone", () => {
    it("should treat anyone with the email as the customer (the weaker setting)", async () => {
      await ctx.api.post("/admin/payment-risk/settings", { protection: { guest_recognition: "email" } }, ctx.admin)
      await payingCustomer("stamm@example.com")
      const cart = await cartWith("stamm@example.com", OTHER_ADDRESS)
      expect(idsOf(await listing(cart.id))).toContain(PROVIDERS.invoice)
    })
  })
})
