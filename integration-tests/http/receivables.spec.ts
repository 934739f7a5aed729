import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { runDunning } from "../../src/jobs/dunning-run"
import eraseExpiredAssessmentData from "../../src/jobs/erase-expired-assessment-data"
import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { captureOrderPayment, makePayingGuest } from "../helpers/checkout"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

const DAY = 86_400_000
const dayAgo = (days: number) => new Date(Date.now() - days * DAY)

/** Receivables of invoice orders, their claim as of a day, the merchant's actions and the daily dunning run. */
withTestStore((ctx) => {
  const ok = { validateStatus: () => true }
  const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const get = (path: string) => ctx.api.get(`/admin/payment-risk/receivables${path}`, { ...ctx.admin, ...ok })
  const act = (orderId: string, action: string, body: Record<string, unknown> = {}) =>
    ctx.api.post(`/admin/payment-risk/receivables/${orderId}/${action}`, body, { ...ctx.admin, ...ok })

  /** the receivable the order-placed subscriber opens (it runs after the order exists) */
  const receivableRow = async (orderId: string) => {
    for (let i = 0; i < 50; i++) {
      const [row] = await service().listReceivables({ order_id: orderId })
      if (row) return row
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    throw new Error(`no receivable for ${orderId}`)
  }
  /** a known customer (one order paid before) may pay by invoice */
  const invoiceOrder = async (email: string) => {
    await makePayingGuest(ctx.api, ctx.admin, ctx.shop, email)
    const { completion } = await ctx.shop.checkout({ email, providerId: PROVIDERS.invoice })
    expect(completion.data.type).toBe("order")
    const orderId = completion.data.order.id as string
    await receivableRow(orderId)
    return orderId
  }
  /** dates the claim back, so it is due (or in default) today */
  const backdate = async (orderId: string, days: number, principal?: number) => {
    const row = await receivableRow(orderId)
    await service().updateReceivables({ id: row.id, invoice_date: dayAgo(days), ...(principal ? { principal } : {}) })
  }
  const enableDunning = async () => {
    const res = await ctx.api.post("/admin/payment-risk/settings", { dunning: { enabled: true } }, ctx.admin)
    expect(res.data.settings.dunning.enabled).toBe(true)
  }
  const dunningEmails = async () =>
    (await ctx.container.resolve(Modules.NOTIFICATION).listNotifications({ template: "payment-risk.dunning-stage" })) as Array<{
      to: string
      channel: string
      data: Record<string, unknown>
    }>

  it("should open a receivable for an invoice order, none for cash on delivery, and show it as open", async () => {
    const orderId = await invoiceOrder("rechnung@example.com")
    const cod = await ctx.shop.checkout({ email: "nachnahme@example.com", providerId: PROVIDERS.cod })
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await service().listReceivables({ order_id: cod.completion.data.order.id })).toEqual([])

    const res = await get(`/${orderId}`)
    expect(res.status).toBe(200)
    const today = new Date().toISOString().slice(0, 10)
    expect(res.data.receivable).toMatchObject({
      order_id: orderId,
      currency_code: "eur",
      debtor_type: "consumer",
      principal: 49,
      paid: 0,
      fees: 0,
      interest: 0,
      total_due: 49,
      invoice_date: today,
      due_date: new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10),
      default_from: null,
      stage: null,
      status: "open",
      interest_periods: [],
      events: [],
    })
    expect((await get(`/${cod.completion.data.order.id}`)).status).toBe(404)

    const list = await get("?status=open")
    expect(list.data).toMatchObject({ count: 1, limit: 20, offset: 0, receivables: [{ order_id: orderId, status: "open" }] })
    expect(list.data.totals.open).toEqual({ count: 1, amount: 49 })
    expect(list.data.totals.paid).toEqual({ count: 0, amount: 0 })
    expect((await get("?overdue=true")).data.count).toBe(0)
    expect((await get("?status=paid")).data.count).toBe(0)
  })

  it("should compute the seed's default interest to the cent as of a day, without changing anything", async () => {
    const orderId = await invoiceOrder("zinsen@example.com")
    const row = await receivableRow(orderId)
    // invoice 25.09.2007, due 09.10.2007, paid 30.10.2007: 21 days at 3.19 % + 5 points on 1,000.00 EUR
    await service().updateReceivables({ id: row.id, principal: 1000, invoice_date: new Date("2007-09-25T10:00:00Z") })
    const [before] = await service().listReceivables({ id: row.id })
    const res = await get(`/${orderId}?as_of=2007-10-30`)
    expect(res.status).toBe(200)
    expect(res.data.receivable).toMatchObject({
      principal: 1000,
      due_date: "2007-10-09",
      default_from: "2007-10-10",
      interest: 4.71,
      total_due: 1004.71,
      status: "overdue",
      interest_periods: [{ from: "2007-10-10", to: "2007-10-30", days: 21, rate: 8.19 }],
    })
    const [after] = await service().listReceivables({ id: row.id })
    expect(after).toEqual(before)
    expect(await service().listPaymentOutcomes({ order_id: orderId })).toEqual([])

    for (const bad of ["2007-02-30", "30.10.2007", "tomorrow"]) {
      const refused = await get(`/${orderId}?as_of=${encodeURIComponent(bad)}`)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain("as_of")
    }
    const unknownField = await get(`/${orderId}?foo=1`)
    expect(unknownField.status).toBe(400)
  })

  it("should pause, resume, send a stage now and take payments, refusing what does not apply", async () => {
    const orderId = await invoiceOrder("aktionen@example.com")
    await backdate(orderId, 20)
    // interest from the first dunning notice on: the reminder alone leaves the claim at 49.00
    await ctx.api.post("/admin/payment-risk/settings", { dunning: { default_from: "first_dunning" } }, ctx.admin)

    expect((await get(`/${orderId}/letter`)).status).toBe(409)
    expect((await act(orderId, "pause")).data.receivable.status).toBe("paused")
    expect((await act(orderId, "pause")).status).toBe(409)
    expect((await act(orderId, "advance")).status).toBe(409)
    const resumed = await act(orderId, "resume")
    expect(resumed.status).toBe(200)
    expect(resumed.data.receivable.status).toBe("overdue")
    expect((await act(orderId, "resume")).status).toBe(409)

    const advanced = await act(orderId, "advance")
    expect(advanced.status).toBe(200)
    expect(advanced.data.outcome).toMatchObject({ kind: "dunning_stage", source: "job", external_id: `dunning:${orderId}:0` })
    expect(advanced.data.receivable).toMatchObject({ stage: 0, status: "in_dunning", stage_kind: "reminder" })
    // the reminder is an email: sent through the Notification Module
    expect(advanced.data.email_sent).toBe(true)
    // its letter (for printing) is a PDF
    const letter = await ctx.api.get(`/admin/payment-risk/receivables/${orderId}/letter`, { ...ctx.admin, ...ok, responseType: "arraybuffer" })
    expect(letter.status).toBe(200)
    expect(letter.headers["content-type"]).toContain("application/pdf")
    expect(Buffer.from(letter.data).subarray(0, 5).toString()).toBe("%PDF-")
    expect((await get("?stage=0")).data).toMatchObject({ count: 1, receivables: [{ order_id: orderId, stage: 0, overdue: true }] })
    expect((await get("?stage=1")).data.count).toBe(0)
    expect((await get("?overdue=true&status=in_dunning")).data.count).toBe(1)
    expect((await get("?overdue=false")).data.count).toBe(0)
    expect((await get(`/${orderId}/letter?stage=9`)).status).toBe(409)
    expect((await get(`/${orderId}/letter?stage=first`)).status).toBe(400)
    expect((await get(`/order_unknown/letter`)).status).toBe(404)

    const tooMuch = await act(orderId, "payment", { amount: 500 })
    expect(tooMuch.status).toBe(400)
    expect(tooMuch.data.message).toContain("amount")
    for (const [body, field] of [
      [{}, "amount"],
      [{ amount: -5 }, "amount"],
      [{ amount: "ten" }, "amount"],
      [{ amount: 1.234 }, "amount"],
      [{ amount: 5, paid_at: "2999-01-01" }, "paid_at"],
      [{ amount: 5, paid_at: "2001-01-01" }, "paid_at"],
      [{ amount: 5, extra: true }, "extra"],
    ] as const) {
      const refused = await act(orderId, "payment", body)
      expect(refused.status).toBe(400)
      expect(refused.data.message).toContain(field)
    }

    // today's payment goes through Medusa's capture of the invoice payment
    const part = await act(orderId, "payment", { amount: 20 })
    expect(part.status).toBe(200)
    expect(part.data.captured_payment_ids).toHaveLength(1)
    expect(part.data.receivable).toMatchObject({ paid: 20, total_due: 29, status: "in_dunning" })
    expect(part.data.receivable.events.map((e: { kind: string }) => e.kind)).toEqual(["dunning_stage", "payment_captured"])
    const { data } = await ctx.api.get(`/admin/orders/${orderId}?fields=id,*payment_collections,*payment_collections.payments`, ctx.admin)
    expect(Number(data.order.payment_collections[0].captured_amount)).toBe(20)

    // an earlier day's payment is recorded as an outcome (its value date counts for interest)
    const yesterday = new Date(Date.now() - DAY).toISOString().slice(0, 10)
    const rest = await act(orderId, "payment", { amount: 29, paid_at: yesterday })
    expect(rest.status).toBe(200)
    expect(rest.data.outcome).toMatchObject({ kind: "payment_received", source: "admin" })
    expect(rest.data.receivable).toMatchObject({ paid: 49, total_due: 0, status: "paid", next_stage_at: null })

    for (const action of ["pause", "resume", "advance", "write-off", "hand-over"]) {
      expect([action, (await act(orderId, action)).status]).toEqual([action, 409])
    }
    expect((await act(orderId, "payment", { amount: 1 })).status).toBe(409)
    for (const action of ["pause", "resume", "advance", "write-off", "hand-over"]) {
      expect([action, (await act("order_unknown", action)).status]).toEqual([action, 404])
    }
    expect((await act("order_unknown", "payment", { amount: 1 })).status).toBe(404)
    expect((await act(orderId, "pause", { note: "x" })).status).toBe(400)
    expect((await ctx.api.post(`/admin/payment-risk/receivables/${orderId}/pause`, {}, ok)).status).toBe(401)
    expect((await ctx.api.get(`/admin/payment-risk/receivables`, ok)).status).toBe(401)
  })

  describe("when payments on one claim arrive at the same moment", () => {
    const yesterday = () => new Date(Date.now() - DAY).toISOString().slice(0, 10)

    it("should record one after the other and refuse what is more than is still due, naming amount", async () => {
      const orderId = await invoiceOrder("doppelt@example.com")
      await backdate(orderId, 5)
      // four clicks on "record 30.00" for a claim of 49.00: only the first fits
      const answers = await Promise.all([1, 2, 3, 4].map(() => act(orderId, "payment", { amount: 30, paid_at: yesterday() })))
      const statuses = answers.map((answer) => answer.status).sort()
      expect(statuses).toEqual([200, 400, 400, 400])
      for (const refused of answers.filter((answer) => answer.status === 400)) {
        expect(refused.data.message).toContain("Value for field 'amount'")
        expect(refused.data.message).toContain("19.00")
      }
      expect(await service().listPaymentOutcomes({ order_id: orderId, kind: "payment_received" })).toHaveLength(1)
      expect((await get(`/${orderId}`)).data.receivable).toMatchObject({ paid: 30, total_due: 19 })
    })

    it("should take every part that fits, and a write-off at the same moment books what is left after them", async () => {
      const orderId = await invoiceOrder("raten@example.com")
      await backdate(orderId, 5)
      const parts = await Promise.all([1, 2, 3].map(() => act(orderId, "payment", { amount: 10, paid_at: yesterday() })))
      expect(parts.map((part) => part.status)).toEqual([200, 200, 200])
      expect((await get(`/${orderId}`)).data.receivable).toMatchObject({ paid: 30, total_due: 19 })

      const [payment, writeOff] = await Promise.all([act(orderId, "payment", { amount: 9, paid_at: yesterday() }), act(orderId, "write-off")])
      expect(writeOff.status).toBe(200)
      const written = Number((await service().listPaymentOutcomes({ order_id: orderId, kind: "written_off" }))[0].amount)
      const after = (await get(`/${orderId}`)).data.receivable
      expect(after.status).toBe("written_off")
      // whichever came first, the other saw it: the write-off books what was open after the
      // payment, or the payment finds the claim written off
      if (payment.status === 200) expect([written, after.paid]).toEqual([10, 39])
      else expect([payment.status, written, after.paid]).toEqual([409, 19, 30])
    })
  })

  it("should hand a claim over and write another off, with their outcomes and negative-list entries", async () => {
    const handed = await invoiceOrder("inkasso@example.com")
    await backdate(handed, 60)
    const before = (await get(`/${handed}`)).data.receivable
    // 60 days after the invoice the claim carries default interest
    expect(before.interest).toBeGreaterThan(0)
    const formula = await act(handed, "hand-over", { note: "=HYPERLINK(1)" })
    expect(formula.status).toBe(400)
    expect(formula.data.message).toContain("note")
    const res = await act(handed, "hand-over", { note: "an Inkasso Müller" })
    expect(res.status).toBe(200)
    expect(res.data.receivable).toMatchObject({ status: "handed_over", hold: "handed_over", next_stage_at: null })
    expect(res.data.outcome).toMatchObject({ kind: "handed_over", amount: before.total_due })
    expect(res.data.list_entries.map((entry: { kind: string; source: string }) => [entry.kind, entry.source]).sort()).toEqual([
      ["email", "dunning"],
      ["person", "dunning"],
    ])
    expect((await act(handed, "hand-over")).status).toBe(409)
    const csv = await get("/export?status=handed_over")
    expect(csv.status).toBe(200)
    expect(csv.headers["content-type"]).toContain("text/csv")
    const lines = String(csv.data).replace(/^\uFEFF/, "").trim().split("\r\n")
    expect(lines[0]).toMatch(/^Schuldner;Firma;/)
    expect(lines).toHaveLength(2)
    expect(lines[1]).toContain("Hans Meier;;Hauptstraße 5;10115;Berlin;DE;inkasso@example.com")
    expect((await get("/export?status=gone")).status).toBe(400)
    // a letter came back "unknown at this address": the claim is flagged for address research
    await ctx.api.post("/admin/payment-risk/outcomes", { order_id: handed, kind: "address_unknown" }, ctx.admin)
    expect((await get(`/${handed}`)).data.receivable.address_research).toBe(true)
    // the agency gave up: written off after hand-over
    const writtenOff = await act(handed, "write-off")
    expect(writtenOff.status).toBe(200)
    expect(writtenOff.data.receivable.status).toBe("written_off")
    expect((await act(handed, "write-off")).status).toBe(409)

    expect(String((await get("/export?status=handed_over")).data).replace(/^\uFEFF/, "").trim().split("\r\n")).toHaveLength(1)
    const list = await get("?status=written_off")
    expect(list.data.count).toBe(1)
    expect(list.data.totals.written_off.count).toBe(1)
    expect((await get("?status=lost")).status).toBe(400)
    expect((await get("?overdue=maybe")).status).toBe(400)
    expect((await get("?stage=-1")).status).toBe(400)
    expect((await get("?limit=1000")).status).toBe(400)
  })

  it("should reopen a paid receivable when its payment comes back, with the fee in the claim", async () => {
    // a paid order without a receivable gets one when its payment is charged back
    const { completion } = await ctx.shop.checkout({ email: "karte@example.com", providerId: PROVIDERS.cod })
    const codOrder = completion.data.order.id as string
    await captureOrderPayment(ctx.api, ctx.admin, codOrder)
    expect((await get(`/${codOrder}`)).status).toBe(404)
    const chargeback = await ctx.api.post("/admin/payment-risk/outcomes", { order_id: codOrder, kind: "chargeback", reason_code: "13.1", fee: 15 }, ctx.admin)
    expect(chargeback.status).toBe(201)
    const opened = await get(`/${codOrder}`)
    expect(opened.data.receivable).toMatchObject({ principal: 49, paid: 0, fees: 15, total_due: 64, reopened_by: chargeback.data.outcome.id })

    const orderId = await invoiceOrder("ruecklast@example.com")
    expect((await act(orderId, "payment", { amount: 49 })).data.receivable.status).toBe("paid")
    const returned = await ctx.api.post(
      "/admin/payment-risk/outcomes",
      { order_id: orderId, kind: "return_debit", reason_code: "AM04", amount: 49, fee: 3.5 },
      ctx.admin
    )
    expect(returned.status).toBe(201)
    const res = await get(`/${orderId}`)
    expect(res.data.receivable).toMatchObject({ status: "open", paid: 0, fees: 3.5, total_due: 52.5, reopened_by: returned.data.outcome.id })
  })

  it("should send each due stage once, also when two runs start at the same moment and when rerun", async () => {
    const due = await invoiceOrder("mahnung@example.com")
    const notYet = await invoiceOrder("frisch@example.com")
    await backdate(due, 20)
    await ctx.api.post("/admin/payment-risk/settings", { dunning: { default_from: "first_dunning" } }, ctx.admin)
    // off: the run does nothing
    expect(await runDunning(ctx.container)).toMatchObject({ due: 0, sent: 0 })
    await enableDunning()

    const [a, b] = await Promise.all([runDunning(ctx.container), runDunning(ctx.container)])
    expect(a.sent + b.sent).toBe(1)
    expect(a.failed + b.failed).toBe(0)
    const again = await runDunning(ctx.container)
    expect(again).toMatchObject({ due: 0, sent: 0 })

    const stages = await service().listPaymentOutcomes({ order_id: due, kind: "dunning_stage" })
    expect(stages.map((s) => s.external_id)).toEqual([`dunning:${due}:0`])
    expect(await service().listPaymentOutcomes({ order_id: notYet })).toEqual([])
    const emails = await dunningEmails()
    expect(emails).toHaveLength(1)
    expect(emails[0]).toMatchObject({ to: "mahnung@example.com", channel: "email" })
    expect(emails[0].data).toMatchObject({ order_id: due, stage: 0, stage_kind: "reminder", total_due: 49, language: "de" })
    expect(String(emails[0].data.subject)).toMatch(/^Zahlungserinnerung zu Ihrer Bestellung \d+$/)
    expect(String(emails[0].data.body)).toContain("49,00\u00a0€")
    expect(String(emails[0].data.body)).toContain("Guten Tag Hans Meier")

    // the second stage comes three days after the reminder's 14-day deadline: move the reminder back
    const [reminder] = stages
    await service().updatePaymentOutcomes({ id: reminder.id, occurred_at: dayAgo(18) })
    const [c, d] = await Promise.all([runDunning(ctx.container), runDunning(ctx.container)])
    expect(c.sent + d.sent).toBe(1)
    const after = await service().listPaymentOutcomes({ order_id: due, kind: "dunning_stage" })
    expect(after.map((s) => s.external_id).sort()).toEqual([`dunning:${due}:0`, `dunning:${due}:1`])
    // the first dunning notice goes by email and letter, with its fee
    expect(await dunningEmails()).toHaveLength(2)
    const view = (await get(`/${due}`)).data.receivable
    expect(view).toMatchObject({ stage: 1, status: "in_dunning", fees: 2.5 })
    expect(after.find((s) => s.external_id === `dunning:${due}:1`)?.note).toBe("channel:email channel:letter")
  })

  it("should write each shopper's reminder in the language her order was placed in, else the shop's", async () => {
    const english = await invoiceOrder("jane@example.com")
    const german = await invoiceOrder("hans@example.com")
    // Medusa keeps the cart's language on the order (a storefront sends it as the cart's locale)
    await ctx.container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(`update "order" set locale = 'en-GB' where id = ?`, [english])
    await backdate(english, 20)
    await backdate(german, 20)
    await enableDunning()
    expect(await runDunning(ctx.container)).toMatchObject({ sent: 2, emails: 2 })
    const emails = await dunningEmails()
    const to = (address: string) => emails.find((email) => email.to === address)!.data
    expect(to("jane@example.com")).toMatchObject({ language: "en", order_id: english })
    expect(String(to("jane@example.com").subject)).toMatch(/^Payment reminder for your order \d+$/)
    expect(String(to("jane@example.com").body)).toContain("€49.")
    expect(to("hans@example.com")).toMatchObject({ language: "de", order_id: german })
    expect(String(to("hans@example.com").subject)).toMatch(/^Zahlungserinnerung zu Ihrer Bestellung \d+$/)
    expect(String(to("hans@example.com").body)).toContain("49,")
  })

  it("should erase the receivables of the shopper's orders", async () => {
    const orderId = await invoiceOrder("loeschen@example.com")
    // her second order in minutes waits for review: decided before the erasure
    await ctx.api.post(`/admin/payment-risk/reviews/${orderId}/approve`, {}, { ...ctx.admin, ...ok })
    // a dunning email about her order (as the job sends it) and one about another order
    const notifications = ctx.container.resolve(Modules.NOTIFICATION)
    await notifications.createNotifications([
      { to: "loeschen@example.com", channel: "email", template: "payment-risk.dunning-stage", data: { body: "Guten Tag" }, idempotency_key: `payment-risk:dunning:${orderId}:0` },
      { to: "jemand@example.com", channel: "email", template: "payment-risk.dunning-stage", data: { body: "Hallo" }, idempotency_key: "payment-risk:dunning:order_other:0" },
    ])
    const res = await ctx.api.post("/admin/payment-risk/erasure", { email: "loeschen@example.com" }, ctx.admin)
    expect(res.status).toBe(200)
    expect(res.data.receivables_deleted).toBe(1)
    expect(res.data.dunning_notifications_deleted).toBe(1)
    const left = (await dunningEmails()).map((n) => n.to)
    expect(left).toContain("jemand@example.com")
    expect(left).not.toContain("loeschen@example.com")
    expect(await service().listReceivables({ order_id: orderId })).toEqual([])
  })

  it("should purge a receivable untouched for the outcomes' retention period, and keep a recent one", async () => {
    const orderId = await invoiceOrder("alt@example.com")
    await eraseExpiredAssessmentData(ctx.container, { now: new Date(Date.now() + 1000 * DAY) })
    expect(await service().listReceivables({ order_id: orderId })).toHaveLength(1)
    await eraseExpiredAssessmentData(ctx.container, { now: new Date(Date.now() + 1461 * DAY) })
    expect(await service().listReceivables({ order_id: orderId })).toEqual([])
  })
  it("should record a due stage when its email cannot be sent, and report the email as failed", async () => {
    const orderId = await invoiceOrder("ohne-mailserver@example.com")
    await backdate(orderId, 20)
    await enableDunning()
    // the store's email provider refuses (as a store without one does: "Could not find a
    // notification provider for channel: email"); before, the stage was rolled back every day
    const notifications = ctx.container.resolve(Modules.NOTIFICATION)
    const refuse = jest
      .spyOn(notifications, "createNotifications")
      .mockRejectedValue(new Error("Could not find a notification provider for channel: email"))
    try {
      const run = await runDunning(ctx.container)
      expect(run).toMatchObject({ sent: 1, emails: 0, emails_failed: 1, failed: 0 })
    } finally {
      refuse.mockRestore()
    }
    const stages = await service().listPaymentOutcomes({ order_id: orderId, kind: "dunning_stage" })
    expect(stages.map((s) => s.external_id)).toEqual([`dunning:${orderId}:0`])
    expect((await get(`/${orderId}`)).data.receivable).toMatchObject({ stage: 0, status: "in_dunning" })
    // the next run does not send it again
    expect(await runDunning(ctx.container)).toMatchObject({ sent: 0 })
  })
  it("should open the claim of a customer in a group the merchant marks as business as a business claim", async () => {
    const email = "haendler@example.com"
    await makePayingGuest(ctx.api, ctx.admin, ctx.shop, email)
    const group = (await ctx.api.post("/admin/customer-groups", { name: "Händler" }, ctx.admin)).data.customer_group
    const [customer] = (await ctx.api.get(`/admin/customers?q=${encodeURIComponent(email)}`, ctx.admin)).data.customers
    expect(customer.email).toBe(email)
    await ctx.api.post(`/admin/customer-groups/${group.id}/customers`, { add: [customer.id] }, ctx.admin)
    const saved = await ctx.api.post("/admin/payment-risk/settings", { dunning: { business_customer_group_ids: [group.id] } }, ctx.admin)
    expect(saved.data.settings.dunning.business_customer_group_ids).toEqual([group.id])

    const { completion } = await ctx.shop.checkout({ email, providerId: PROVIDERS.invoice })
    const business = completion.data.order.id as string
    expect((await receivableRow(business)).debtor_type).toBe("business")
    expect((await get(`/${business}`)).data.receivable.debtor_type).toBe("business")
    // a shopper outside the group, without a company, stays a consumer
    const consumer = await invoiceOrder("privat@example.com")
    expect((await receivableRow(consumer)).debtor_type).toBe("consumer")
    // a group id that is not a string list is refused naming the field
    const bad = await ctx.api.post("/admin/payment-risk/settings", { dunning: { business_customer_group_ids: "Händler" } }, { ...ctx.admin, ...ok })
    expect(bad.status).toBe(400)
    expect(bad.data.message).toContain("business_customer_group_ids")
  })
})
