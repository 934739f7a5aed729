import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { captureOrderPayment } from "../helpers/checkout"
import { makeKnownCustomer, ruleBody, rulesAdmin } from "../helpers/rules"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/**
 * Outcomes act through their consequence (issue 16): the entries carry the consequence's own
 * action, the merchant's configured consequence replaces the default, and the rule conditions
 * count the shopper's outcomes over her orders.
 */
withTestStore((ctx) => {
  const ok = { validateStatus: () => true }
  const paidOrder = async (email: string, providerId = PROVIDERS.cod) => {
    const { completion } = await ctx.shop.checkout({ email, providerId })
    expect(completion.data.type).toBe("order")
    await captureOrderPayment(ctx.api, ctx.admin, completion.data.order.id)
    return completion.data.order.id as string
  }
  const recordOutcome = (body: Record<string, unknown>) => ctx.api.post("/admin/payment-risk/outcomes", body, { ...ctx.admin, ...ok })
  const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)

  describe("when a direct debit comes back for lack of funds (AM04)", () => {
    it("should hide only invoice and direct debit from the shopper's next cart, not allow prepayment only", async () => {
      // Hans Meier (the checkout helper's person and address) is a known customer under a second email
      await makeKnownCustomer(ctx.api, ctx.admin, ctx.store, "hans.neu@example.com")
      const before = await ctx.shop.createCart({ email: "hans.neu@example.com" })
      const offered = await ctx.shop.allowedIds(before.id)
      expect(offered).toEqual(expect.arrayContaining([PROVIDERS.invoice, PROVIDERS.cod, PROVIDERS.system]))

      const res = await recordOutcome({ order_id: await paidOrder("hans.alt@example.com"), kind: "return_debit", reason_code: "AM04", amount: 49 })
      expect(res.status).toBe(201)
      expect(res.data.list_entries).toHaveLength(1)
      expect(res.data.list_entries[0]).toMatchObject({ kind: "person", source: "return_debit", action: { type: "hide_classes", classes: ["invoice", "direct_debit"] } })

      const after = await ctx.shop.createCart({ email: "hans.neu@example.com" })
      const allowed = await ctx.shop.allowedIds(after.id)
      expect(allowed).not.toContain(PROVIDERS.invoice)
      // everything else he was offered before stays (cash on delivery, the system provider)
      expect(allowed.sort()).toEqual(offered.filter((id: string) => id !== PROVIDERS.invoice).sort())
    })

    it("should list what the merchant configured for the code instead of the default", async () => {
      const saved = await ctx.api.post(
        "/admin/payment-risk/settings",
        { outcomes: { consequences: { "return_debit:AM04": { list: ["email"], action: { type: "hide_classes", classes: ["invoice"] }, expires_days: 30 } } } },
        ctx.admin
      )
      expect(saved.status).toBe(200)
      const occurred = "2026-11-20T10:00:00.000Z"
      const res = await recordOutcome({ order_id: await paidOrder("konfig@example.com"), kind: "return_debit", reason_code: "AM04", occurred_at: occurred })
      expect(res.status).toBe(201)
      expect(res.data.list_entries.map((entry: { kind: string }) => entry.kind)).toEqual(["email"])
      expect(res.data.list_entries[0].action).toEqual({ type: "hide_classes", classes: ["invoice"] })
      expect(new Date(res.data.list_entries[0].expires_at).toISOString()).toBe("2026-12-20T10:00:00.000Z")
      expect(res.data.skipped).toEqual([])

      // the other codes keep their default
      const md06 = await recordOutcome({ order_id: await paidOrder("widerspruch@example.com"), kind: "return_debit", reason_code: "MD06" })
      expect(md06.data.list_entries.map((entry: { kind: string }) => entry.kind).sort()).toEqual(["email", "person"])
      expect(md06.data.list_entries.every((entry: { action: unknown }) => entry.action === null)).toBe(true)
    })

    it("should make the entry listed for a milder consequence stricter for a harsher one, not list the person twice", async () => {
      const mild = await recordOutcome({ order_id: await paidOrder("mild@example.com"), kind: "return_debit", reason_code: "AM04" })
      const harsh = await recordOutcome({ order_id: await paidOrder("hart@example.com"), kind: "cod_refused" })
      expect(harsh.status).toBe(201)
      expect(harsh.data.already_listed).toEqual(["person"])
      expect(harsh.data.list_entries).toHaveLength(1)
      expect(harsh.data.list_entries[0]).toMatchObject({
        id: mild.data.list_entries[0].id,
        kind: "person",
        source: "return_debit",
        action: { type: "allow_only_classes", classes: ["prepayment"] },
      })
      const people = await service().listNegativeListEntries({ kind: "person" }, { select: ["id", "action"] })
      expect(people).toHaveLength(1)
    })
  })

  describe("when a second outcome of the same shopper lists the same data", () => {
    const DAY = 86_400_000
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString()
    const entries = () =>
      service().listNegativeListEntries({}, { select: ["id", "kind", "source", "action", "expires_at"], order: { kind: "ASC" } }) as Promise<
        Array<{ id: string; kind: string; source: string; action: unknown; expires_at: Date }>
      >

    it("should extend the person listed for a return debit when a card fraud chargeback follows, and link both outcomes", async () => {
      const debit = await recordOutcome({ order_id: await paidOrder("kunde@example.com"), kind: "return_debit", reason_code: "AM04", occurred_at: daysAgo(30) })
      expect(debit.status).toBe(201)
      const [person] = debit.data.list_entries
      // her next order under another email (the earlier one awaits its money again, so that email gets prepayment only)
      const chargeback = await recordOutcome({ order_id: await paidOrder("kunde.neu@example.com"), kind: "chargeback", reason_code: "10.4" })
      expect(chargeback.status).toBe(201)
      expect(chargeback.data.already_listed).toEqual(["person"])
      expect(chargeback.data.extended_entry_ids).toEqual([person.id])

      const listed = await entries()
      expect(listed.map((entry) => entry.kind)).toEqual(["email", "person"])
      const stored = listed.find((entry) => entry.kind === "person")!
      expect(stored.id).toBe(person.id)
      // the chargeback's consequence is the list's own action (prepayment only) and its default expiry
      expect(stored.action).toBeNull()
      expect(new Date(stored.expires_at).getTime()).toBeGreaterThan(new Date(person.expires_at).getTime() + 365 * DAY)
      expect(stored.source).toBe("return_debit")
      expect(chargeback.data.outcome.list_entry_ids.sort()).toEqual(listed.map((entry) => entry.id).sort())
      expect(debit.data.outcome.list_entry_ids).toEqual([person.id])

      // the change is in the entry's audit trail
      const audit = await service().listNegativeListAudits({ entry_id: person.id }, { order: { created_at: "ASC" } })
      expect(audit.map((row) => row.action)).toEqual(["create", "update"])
    })

    it("should push the expiry out when the same kind comes back on her next order, keeping one entry", async () => {
      const first = await recordOutcome({ order_id: await paidOrder("wieder@example.com"), kind: "return_debit", reason_code: "AM04", occurred_at: daysAgo(100) })
      const second = await recordOutcome({ order_id: await paidOrder("wieder.neu@example.com"), kind: "return_debit", reason_code: "AM04", occurred_at: daysAgo(10) })
      expect(second.status).toBe(201)
      expect(second.data.already_listed).toEqual(["person"])
      const listed = await entries()
      expect(listed).toHaveLength(1)
      expect(listed[0].id).toBe(first.data.list_entries[0].id)
      expect(listed[0].action).toEqual({ type: "hide_classes", classes: ["invoice", "direct_debit"] })
      // six months from the second return debit, not from the first
      expect(Math.round((new Date(listed[0].expires_at).getTime() - new Date(daysAgo(10)).getTime()) / DAY)).toBe(183)
      expect(second.data.outcome.list_entry_ids).toEqual([listed[0].id])
    })

    it("should count the list's default period from the day the outcome happened, not from when it was recorded", async () => {
      const days = (await ctx.api.get("/admin/payment-risk/settings", ctx.admin)).data.settings.retention.list_entry_days as number
      // a fraud chargeback (listed for the list's default period) that happened 40 days before it was recorded
      const res = await recordOutcome({ order_id: await paidOrder("spaet@example.com"), kind: "chargeback", reason_code: "10.4", occurred_at: daysAgo(40) })
      expect(res.status).toBe(201)
      const listed = await entries()
      expect(listed.length).toBeGreaterThan(0)
      for (const entry of listed) {
        expect(Math.round((new Date(entry.expires_at).getTime() - new Date(daysAgo(40)).getTime()) / DAY)).toBe(days)
      }
    })
  })

  describe("when a rule counts chargebacks", () => {
    it("should hold for a guest with a chargeback on an earlier order under the same email", async () => {
      const rules = rulesAdmin(ctx.api, ctx.admin)
      const created = await rules.create(
        ruleBody("Chargeback vorher", [{ type: "condition", attribute: "customer.chargebacks", operator: "gte", value: 1 }], [{ type: "add_score", points: 5 }])
      )
      expect(created.status).toBe(201)
      const trace = async (email: string) => {
        const cart = await ctx.shop.createCart({ email })
        const { data } = await rules.evaluate({ cart_id: cart.id })
        return data.decision.rules.rules.find((rule: { name: string }) => rule.name === "Chargeback vorher")
      }
      const orderId = await paidOrder("gast@example.com", PROVIDERS.prepayment)
      expect(await trace("gast@example.com")).toMatchObject({ held: false, conditions: { children: [expect.objectContaining({ actual: 0 })] } })

      // goods not received: recorded only, no list entry — only the history knows
      const res = await recordOutcome({ order_id: orderId, kind: "chargeback", reason_code: "13.1" })
      expect(res.data.list_entries).toEqual([])
      expect(await trace("GAST@example.com")).toMatchObject({ held: true, conditions: { children: [expect.objectContaining({ actual: 1 })] } })
      // another shopper is not affected
      expect(await trace("andere@example.com")).toMatchObject({ held: false })

      // the customer's outcomes (her orders by account and email), as the customer widget reads them
      const [order] = await service().listPaymentOutcomes({ order_id: orderId }, { select: ["id"] })
      expect(order).toBeDefined()
      const query = ctx.container.resolve("query")
      const { data: orders } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
      const customerId = (orders[0] as { customer_id: string }).customer_id
      const byCustomer = await ctx.api.get(`/admin/payment-risk/outcomes?customer_id=${customerId}`, ctx.admin)
      expect(byCustomer.data).toMatchObject({ count: 1, outcomes: [{ order_id: orderId, kind: "chargeback" }] })
      const unknown = await ctx.api.get("/admin/payment-risk/outcomes?customer_id=cus_unknown", { ...ctx.admin, ...ok })
      expect(unknown.status).toBe(404)
      const both = await ctx.api.get(`/admin/payment-risk/outcomes?customer_id=${customerId}&order_id=${orderId}`, { ...ctx.admin, ...ok })
      expect(both.status).toBe(400)
      expect(both.data.message).toContain("customer_id")

      // won back: no longer counted
      await recordOutcome({ order_id: orderId, kind: "chargeback_reversed", reason_code: "13.1" })
      expect(await trace("gast@example.com")).toMatchObject({ held: false })
    })
  })
})
