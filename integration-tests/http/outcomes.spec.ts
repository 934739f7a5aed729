import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import eraseExpiredAssessmentData from "../../src/jobs/erase-expired-assessment-data"
import { captureOrderPayment } from "../helpers/checkout"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/** Recording what happened after checkout: once, with its consequence on the negative list. */
withTestStore((ctx) => {
  const ok = { validateStatus: () => true }
  const paidOrder = async (email: string) => {
    const { completion } = await ctx.shop.checkout({ email, providerId: PROVIDERS.cod })
    expect(completion.data.type).toBe("order")
    await captureOrderPayment(ctx.api, ctx.admin, completion.data.order.id)
    return completion.data.order.id as string
  }
  const recordOutcome = (body: Record<string, unknown>, headers: object = ctx.admin) =>
    ctx.api.post("/admin/payment-risk/outcomes", body, { ...headers, ...ok })
  const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)

  it("should record a return debit for lack of funds and list the person, reporting the IBAN it does not know", async () => {
    const orderId = await paidOrder("stamm@example.com")
    const res = await recordOutcome({ order_id: orderId, kind: "return_debit", reason_code: "AM04", amount: 49, fee: 3.5, note: "Bank meldet keine Deckung" })

    expect(res.status).toBe(201)
    expect(res.data.duplicate).toBe(false)
    expect(res.data.outcome).toMatchObject({ order_id: orderId, kind: "return_debit", reason_code: "AM04", source: "admin", currency_code: "eur" })
    expect(res.data.list_entries.map((entry: { kind: string; source: string }) => [entry.kind, entry.source])).toEqual([["person", "return_debit"]])
    expect(res.data.list_entries[0].reason).toMatch(/^Rücklastschrift: Keine Deckung \(AM04\), Bestellung #\d+$/)
    // six months (183 days) from the event
    const expires = new Date(res.data.list_entries[0].expires_at).getTime()
    expect(Math.round((expires - new Date(res.data.outcome.occurred_at).getTime()) / 86_400_000)).toBe(183)
    expect(res.data.skipped).toEqual([{ kind: "iban", field: "iban", message: "the order has no such data" }])
    expect(res.data.outcome.list_entry_ids).toEqual([res.data.list_entries[0].id])

    // the history and the list both see it: the shopper gets prepayment only
    const next = await ctx.shop.createCart({ email: "stamm@example.com" })
    expect(await ctx.shop.allowedIds(next.id)).toEqual([PROVIDERS.prepayment])
    const listed = await ctx.api.get(`/admin/payment-risk/outcomes?order_id=${orderId}`, ctx.admin)
    expect(listed.data).toMatchObject({ count: 1, outcomes: [{ id: res.data.outcome.id }] })
  })

  it("should list email and person for card fraud and nothing for goods not received", async () => {
    // both shoppers are Hans Meier at the same address (the checkout helper's): goods first, as
    // after the fraud listing his next cash-on-delivery order would rightly be refused
    const goods = await recordOutcome({ order_id: await paidOrder("paket@example.com"), kind: "chargeback", reason_code: "13.1" })
    expect(goods.status).toBe(201)
    expect(goods.data.list_entries).toEqual([])

    const fraud = await recordOutcome({ order_id: await paidOrder("betrug@example.com"), kind: "chargeback", reason_code: "10.4" })
    expect(fraud.status).toBe(201)
    expect(fraud.data.list_entries.map((entry: { kind: string }) => entry.kind).sort()).toEqual(["email", "person"])
    expect(fraud.data.skipped.map((skip: { kind: string }) => skip.kind)).toEqual(["card"])
  })

  it("should record an event once when its external id comes again, also at the same moment", async () => {
    const orderId = await paidOrder("doppelt@example.com")
    const body = { order_id: orderId, kind: "chargeback", reason_code: "fraudulent", external_id: "dp_123" }
    const [a, b] = await Promise.all([recordOutcome(body), recordOutcome(body)])
    expect([a.status, b.status].sort()).toEqual([200, 201])
    const again = await recordOutcome(body)
    expect(again.status).toBe(200)
    expect(again.data).toMatchObject({ duplicate: true, list_entries: [] })
    expect(await service().listPaymentOutcomes({ order_id: orderId })).toHaveLength(1)
    const entries = await service().listNegativeListEntries({ order_id: orderId })
    expect(entries.map((entry) => entry.kind).sort()).toEqual(["email", "person"])

    // the same key for another kind is a mistake, not a repeated delivery
    const reused = await recordOutcome({ ...body, kind: "return_debit" })
    expect(reused.status).toBe(409)
    expect(await service().listPaymentOutcomes({ order_id: orderId })).toHaveLength(1)
  })

  it("should store the note without the IBAN, card number or email typed into it, and erase and purge it with the outcome", async () => {
    const orderId = await paidOrder("notiz@example.com")
    const note = "Bank: Rücklastschrift von DE89 3704 0044 0532 0130 00, Karte 4111 1111 1111 1111, Rückfragen an hans.meier@example.com"
    const res = await recordOutcome({ order_id: orderId, kind: "return_debit", reason_code: "MS03", note })
    expect(res.status).toBe(201)
    const expected = "Bank: Rücklastschrift von [iban], Karte [card], Rückfragen an [email]"
    expect(res.data.outcome.note).toBe(expected)
    const [stored] = await service().listPaymentOutcomes({ order_id: orderId }, { select: ["id", "note"] })
    expect(stored.note).toBe(expected)
    const listed = await ctx.api.get(`/admin/payment-risk/outcomes?order_id=${orderId}`, ctx.admin)
    expect(JSON.stringify(listed.data)).not.toMatch(/DE89|4111|hans\.meier/)
    // a write-off's note takes the same path
    const closed = await ctx.api.post("/admin/payment-risk/outcomes", { order_id: orderId, kind: "written_off", note: "IBAN DE89370400440532013000" }, ctx.admin)
    expect(closed.data.outcome.note).toBe("IBAN [iban]")

    // the retention job deletes the outcome with its note after outcome_days (four years)
    await eraseExpiredAssessmentData(ctx.container, { now: new Date(Date.now() + 1462 * 86_400_000) })
    expect(await service().listPaymentOutcomes({ order_id: orderId })).toEqual([])

    // the shopper's erasure deletes it too
    const again = await recordOutcome({ order_id: orderId, kind: "return_debit", reason_code: "MS03", note: "zweiter Versuch" })
    expect(again.status).toBe(201)
    const erased = await ctx.api.post("/admin/payment-risk/erasure", { email: "notiz@example.com" }, ctx.admin)
    expect(erased.status).toBe(200)
    expect(erased.data.outcomes_deleted).toBe(1)
    expect(await service().listPaymentOutcomes({ order_id: orderId })).toEqual([])
  })

  it("should refuse bad input naming the field, an unknown order with 404, and a caller without admin login", async () => {
    const orderId = await paidOrder("fehler@example.com")
    const badKind = await recordOutcome({ order_id: orderId, kind: "stolen" })
    expect(badKind.status).toBe(400)
    expect(badKind.data.message).toContain("kind")
    const formula = await recordOutcome({ order_id: orderId, kind: "cod_refused", note: "=HYPERLINK(\"x\")" })
    expect(formula.status).toBe(400)
    expect(formula.data.message).toContain("note")
    const future = await recordOutcome({ order_id: orderId, kind: "cod_refused", occurred_at: "2999-01-01" })
    expect(future.status).toBe(400)
    expect(future.data.message).toContain("occurred_at")
    const unknown = await recordOutcome({ order_id: "order_unknown", kind: "cod_refused" })
    expect(unknown.status).toBe(404)
    const anonymous = await recordOutcome({ order_id: orderId, kind: "cod_refused" }, {})
    expect(anonymous.status).toBe(401)
    expect(await service().listPaymentOutcomes({ order_id: orderId })).toEqual([])
  })
})
