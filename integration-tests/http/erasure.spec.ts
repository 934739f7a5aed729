import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { captureOrderPayment } from "../helpers/checkout"
import { registerCustomer } from "../helpers/customer"
import { waitForReview } from "../helpers/review"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/** The shopper who asks for erasure: every value is unique to her in the test database. */
const PERSON = {
  first_name: "Kunigunde",
  last_name: "Quastenberg",
  address_1: "Zwetschgenallee 17",
  postal_code: "39261",
  city: "Zerbst",
  country_code: "de",
  phone: "+4915123456789",
}
const EMAIL = "kunigunde@quastenberg.example"
const IP = "198.51.100.77"
const IBAN = "DE89370400440532013000"
/** what the list shows of that IBAN */
const IBAN_HINT = "DE …3000"
/** what must not remain anywhere in the plugin's tables after her erasure */
const TRACES = ["Kunigunde", "Quastenberg", "Zwetschgenallee", "Zerbst", EMAIL, "4915123456789", IP, IBAN_HINT, "39261"]

/** Someone else, whose data must stay. */
const OTHER = { first_name: "Otto", last_name: "Normal", address_1: "Lindenweg 3", postal_code: "80331", city: "München", country_code: "de" }
const OTHER_EMAIL = "otto@normal.example"

type Pg = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

/**
 * Every text, text[] and JSON column of every plugin table (`payment_risk_%`, read from
 * information_schema), searched for each value as a whole token (case-insensitive): a postcode
 * inside a hex hash or an id does not count, a postcode in a lookup key or a JSON trace does.
 * Returns `table.column: value` for each hit.
 */
async function findTraces(pg: Pg, values: string[]): Promise<string[]> {
  const { rows: columns } = await pg.raw(
    `select table_name, column_name from information_schema.columns
      where table_schema = current_schema() and table_name like 'payment\\_risk\\_%'
        and (data_type in ('text', 'character varying', 'json', 'jsonb') or udt_name in ('_text', '_varchar'))
      order by table_name, column_name`
  )
  expect(columns.map((c) => c.table_name)).toEqual(expect.arrayContaining(["payment_risk_assessment", "payment_risk_negative_list_audit"]))
  const hits: string[] = []
  for (const { table_name, column_name } of columns) {
    for (const value of values) {
      const pattern = `(^|[^0-9a-z])${escapeRegex(value.toLowerCase())}($|[^0-9a-z])`
      const { rows } = await pg.raw(`select count(*)::int as n from ?? where ??::text ~* ?`, [table_name, column_name, pattern])
      if (rows[0].n > 0) hits.push(`${table_name}.${column_name}: ${value}`)
    }
  }
  return hits
}

withTestStore({ timeout: 180 * 1000 }, (ctx) => {
  const pg = () => ctx.container.resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION)
  const fromIp = (ip: string | null) => ({ headers: { ...ctx.shop.headers.headers, ...(ip ? { "x-forwarded-for": ip } : {}) } })
  const count = async (sql: string, bindings: unknown[] = []) => (await pg().raw(sql, bindings)).rows[0].n as number

  /** cart → payment listing (records signals, observations, a credit check) → session → complete, from `ip`. */
  const order = async (input: { email: string; person: Record<string, string>; ip: string | null; provider: string; sessionData?: Record<string, unknown>; birthDate?: boolean }) => {
    const cart = await ctx.shop.createCart({ email: input.email, customerHeaders: fromIp(input.ip).headers })
    await ctx.api.post(
      `/store/carts/${cart.id}`,
      { billing_address: input.person, shipping_address: input.person, ...(input.birthDate ? { metadata: { birth_date: "1980-05-17" } } : {}) },
      fromIp(input.ip)
    )
    const listing = await ctx.api.get(`/store/carts/${cart.id}/payment-providers`, fromIp(input.ip))
    expect(listing.status).toBe(200)
    const collection = await ctx.shop.paymentCollection(cart.id)
    const session = await ctx.api.post(
      `/store/payment-collections/${collection.id}/payment-sessions`,
      { provider_id: input.provider, ...(input.sessionData ? { data: input.sessionData } : {}) },
      { ...fromIp(input.ip), validateStatus: () => true }
    )
    expect(session.status).toBe(200)
    const completion = await ctx.api.post(`/store/carts/${cart.id}/complete`, {}, { ...fromIp(input.ip), validateStatus: () => true })
    expect(completion.data.type).toBe("order")
    return { cartId: cart.id, orderId: completion.data.order.id as string, providers: listing.data.payment_providers.map((p: { id: string }) => p.id) as string[] }
  }

  /** the order's assessment, once the order-placed subscriber linked it */
  const assessmentOfOrder = async (orderId: string) => {
    for (let i = 0; i < 100; i++) {
      const { data } = await ctx.api.get(`/admin/payment-risk/assessments?order_id=${orderId}`, ctx.admin)
      if (data.assessments.length) return data.assessments[0]
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`no assessment linked to ${orderId}`)
  }

  /**
   * The rules, the credit check and the review queue all write the shopper's data: a rule whose
   * conditions read her IP, postcode and email domain (their values land in the trace) and
   * that sends every order to review; the sandbox bureau asked from the first cent.
   */
  const enableEverything = async () => {
    const settings = await ctx.api.post(
      "/admin/payment-risk/settings",
      { credit_check: { enabled: true, providers: [{ id: "sandbox", cost: 1 }], min_amount: 0 } },
      ctx.admin
    )
    expect(settings.status).toBe(200)
    const rule = await ctx.api.post(
      "/admin/payment-risk/rules",
      {
        name: "Trace the shopper",
        priority: 1,
        conditions: {
          type: "group",
          combinator: "and",
          children: [
            { type: "condition", attribute: "network.ip_in_range", operator: "not_in", value: ["203.0.113.0/24"] },
            { type: "condition", attribute: "billing.postcode", operator: "starts_with", value: ["3"] },
            { type: "condition", attribute: "contact.email_domain", operator: "neq", value: "example.org" },
          ],
        },
        actions: [{ type: "add_score", points: 1 }, { type: "flag_review" }],
      },
      ctx.admin
    )
    expect(rule.status).toBe(201)
  }

  /**
   * The shopper's whole history: a first order (guest, prepayment, IBAN in the session data),
   * paid, so a second cart gets invoice and a credit check; both from her IP; the first order
   * reviewed with a note and put on the negative list from the review; her IP and IBAN listed
   * by hand (the IP entry created and then edited: an audit trail with history).
   */
  const shopperWithHistory = async () => {
    await enableEverything()
    const first = await order({ email: EMAIL, person: PERSON, ip: IP, provider: PROVIDERS.prepayment, sessionData: { iban: IBAN } })
    await captureOrderPayment(ctx.api, ctx.admin, first.orderId)
    const second = await order({ email: EMAIL, person: PERSON, ip: IP, provider: PROVIDERS.invoice, birthDate: true })
    expect(second.providers).toContain(PROVIDERS.invoice)

    await waitForReview(ctx.api, ctx.admin, first.orderId, "pending")
    await waitForReview(ctx.api, ctx.admin, second.orderId, "pending")
    const approved = await ctx.api.post(`/admin/payment-risk/reviews/${first.orderId}/approve`, { note: "Frau Quastenberg hat angerufen" }, ctx.admin)
    expect(approved.status).toBe(200)
    expect((await ctx.api.post(`/admin/payment-risk/reviews/${second.orderId}/approve`, {}, ctx.admin)).status).toBe(200)
    const listed = await ctx.api.post(`/admin/payment-risk/reviews/${first.orderId}/list`, { note: "Zahlung zurückgebucht" }, ctx.admin)
    expect(listed.status).toBe(200)
    expect(listed.data.entries.map((e: { kind: string }) => e.kind).sort()).toEqual(["email", "person", "phone"])
    // each entry records the order it was taken from, and expires by default
    for (const entry of listed.data.entries) expect(entry).toMatchObject({ order_id: first.orderId, expires_at: expect.any(String) })

    const ipEntry = await ctx.api.post("/admin/payment-risk/negative-list", { kind: "ip", value: IP, reason: "Bestellungen von dieser IP", source: "manual" }, ctx.admin)
    expect(ipEntry.status).toBe(201)
    const edited = await ctx.api.post(`/admin/payment-risk/negative-list/${ipEntry.data.entry.id}`, { note: "Kunigunde Quastenberg, Zerbst" }, ctx.admin)
    expect(edited.status).toBe(200)
    const ibanEntry = await ctx.api.post("/admin/payment-risk/negative-list", { kind: "iban", value: IBAN, reason: "Rücklastschrift", source: "return_debit" }, ctx.admin)
    expect(ibanEntry.status).toBe(201)
    expect(ibanEntry.data.entry.display_hint).toBe(IBAN_HINT)

    const entryIds = [...listed.data.entries.map((e: { id: string }) => e.id), ipEntry.data.entry.id, ibanEntry.data.entry.id] as string[]
    const assessmentIds = [(await assessmentOfOrder(first.orderId)).id, (await assessmentOfOrder(second.orderId)).id] as string[]
    return { first, second, entryIds, assessmentIds }
  }

  describe("when a shopper with orders, a credit check, list entries and tracking rows asks for erasure", () => {
    it("should leave nothing of her in any plugin table and keep the others' data", async () => {
      const mine = await shopperWithHistory()
      const other = await order({ email: OTHER_EMAIL, person: OTHER, ip: "192.0.2.10", provider: PROVIDERS.cod })

      // the fixture is real: her data is in the assessments' decisions, the tracking rows and the list
      expect(await count(`select count(*)::int as n from payment_risk_credit_query where cart_id = ?`, [mine.second.cartId])).toBeGreaterThan(0)
      expect(await count(`select count(*)::int as n from payment_risk_identity_observation where cart_id = any(?)`, [[mine.first.cartId, mine.second.cartId]])).toBeGreaterThan(0)
      expect(await count(`select count(*)::int as n from payment_risk_cart_signal where cart_id = any(?) and ip_key is not null`, [[mine.first.cartId, mine.second.cartId]])).toBe(2)
      expect(await count(`select count(*)::int as n from payment_risk_review_event where order_id = ?`, [mine.first.orderId])).toBeGreaterThan(0)
      const before = await findTraces(pg(), TRACES)
      expect(before).toEqual(expect.arrayContaining([
        `payment_risk_assessment.decision: ${IP}`,
        "payment_risk_assessment.decision: 39261",
        `payment_risk_assessment.email: ${EMAIL}`,
        `payment_risk_negative_list_entry.display_hint: ${IBAN_HINT}`,
        "payment_risk_negative_list_entry.last_name: Quastenberg",
        "payment_risk_review_event.note: Quastenberg",
      ]))

      const res = await ctx.api.post("/admin/payment-risk/erasure", { email: EMAIL.toUpperCase() }, ctx.admin)
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({ erased: 2, list_entries_deleted: 5 })

      expect(await findTraces(pg(), TRACES)).toEqual([])
      // nor did the plugin's workflows (the erasure's own included) leave her email in a stored execution
      expect(await count(`select count(*)::int as n from workflow_execution where workflow_id like '%payment-risk%' and (execution::text ilike ? or context::text ilike ?)`, [`%${EMAIL}%`, `%${EMAIL}%`])).toBe(0)

      // her assessments stay as anonymous figures, with no way back to her carts or orders
      const { rows } = await pg().raw(`select * from payment_risk_assessment where id = any(?)`, [mine.assessmentIds])
      expect(rows).toHaveLength(2)
      for (const row of rows) {
        expect(row).toMatchObject({ email: null, customer_id: null, order_id: null, identity_key: "erased", outcome: "accepted" })
        expect([mine.first.cartId, mine.second.cartId]).not.toContain(row.cart_id)
        expect(JSON.stringify(row.decision)).not.toMatch(/(cart|order)_[0-9A-Z]{26}|"values":\{"|"actual"|"message":"[^"]/)
        expect(row.decision.allowed_provider_ids.length).toBeGreaterThan(0)
      }
      // nor through the order ↔ assessment link (deleted, not dismissed)
      expect(await count(`select count(*)::int as n from order_order_paymentrisk_risk_assessment where risk_assessment_id = any(?)`, [mine.assessmentIds])).toBe(0)
      // her credit queries, list entries (hard, not soft) and their audit rows are gone
      expect(await count(`select count(*)::int as n from payment_risk_credit_query where cart_id = any(?)`, [[mine.first.cartId, mine.second.cartId]])).toBe(0)
      expect(await count(`select count(*)::int as n from payment_risk_negative_list_entry where id = any(?)`, [mine.entryIds])).toBe(0)
      expect(await count(`select count(*)::int as n from payment_risk_negative_list_audit where entry_id = any(?)`, [mine.entryIds])).toBe(0)
      expect(await count(`select count(*)::int as n from payment_risk_review_event where order_id = any(?)`, [[mine.first.orderId, mine.second.orderId]])).toBe(0)

      // the other shopper keeps everything
      expect(await assessmentOfOrder(other.orderId)).toMatchObject({ email: OTHER_EMAIL, cart_id: other.cartId })
      expect(await count(`select count(*)::int as n from payment_risk_cart_signal where cart_id = ?`, [other.cartId])).toBe(1)
      expect(await findTraces(pg(), ["Normal", OTHER_EMAIL])).toEqual(expect.arrayContaining([`payment_risk_assessment.email: ${OTHER_EMAIL}`]))
    })

    it("should keep her list entries with keep_negative_list, without clear values in their audit, and erase the rest", async () => {
      const mine = await shopperWithHistory()

      const res = await ctx.api.post("/admin/payment-risk/erasure", { email: EMAIL, keep_negative_list: true }, ctx.admin)
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({ erased: 2, list_entries_deleted: 0, list_entries_kept: 5 })

      // a listed fraudster does not get off the list by asking
      expect(await count(`select count(*)::int as n from payment_risk_negative_list_entry where id = any(?) and deleted_at is null`, [mine.entryIds])).toBe(5)
      const cart = await ctx.shop.createCart({ email: EMAIL })
      expect(await ctx.shop.allowedIds(cart.id)).toEqual([PROVIDERS.prepayment])
      // only the list entries (the merchant's legal claim) still hold her data
      const left = await findTraces(pg(), TRACES)
      expect(left.length).toBeGreaterThan(0)
      expect(left.filter((hit) => !hit.startsWith("payment_risk_negative_list_entry."))).toEqual([])
      const audits = await pg().raw(`select changes from payment_risk_negative_list_audit where entry_id = any(?)`, [mine.entryIds])
      expect(audits.rows.length).toBeGreaterThanOrEqual(6)
    })

    it("should refuse while one of her orders awaits review, erase nothing, and erase once it is decided", async () => {
      await enableEverything()
      const held = await order({ email: EMAIL, person: PERSON, ip: IP, provider: PROVIDERS.cod })
      await waitForReview(ctx.api, ctx.admin, held.orderId, "pending")

      const refused = await ctx.api.post("/admin/payment-risk/erasure", { email: EMAIL }, { ...ctx.admin, validateStatus: () => true })
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain(held.orderId)
      // nothing was erased: the hold on the order still stands
      expect(await assessmentOfOrder(held.orderId)).toMatchObject({ email: EMAIL, review_status: "pending" })
      expect(await count(`select count(*)::int as n from payment_risk_cart_signal where cart_id = ?`, [held.cartId])).toBe(1)

      await ctx.api.post(`/admin/payment-risk/reviews/${held.orderId}/cancel`, {}, ctx.admin)
      const erased = await ctx.api.post("/admin/payment-risk/erasure", { email: EMAIL }, ctx.admin)
      expect(erased.data).toMatchObject({ erased: 1, signals_deleted: 1 })
    })

    it("should erase by customer id: the account's signals, its customer entry and what its email holds", async () => {
      const { customerId, headers } = await registerCustomer(ctx.api, ctx.store.publishableKey, "konto@quastenberg.example")
      const cart = await ctx.shop.createCart({ email: "konto@quastenberg.example", customerHeaders: headers })
      await ctx.api.get(`/store/carts/${cart.id}/payment-providers`, { headers: { ...headers, "x-forwarded-for": IP } })
      expect(await count(`select count(*)::int as n from payment_risk_cart_signal where customer_id = ?`, [customerId])).toBe(1)
      const entries = await Promise.all([
        ctx.api.post("/admin/payment-risk/negative-list", { kind: "customer", value: customerId, reason: "Konto missbraucht" }, ctx.admin),
        ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: "konto@quastenberg.example", reason: "Konto missbraucht" }, ctx.admin),
      ])
      const ids = entries.map((e) => e.data.entry.id as string)

      const res = await ctx.api.post("/admin/payment-risk/erasure", { customer_id: customerId }, ctx.admin)
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({ signals_deleted: 1, identity_observations_deleted: 1, list_entries_deleted: 2 })
      expect(await count(`select count(*)::int as n from payment_risk_negative_list_entry where id = any(?)`, [ids])).toBe(0)
      expect(await findTraces(pg(), [customerId, "konto@quastenberg.example", IP])).toEqual([])
    })
  })
})
