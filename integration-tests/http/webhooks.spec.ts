import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createHmac } from "node:crypto"
import Stripe from "stripe"
import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { providerPaymentLookup } from "../../src/risk/webhooks/find-order"
import { captureOrderPayment } from "../helpers/checkout"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

const STRIPE_SECRET = "whsec_test_payment_risk_0123456789"
const OUTCOMES_SECRET = "psp-outcomes-secret-0123456789abcdef"
// read by medusa-config.ts when the runner boots the app
process.env.PAYMENT_RISK_STRIPE_WEBHOOK_SECRET = STRIPE_SECRET
process.env.PAYMENT_RISK_OUTCOMES_WEBHOOK_SECRET = OUTCOMES_SECRET

type Raw = { status: number; data: any }
const now = () => Math.floor(Date.now() / 1000)

const stripeEvent = (id: string, type: string, object: Record<string, unknown>) => ({
  id,
  object: "event",
  api_version: "2025-01-27.acacia",
  created: now(),
  livemode: false,
  type,
  data: { object },
})
const dispute = (fields: Record<string, unknown> = {}) => ({
  id: "dp_1",
  object: "dispute",
  amount: 2500,
  currency: "eur",
  charge: "ch_1",
  payment_intent: "pi_webhook_1",
  reason: "fraudulent",
  status: "needs_response",
  created: now(),
  balance_transactions: [{ amount: -2500, fee: 1500, currency: "eur" }],
  ...fields,
})

/** Signs a body the way the generic hook expects (as the README's adapter does: the hook's purpose, timestamp and body). */
const pspHeaders = (body: string, { secret = OUTCOMES_SECRET, timestamp = now() } = {}) => ({
  "x-payment-risk-timestamp": String(timestamp),
  "x-payment-risk-signature": `sha256=${createHmac("sha256", secret).update(`payment-risk-outcomes:${timestamp}.${body}`).digest("hex")}`,
})
/** How the credit-check HTTP provider signs its requests to the merchant's endpoint (same headers, no purpose). */
const creditCheckHeaders = (body: string, secret = OUTCOMES_SECRET, timestamp = now()) => ({
  "x-payment-risk-timestamp": String(timestamp),
  "x-payment-risk-signature": `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`,
})

/** Webhooks from payment providers: verified, recorded once, for the order paid with the payment. */
withTestStore((ctx) => {
  const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const knex = () => ctx.container.resolve(ContainerRegistrationKeys.PG_CONNECTION)

  const post = (path: string, payload: string, headers: Record<string, string>): Promise<Raw> =>
    ctx.api.post(path, payload, {
      headers: { "content-type": "application/json", ...headers },
      transformRequest: [(data: unknown) => data],
      validateStatus: () => true,
    })
  const postStripe = (event: object, { secret = STRIPE_SECRET, timestamp }: { secret?: string; timestamp?: number } = {}) => {
    const payload = JSON.stringify(event)
    return post("/hooks/payment-risk/stripe", payload, { "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }) })
  }
  const postPsp = (body: object, options: { secret?: string; timestamp?: number } = {}) => {
    const payload = JSON.stringify(body)
    return post("/hooks/payment-risk/outcomes", payload, pspHeaders(payload, options))
  }

  /**
   * A placed, captured order whose payment carries a Stripe payment intent (as Medusa's Stripe
   * provider stores it: a `pp_stripe_…` provider, the intent as the session's and the payment's
   * data, here with the card fingerprint expanded).
   */
  const stripeOrder = async (email: string, intentId: string) => {
    const { completion } = await ctx.shop.checkout({ email, providerId: PROVIDERS.cod })
    expect(completion.data.type).toBe("order")
    const orderId = completion.data.order.id as string
    await captureOrderPayment(ctx.api, ctx.admin, orderId)
    const data = JSON.stringify({ id: intentId, object: "payment_intent", payment_method: { card: { fingerprint: `fp_${intentId}` } } })
    const { rows } = await knex().raw(`select payment_collection_id as id from order_payment_collection where order_id = ?`, [orderId])
    await knex().raw(`update payment_session set data = ?::jsonb, provider_id = 'pp_stripe_stripe' where payment_collection_id = ?`, [data, rows[0].id])
    await knex().raw(`update payment set data = ?::jsonb, provider_id = 'pp_stripe_stripe' where payment_collection_id = ?`, [data, rows[0].id])
    const { rows: payments } = await knex().raw(`select id from payment where payment_collection_id = ?`, [rows[0].id])
    return { orderId, paymentId: payments[0].id as string }
  }
  const outcomesOf = (orderId: string) => service().listPaymentOutcomes({ order_id: orderId }, { order: { created_at: "ASC" } })
  const allOutcomes = () => service().listPaymentOutcomes({})

  describe("when Stripe calls", () => {
    it("should find the order of the Stripe payment even when a shopper copied its intent id into another provider's session", async () => {
      const { orderId } = await stripeOrder("copied@example.com", "pi_webhook_copied")
      // Medusa keeps a caller's `data` on a session: order B carries A's intent id under prepayment
      const { completion } = await ctx.shop.checkout({ email: "copier@example.com", providerId: PROVIDERS.prepayment })
      const { rows } = await knex().raw(`select payment_collection_id as id from order_payment_collection where order_id = ?`, [completion.data.order.id])
      await knex().raw(`update payment_session set data = data || ?::jsonb where payment_collection_id = ?`, [JSON.stringify({ id: "pi_webhook_copied" }), rows[0].id])
      await knex().raw(`update payment set data = data || ?::jsonb where payment_collection_id = ?`, [JSON.stringify({ id: "pi_webhook_copied" }), rows[0].id])

      const created = await postStripe(stripeEvent("evt_copied", "charge.dispute.created", dispute({ id: "dp_copied", charge: "ch_copied", payment_intent: "pi_webhook_copied" })))
      expect(created.status).toBe(200)
      expect(created.data.outcome).toMatchObject({ order_id: orderId, kind: "chargeback" })
      expect(await outcomesOf(completion.data.order.id)).toEqual([])
    })


    it("should record a fraud dispute as a chargeback with its list entries, and its win as the reversal", async () => {
      const { orderId } = await stripeOrder("dispute@example.com", "pi_webhook_1")

      const created = await postStripe(stripeEvent("evt_dispute_created", "charge.dispute.created", dispute()))
      expect(created.status).toBe(200)
      expect(created.data).toMatchObject({ received: true, duplicate: false, outcome: { order_id: orderId, kind: "chargeback", reason_code: "fraudulent" }, list_entries: 3 })
      const [chargeback] = await outcomesOf(orderId)
      expect(chargeback).toMatchObject({ kind: "chargeback", source: "webhook", external_id: "stripe:chargeback:ch_1", reason_code: "fraudulent", currency_code: "eur" })
      expect(Number(chargeback.amount)).toBe(25)
      expect(Number(chargeback.fee)).toBe(15)
      // fraud: card fingerprint, email and person, each from the chargeback
      const entries = await service().listNegativeListEntries({ order_id: orderId })
      expect(entries.map((entry) => [entry.kind, entry.source]).sort()).toEqual([
        ["card", "chargeback"],
        ["email", "chargeback"],
        ["person", "chargeback"],
      ])

      const won = await postStripe(stripeEvent("evt_dispute_closed", "charge.dispute.closed", dispute({ status: "won" })))
      expect(won.status).toBe(200)
      expect(won.data.outcome).toMatchObject({ kind: "chargeback_reversed" })
      expect((await outcomesOf(orderId)).map((outcome) => outcome.kind)).toEqual(["chargeback", "chargeback_reversed"])

      // a lost dispute adds nothing
      const lost = await postStripe(stripeEvent("evt_dispute_lost", "charge.dispute.closed", dispute({ status: "lost" })))
      expect(lost.status).toBe(200)
      expect(lost.data).toMatchObject({ received: true, ignored: true })
      expect(await outcomesOf(orderId)).toHaveLength(2)
    })

    it("should record an event once when it comes again, also twice at the same moment, and count a fraud warning and its dispute once", async () => {
      const { orderId } = await stripeOrder("replay@example.com", "pi_webhook_1")
      const warning = stripeEvent("evt_efw", "radar.early_fraud_warning.created", {
        id: "issfr_1",
        object: "radar.early_fraud_warning",
        charge: "ch_1",
        payment_intent: "pi_webhook_1",
        fraud_type: "made_with_stolen_card",
        actionable: true,
        created: now(),
      })
      const [a, b] = await Promise.all([postStripe(warning), postStripe(warning)])
      expect([a.status, b.status]).toEqual([200, 200])
      expect([a.data.duplicate, b.data.duplicate].sort()).toEqual([false, true])
      const again = await postStripe(warning)
      expect(again.data).toMatchObject({ duplicate: true, list_entries: 0 })
      // a warning moved no money: it lists, but opens no claim against the (probably robbed) cardholder
      expect(await service().listReceivables({ order_id: orderId })).toEqual([])
      // the dispute that follows is the same chargeback
      const disputed = await postStripe(stripeEvent("evt_dispute_after_efw", "charge.dispute.created", dispute()))
      expect(disputed.data).toMatchObject({ duplicate: true })
      const outcomes = await outcomesOf(orderId)
      expect(outcomes).toHaveLength(1)
      expect(outcomes[0]).toMatchObject({ kind: "chargeback", reason_code: "fraud_card_absent" })
      expect(await service().listNegativeListEntries({ order_id: orderId })).toHaveLength(3)
    })

    it("should record a failed SEPA debit as a return debit with its SEPA reason", async () => {
      const { orderId } = await stripeOrder("sepa@example.com", "pi_webhook_sepa")
      const failed = await postStripe(
        stripeEvent("evt_sepa_failed", "charge.failed", {
          id: "py_1",
          object: "charge",
          amount: 1000,
          currency: "eur",
          payment_intent: "pi_webhook_sepa",
          failure_code: "account_closed",
          payment_method_details: { type: "sepa_debit", sepa_debit: { last4: "3000" } },
        })
      )
      expect(failed.status).toBe(200)
      expect(failed.data.outcome).toMatchObject({ order_id: orderId, kind: "return_debit", reason_code: "AC04" })
      // the same return, reported again on the payment intent
      const intent = await postStripe(
        stripeEvent("evt_pi_failed", "payment_intent.payment_failed", {
          id: "pi_webhook_sepa",
          object: "payment_intent",
          amount: 1000,
          currency: "eur",
          latest_charge: "py_1",
          last_payment_error: { code: "account_closed", payment_method: { type: "sepa_debit" } },
        })
      )
      expect(intent.data).toMatchObject({ duplicate: true })
      expect(await outcomesOf(orderId)).toHaveLength(1)
    })

    it("should refuse a forged, altered, expired or missing signature with 401 and record nothing", async () => {
      await stripeOrder("forged@example.com", "pi_webhook_1")
      const event = stripeEvent("evt_forged", "charge.dispute.created", dispute())
      const wrongSecret = await postStripe(event, { secret: "whsec_someone_else_0123456789" })
      expect(wrongSecret.status).toBe(401)
      const expired = await postStripe(event, { timestamp: now() - 600 })
      expect(expired.status).toBe(401)
      // signed, then changed (another intent)
      const payload = JSON.stringify(event)
      const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: STRIPE_SECRET })
      const altered = await post("/hooks/payment-risk/stripe", payload.replace("pi_webhook_1", "pi_webhook_2"), { "stripe-signature": header })
      expect(altered.status).toBe(401)
      const missing = await post("/hooks/payment-risk/stripe", payload, {})
      expect(missing.status).toBe(401)
      expect(await allOutcomes()).toEqual([])
    })

    it("should answer 404 for an unknown payment intent and ignore events it does not handle", async () => {
      await stripeOrder("unknown@example.com", "pi_webhook_1")
      const unknown = await postStripe(stripeEvent("evt_unknown", "charge.dispute.created", dispute({ payment_intent: "pi_nobody" })))
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toEqual(expect.any(String))
      // a failed SEPA debit of a checkout that never became an order: nothing to record, and not retried
      const noOrder = await postStripe(
        stripeEvent("evt_sepa_no_order", "charge.failed", {
          id: "py_no_order",
          object: "charge",
          amount: 1000,
          currency: "eur",
          payment_intent: "pi_nobody",
          failure_code: "account_closed",
          payment_method_details: { type: "sepa_debit", sepa_debit: { last4: "3000" } },
        })
      )
      expect(noOrder.status).toBe(200)
      expect(noOrder.data).toMatchObject({ received: true, ignored: true })
      const other = await postStripe(stripeEvent("evt_other", "payment_intent.succeeded", { id: "pi_webhook_1", object: "payment_intent" }))
      expect(other.status).toBe(200)
      expect(other.data).toMatchObject({ received: true, ignored: true })
      const inquiry = await postStripe(stripeEvent("evt_inquiry", "charge.dispute.created", dispute({ status: "warning_needs_response" })))
      expect(inquiry.data).toMatchObject({ received: true, ignored: true })
      expect(await allOutcomes()).toEqual([])
    })
  })

  describe("when an event's payment intent is looked up", () => {
    it("should find it through the plugin's indexes on Medusa's payment tables, not by reading them whole", async () => {
      const { orderId } = await stripeOrder("index@example.com", "pi_index_1")
      const { rows: indexes } = await knex().raw(
        `select tablename, indexname from pg_indexes where indexname in ('IDX_payment_risk_payment_data_id', 'IDX_payment_risk_payment_session_data_id') order by tablename`
      )
      expect(indexes).toEqual([
        { tablename: "payment", indexname: "IDX_payment_risk_payment_data_id" },
        { tablename: "payment_session", indexname: "IDX_payment_risk_payment_session_data_id" },
      ])
      // the test tables are tiny (a scan would be cheapest): with scans priced out, the plan shows
      // whether the lookup's conditions can use an index at all
      const { sql, bindings } = providerPaymentLookup("pi_index_1")
      type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] }
      const plan = await knex().transaction(async (trx: { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> }) => {
        await trx.raw("set local enable_seqscan = off")
        const { rows } = await trx.raw(`explain (format json) ${sql}`, bindings)
        return (rows[0]["QUERY PLAN"] as Array<{ Plan: PlanNode }>)[0].Plan
      })
      const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)]
      const reads = nodes(plan).filter((node) => node["Relation Name"] === "payment" || node["Relation Name"] === "payment_session" || node["Index Name"])
      expect(reads.filter((node) => node["Node Type"] === "Seq Scan").map((node) => node["Relation Name"])).toEqual([])
      const indexesUsed = reads.map((node) => node["Index Name"]).filter(Boolean)
      expect(indexesUsed).toEqual(expect.arrayContaining(["IDX_payment_risk_payment_data_id", "IDX_payment_risk_payment_session_data_id"]))
      const { rows } = await knex().raw(sql, bindings)
      expect(rows).toEqual([{ order_id: orderId, currency_code: "eur" }])
    })
  })

  describe("when another payment provider calls the signed hook", () => {
    it("should record an event once, also when it comes twice at the same moment", async () => {
      const { orderId } = await stripeOrder("psp@example.com", "psp_ref_1")
      const body = { event_id: "payone-4711", order_id: orderId, kind: "chargeback", reason_code: "13.1", amount: 25, fee: 12.5 }
      const [a, b] = await Promise.all([postPsp(body), postPsp(body)])
      expect([a.status, b.status].sort()).toEqual([200, 201])
      const again = await postPsp(body)
      expect(again.status).toBe(200)
      expect(again.data).toMatchObject({ received: true, duplicate: true, outcome: { order_id: orderId, kind: "chargeback" } })
      const outcomes = await outcomesOf(orderId)
      expect(outcomes).toHaveLength(1)
      expect(outcomes[0]).toMatchObject({ source: "webhook", external_id: "psp:payone-4711", reason_code: "13.1" })
      expect(Number(outcomes[0].fee)).toBe(12.5)
      // the same event id for another kind is the provider's mistake, not a repeated delivery
      const reused = await postPsp({ ...body, kind: "return_debit" })
      expect(reused.status).toBe(409)
      expect(await outcomesOf(orderId)).toHaveLength(1)
    })

    it("should find the order by Medusa's payment id", async () => {
      const { orderId, paymentId } = await stripeOrder("payment-id@example.com", "psp_ref_2")
      const res = await postPsp({ event_id: "mollie-tr_1", payment_id: paymentId, kind: "return_debit", reason_code: "MS03", occurred_at: "2026-01-15" })
      expect(res.status).toBe(201)
      expect(res.data.outcome).toMatchObject({ order_id: orderId, kind: "return_debit", reason_code: "MS03" })
      expect(new Date((await outcomesOf(orderId))[0].occurred_at).toISOString()).toBe("2026-01-15T00:00:00.000Z")
    })

    it("should refuse a forged, expired, future or missing signature with 401 and record nothing", async () => {
      const { orderId } = await stripeOrder("psp-forged@example.com", "psp_ref_3")
      const body = { event_id: "adyen-1", order_id: orderId, kind: "chargeback", reason_code: "10.4" }
      expect((await postPsp(body, { secret: "another-secret-0123456789abcdef" })).status).toBe(401)
      expect((await postPsp(body, { timestamp: now() - 301 })).status).toBe(401)
      expect((await postPsp(body, { timestamp: now() + 400 })).status).toBe(401)
      const payload = JSON.stringify(body)
      expect((await post("/hooks/payment-risk/outcomes", payload, {})).status).toBe(401)
      // signed, then another order put in
      const altered = await post("/hooks/payment-risk/outcomes", payload.replace("adyen-1", "adyen-2"), pspHeaders(payload))
      expect(altered.status).toBe(401)
      expect(await allOutcomes()).toEqual([])
    })

    it("should refuse a body signed the credit check's way with the same secret (a replayed credit-check request) with 401", async () => {
      const { orderId } = await stripeOrder("psp-replay@example.com", "psp_ref_5")
      const payload = JSON.stringify({ event_id: "replayed-1", order_id: orderId, kind: "chargeback", reason_code: "10.4" })
      const replayed = await post("/hooks/payment-risk/outcomes", payload, creditCheckHeaders(payload))
      expect(replayed.status).toBe(401)
      expect(await allOutcomes()).toEqual([])
      // the same body signed for the hook is recorded
      expect((await post("/hooks/payment-risk/outcomes", payload, pspHeaders(payload))).status).toBe(201)
    })

    it("should answer 404 for an unknown order or payment and 400 naming the field for a bad body", async () => {
      const { orderId } = await stripeOrder("psp-bad@example.com", "psp_ref_4")
      const unknownOrder = await postPsp({ event_id: "e-1", order_id: "order_nobody", kind: "chargeback" })
      expect(unknownOrder.status).toBe(404)
      const unknownPayment = await postPsp({ event_id: "e-2", payment_id: "pay_nobody", kind: "chargeback" })
      expect(unknownPayment.status).toBe(404)

      const bad = async (body: object, field: string) => {
        const res = await postPsp(body)
        expect(res.status).toBe(400)
        expect(res.data.message).toContain(field)
      }
      await bad({ event_id: "e-3", order_id: orderId, kind: "dunning_stage" }, "kind")
      await bad({ event_id: "e-4", order_id: orderId, kind: "written_off" }, "kind")
      await bad({ order_id: orderId, kind: "chargeback" }, "event_id")
      await bad({ event_id: "e-5", kind: "chargeback" }, "order_id")
      await bad({ event_id: "e-6", order_id: orderId, payment_id: "pay_1", kind: "chargeback" }, "order_id")
      await bad({ event_id: "e-6b", order_id: `${orderId}\nforged log line`, kind: "chargeback" }, "order_id")
      await bad({ event_id: "e 6c", order_id: orderId, kind: "chargeback" }, "event_id")
      await bad({ event_id: "e-7", order_id: orderId, kind: "chargeback", amount: -1 }, "amount")
      await bad({ event_id: "e-8", order_id: orderId, kind: "chargeback", occurred_at: "2999-01-01" }, "occurred_at")
      await bad({ event_id: "e-9", order_id: orderId, kind: "chargeback", extra: 1 }, "extra")
      expect(await allOutcomes()).toEqual([])
    })
  })
})
