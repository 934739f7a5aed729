import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { captureOrderPayment, GERMAN_ADDRESS, makePayingGuest, STRANGER_ADDRESS } from "../helpers/checkout"
import { registerCustomer } from "../helpers/customer"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"
import { writeReliabilityReport } from "./helpers/faults-report"

/**
 * The attacker's view (issue 13): a fraudster who has read the plugin's code tries each known
 * way around the promise "a new or listed shopper cannot pay with an unsafe method", end to
 * end through the store API, and each attempt must end in the safe answer.
 */
const NEW_CUSTOMER = [PROVIDERS.cod, PROVIDERS.prepayment].sort()
const STRANGER = STRANGER_ADDRESS
const report: string[] = []
afterAll(() => writeReliabilityReport("attacker", "Attacker: each bypass of issue 13 tried end to end", report))

withTestStore({ timeout: 300 * 1000 }, (ctx) => {
  const ok = { validateStatus: () => true }

  const knex = () => ctx.container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const ids = (res: { data: any }) => (res.data.payment_providers as Array<{ id: string }>).map((p) => p.id).sort()
  const listing = (cartId: string, headers: Record<string, string> = ctx.shop.headers.headers) =>
    ctx.api.get(`/store/carts/${cartId}/payment-providers?locale=de`, { headers, ...ok })
  const setPerson = (cartId: string, address: Record<string, string>, headers: Record<string, string> = ctx.shop.headers.headers, email?: string) =>
    ctx.api.post(`/store/carts/${cartId}`, { ...(email ? { email } : {}), billing_address: address, shipping_address: address }, { headers })
  async function orders() {
    const { rows } = await knex().raw(`select count(*)::int as n from "order"`)
    return rows[0].n as number
  }
  const payingGuest = (email: string) => makePayingGuest(ctx.api, ctx.admin, ctx.shop, email)

  it("identity theft: a paying customer's email with the fraudster's address gets no invoice, and swapping the address after the session is refused at completion", async () => {
    await payingGuest("opfer@example.com")
    const cart = await ctx.shop.createCart({ email: "opfer@example.com" })
    await setPerson(cart.id, STRANGER)
    expect(ids(await listing(cart.id))).toEqual(NEW_CUSTOMER)

    const swap = await ctx.shop.createCart({ email: "opfer@example.com" })
    const collection = await ctx.shop.paymentCollection(swap.id)
    expect((await ctx.shop.createSession(collection.id, PROVIDERS.invoice)).status).toBe(200)
    await setPerson(swap.id, STRANGER)
    const before = await orders()
    const completion = await ctx.shop.complete(swap.id)
    expect(completion.status).toBe(400)
    expect(await orders()).toBe(before)
    report.push("- identity theft (known email, other address; address swapped after the invoice session): new-customer methods, completion refused, no order")
  })

  it("session status: a hidden method's session set to pending_authorization or captured does not complete", async () => {
    for (const status of ["pending_authorization", "captured"]) {
      await payingGuest(`stamm-${status}@example.com`)
      const cart = await ctx.shop.createCart({ email: `stamm-${status}@example.com` })
      const collection = await ctx.shop.paymentCollection(cart.id)
      expect((await ctx.shop.createSession(collection.id, PROVIDERS.invoice)).status).toBe(200)
      await setPerson(cart.id, STRANGER)
      await knex().raw("update payment_session set status = ? where payment_collection_id = ?", [status, collection.id])
      const before = await orders()
      const completion = await ctx.shop.complete(cart.id)
      expect(completion.data.type).not.toBe("order")
      expect(await orders()).toBe(before)
    }
    report.push("- session statuses pending_authorization and captured for a hidden method: refused, no order")
  })

  it("credit oracle: a logged-in customer cycling strangers' names gets at most the allowed number of paid bureau queries", async () => {
    const settings = await ctx.api.post(
      "/admin/payment-risk/settings",
      { credit_check: { enabled: true, providers: [{ id: "sandbox", cost: 1.5 }], min_amount: 200 } },
      ctx.admin
    )
    expect(settings.data.settings.credit_check.limits.queries_per_cart).toBe(2)
    const account = await registerCustomer(ctx.api, ctx.store.publishableKey, "konto@example.com")
    const first = await ctx.api.post(
      "/store/carts",
      { region_id: ctx.store.regionId, email: "konto@example.com", items: [{ variant_id: ctx.store.cheapVariantId, quantity: 1 }], shipping_address: GERMAN_ADDRESS, billing_address: GERMAN_ADDRESS },
      { headers: account.headers }
    )
    const { data: pc } = await ctx.api.post("/store/payment-collections", { cart_id: first.data.cart.id }, { headers: account.headers })
    await ctx.api.post(`/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, { provider_id: PROVIDERS.prepayment }, { headers: account.headers })
    const placed = await ctx.api.post(`/store/carts/${first.data.cart.id}/complete`, {}, { headers: account.headers })
    await captureOrderPayment(ctx.api, ctx.admin, placed.data.order.id)

    const { data } = await ctx.api.post(
      "/store/carts",
      { region_id: ctx.store.regionId, email: "konto@example.com", items: [{ variant_id: ctx.store.expensiveVariantId, quantity: 1 }], shipping_address: GERMAN_ADDRESS, billing_address: GERMAN_ADDRESS },
      { headers: account.headers }
    )
    const names = ["Hart", "Weich", "Mittel", "Gelb", "Rot", "Schulz", "Becker", "Wagner"]
    for (const [n, last_name] of names.entries()) {
      await setPerson(data.cart.id, { ...GERMAN_ADDRESS, first_name: `Fremd${n}`, last_name, address_1: `Am Markt ${n + 1}` }, account.headers)
      const res = await listing(data.cart.id, account.headers)
      expect(res.status).toBe(200)
    }
    const { rows } = await knex().raw(
      "select count(*)::int as n from payment_risk_credit_query where cart_id = ? and cached = false",
      [data.cart.id]
    )
    expect(rows[0].n).toBeLessThanOrEqual(2)
    const last = await listing(data.cart.id, account.headers)
    expect(ids(last)).not.toContain(PROVIDERS.invoice)
    report.push(`- credit oracle: ${names.length} strangers' names on one logged-in cart → ${rows[0].n} paid bureau queries (limit 2), invoice hidden afterwards`)
  })

  it("probing: swapping identities on one cart ends in the safe methods", async () => {
    await payingGuest("stamm@example.com")
    const cart = await ctx.shop.createCart({ email: "stamm@example.com" })
    expect(ids(await listing(cart.id))).toContain(PROVIDERS.invoice)
    for (let n = 1; n <= 4; n++) {
      await setPerson(cart.id, { ...STRANGER, first_name: `Probe${n}` }, ctx.shop.headers.headers, `probe-${n}@example.com`)
      await listing(cart.id)
    }
    await setPerson(cart.id, GERMAN_ADDRESS, ctx.shop.headers.headers, "stamm@example.com")
    expect(ids(await listing(cart.id))).toEqual([PROVIDERS.prepayment])
    report.push("- probing: 5 identities on one cart → the known customer's identity gets prepayment only afterwards")
  })

  it("export injection and cross-site import: a formula typed into an entry is refused naming the field; text/plain imports are refused", async () => {
    const created = await ctx.api.post(
      "/admin/payment-risk/negative-list",
      { kind: "email", value: "formel@example.com", reason: "Betrug", note: "@SUM(1+1)" },
      { ...ctx.admin, ...ok }
    )
    // a merchant-typed formula is refused with the field named, nothing written
    expect(created.status).toBe(400)
    expect(created.data.message).toMatch(/note/)
    const plain = await ctx.api.post("/admin/payment-risk/negative-list/import", "kind,value,reason\nemail,a@example.com,Betrug\n", {
      headers: { ...ctx.admin.headers, "content-type": "text/plain" },
      ...ok,
    })
    expect(plain.status).toBeGreaterThanOrEqual(400)
    expect(plain.status).toBeLessThan(500)
    const { rows } = await knex().raw("select count(*)::int as n from payment_risk_negative_list_entry")
    expect(rows[0].n).toBe(0)
    report.push("- export/import: a formula typed by a merchant is refused naming the field; a text/plain import (cross-site without preflight) is refused, nothing written")
  })
})
