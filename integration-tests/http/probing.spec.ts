import { GERMAN_ADDRESS, makePayingGuest } from "../helpers/checkout"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

const person = (n: number) => ({ ...GERMAN_ADDRESS, first_name: `Probe${String.fromCharCode(65 + n)}`, last_name: "Tester", address_1: `Ringstraße ${n + 1}` })

withTestStore({ timeout: 180 * 1000 }, (ctx) => {
  const ok = { validateStatus: () => true }

  const payingCustomer = (email: string) => makePayingGuest(ctx.api, ctx.admin, ctx.shop, email)

  const withIp = (ip: string) => ({ ...ctx.shop.headers.headers, "x-forwarded-for": ip })
  const setIdentity = (cartId: string, email: string, address: Record<string, string>, headers = ctx.shop.headers.headers) =>
    ctx.api.post(`/store/carts/${cartId}`, { email, billing_address: address, shipping_address: address }, { headers })
  const listing = (cartId: string, headers = ctx.shop.headers.headers) =>
    ctx.api.get(`/store/carts/${cartId}/payment-providers?locale=de`, { headers, ...ok })
  const ids = (res: { data: any }) => (res.data.payment_providers as Array<{ id: string }>).map((p) => p.id).sort()
  /** the answer without the parts that may differ by decision */
  const rest = (res: { status: number; data: any }) => {
    const { payment_providers: _p, count: _c, limit: _l, notice: _n, ...others } = res.data
    return { status: res.status, others, keys: Object.keys(res.data).sort() }
  }

  describe("when a script swaps billing identities on one cart", () => {
    it("should give the cart the safe methods after the limit, answering alike apart from providers and notice", async () => {
      await payingCustomer("stamm@example.com")
      const cart = await ctx.shop.createCart({ email: "stamm@example.com" })
      const known = await listing(cart.id)
      expect(ids(known)).toContain(PROVIDERS.invoice)
      expect(known.data.notice).toBeNull()

      // default limit: 3 identities per cart within 60 minutes (the known one is the first)
      await setIdentity(cart.id, "probe-1@example.com", person(1))
      expect(ids(await listing(cart.id))).toEqual([PROVIDERS.cod, PROVIDERS.prepayment].sort())
      await setIdentity(cart.id, "probe-2@example.com", person(2))
      expect(ids(await listing(cart.id))).toEqual([PROVIDERS.cod, PROVIDERS.prepayment].sort())
      await setIdentity(cart.id, "probe-3@example.com", person(3))
      const over = await listing(cart.id)
      expect(ids(over)).toEqual([PROVIDERS.prepayment])

      // back to the known customer: the cart stays on the safe methods
      await setIdentity(cart.id, "stamm@example.com", GERMAN_ADDRESS)
      const after = await listing(cart.id)
      expect(ids(after)).toEqual([PROVIDERS.prepayment])
      // the generic notice: it names no method (only prepayment is shown) and no reason
      expect(after.data.notice).toMatch(/angezeigten Zahlungsarten/)
      expect(rest(after)).toEqual(rest(known))
      expect(JSON.stringify(after.data)).not.toMatch(/prob|identit|too_many|fallback|window/i) // ("limit" is a key of the list shape)

      // and the completion agrees: invoice is refused
      const collection = await ctx.shop.paymentCollection(cart.id)
      expect((await ctx.shop.createSession(collection.id, PROVIDERS.invoice)).status).toBe(400)
    })

    it("should count other shipping people and addresses under the same email and billing", async () => {
      await payingCustomer("stamm@example.com")
      const cart = await ctx.shop.createCart({ email: "stamm@example.com" })
      for (let n = 1; n <= 3; n++) {
        await ctx.api.post(`/store/carts/${cart.id}`, { billing_address: GERMAN_ADDRESS, shipping_address: person(n) }, ctx.shop.headers)
        await listing(cart.id)
      }
      await ctx.api.post(`/store/carts/${cart.id}`, { billing_address: GERMAN_ADDRESS, shipping_address: GERMAN_ADDRESS }, ctx.shop.headers)
      expect(ids(await listing(cart.id))).toEqual([PROVIDERS.prepayment])
    })

    it("should count an IPv6 network, not each of its addresses", async () => {
      await ctx.api.post("/admin/payment-risk/settings", { protection: { max_identities_per_ip: 2 } }, ctx.admin)
      for (let n = 1; n <= 2; n++) {
        const cart = await ctx.shop.createCart({ email: `v6-${n}@example.com` })
        await setIdentity(cart.id, `v6-${n}@example.com`, person(n), withIp(`2001:db8:1:2::${n}`))
        await listing(cart.id, withIp(`2001:db8:1:2::${n}`))
      }
      const third = await ctx.shop.createCart({ email: "v6-3@example.com" })
      await setIdentity(third.id, "v6-3@example.com", person(3), withIp("2001:db8:1:2:ffff::3"))
      expect(ids(await listing(third.id, withIp("2001:db8:1:2:ffff::3")))).toEqual([PROVIDERS.prepayment])
    })

    it("should not count correcting the case or spelling of the same identity", async () => {
      await payingCustomer("stamm@example.com")
      const cart = await ctx.shop.createCart({ email: "stamm@example.com" })
      for (const variant of [
        { email: "Stamm@Example.com", address: GERMAN_ADDRESS },
        { email: "stamm@example.com", address: { ...GERMAN_ADDRESS, address_1: "Hauptstr. 5" } },
        { email: "stamm@example.com", address: { ...GERMAN_ADDRESS, first_name: "HANS", city: "berlin" } },
        { email: "STAMM@example.com", address: { ...GERMAN_ADDRESS, address_1: "Hauptstrasse 5" } },
      ]) {
        await setIdentity(cart.id, variant.email, variant.address)
        expect(ids(await listing(cart.id))).toContain(PROVIDERS.invoice)
      }
    })
  })

  describe("when one IP address tries many identities on many carts", () => {
    it("should give that IP's carts the safe methods beyond the limit, and leave other IPs alone", async () => {
      const settings = await ctx.api.post("/admin/payment-risk/settings", { protection: { max_identities_per_ip: 3 } }, ctx.admin)
      expect(settings.data.settings.protection.max_identities_per_ip).toBe(3)
      await payingCustomer("stamm@example.com")

      const probe = withIp("198.51.100.7")
      for (let n = 1; n <= 3; n++) {
        const cart = await ctx.shop.createCart({ email: `probe-${n}@example.com` })
        await setIdentity(cart.id, `probe-${n}@example.com`, person(n), probe)
        expect(ids(await listing(cart.id, probe))).toEqual([PROVIDERS.cod, PROVIDERS.prepayment].sort())
      }
      const known = await ctx.shop.createCart({ email: "stamm@example.com" })
      expect(ids(await listing(known.id, probe))).toEqual([PROVIDERS.prepayment])

      // the real customer from another IP is not affected
      const elsewhere = await ctx.shop.createCart({ email: "stamm@example.com" })
      expect(ids(await listing(elsewhere.id, withIp("192.0.2.44")))).toContain(PROVIDERS.invoice)
    })
  })

  describe("when the shopper asks for erasure", () => {
    it("should delete the identity observations recorded for the email", async () => {
      const cart = await ctx.shop.createCart({ email: "weg@example.com" })
      await listing(cart.id)
      const res = await ctx.api.post("/admin/payment-risk/erasure", { email: "weg@example.com" }, ctx.admin)
      expect(res.data.identity_observations_deleted).toBe(1)
    })
  })
})
