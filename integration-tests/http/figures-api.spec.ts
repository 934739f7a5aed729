import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { captureOrderPayment } from "../helpers/checkout"
import { refreshCartFigures } from "../../src/modules/payment-risk/repositories/figures"
import { figuresDb } from "../../src/risk/figures/figures-db"
import { streamPeriodOrders } from "../../src/risk/figures/period-orders"
import { ruleBody, rulesAdmin } from "../helpers/rules"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/*
 * Issue 17, the figures API: a known history — real orders (their assessments keep the
 * replayable input), outcomes through the outcomes API, a refund through Medusa, and the figures
 * rows of a past week written as the table contract says — and every figure of the overview,
 * a backtest and the threshold simulator checked against a hand count.
 *
 * The figures rows are written with plain SQL, so the spec holds whether or not the recording
 * subscriber wrote them too: the order rows are upserted with the week's facts (the subscriber
 * inserts "on conflict do nothing"), the evaluated carts are carts of their own in that week
 * (the real checkouts are evaluated today, outside it). Each cart's summary (the table the
 * overview counts carts from) is recomputed after its rows are written, as the plugin's write does.
 */

type Db = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> }

const WEEK = { from: "2026-06-01T00:00:00.000Z", to: "2026-06-08T00:00:00.000Z" }
const june = (day: number, time = "10:00") => `2026-06-0${day}T${time}:00.000Z`

type CartRow = {
  cart_id: string | null
  key: string
  at: string
  total: number
  restricted?: boolean
  causes?: string[]
  hidden?: string[]
  offered?: string[]
  held?: string[]
  credit?: { cached?: boolean; failed?: boolean; cost?: number }
  matches?: Array<{ kind: string; source: string }>
  completed_at?: string | null
  currency?: string
}

async function insertCart(db: Db, row: CartRow) {
  await db.raw(
    `insert into payment_risk_cart_evaluation
       (id, cart_id, decision_key, stage, evaluated_at, currency_code, total, raw_total, restricted, fallback, causes, hidden_classes,
        offered_classes, rules_held, score, review, credit_ran, credit_cached, credit_failed, credit_cost, credit_queries, list_matches, completed_at)
     values (?, ?, ?, 'listing', ?, ?, ?, jsonb_build_object('value', ?::text, 'precision', 20), ?, false, ?::text[], ?::text[], ?::text[], ?::text[], 0, false, ?, ?, ?, ?, ?, ?::jsonb, ?)
     on conflict (cart_id, decision_key) where cart_id is not null and deleted_at is null do nothing`,
    [
      `prce_spec_${row.key}`,
      row.cart_id,
      row.key,
      row.at,
      row.currency ?? "eur",
      row.total,
      String(row.total),
      row.restricted ?? false,
      row.causes ?? [],
      row.hidden ?? [],
      row.offered ?? ["prepayment", "cash_on_delivery", "invoice"],
      row.held ?? [],
      !!row.credit,
      row.credit?.cached ?? false,
      row.credit?.failed ?? false,
      row.credit?.cost ?? 0,
      // a paid query: asked, not answered from the cache, not failed
      row.credit && !row.credit.cached && !row.credit.failed ? 1 : 0,
      JSON.stringify(row.matches ?? []),
      row.completed_at ?? null,
    ]
  )
  await refreshCarts(db, [row.cart_id ?? `prce_spec_${row.key}`])
}

/** The carts' summaries recomputed from their rows (as the plugin's insert and completion do in their transaction). */
const refreshCarts = (db: Db, cartIds: string[]) => refreshCartFigures(db as unknown as Parameters<typeof refreshCartFigures>[0], cartIds)

type OrderRow = { order_id: string; at: string; amount: number; payment_class: string; provider_id: string; held?: string[]; flagged?: string[] }

async function upsertOrder(db: Db, row: OrderRow) {
  await db.raw(
    `insert into payment_risk_order_figure
       (id, order_id, placed_at, currency_code, amount, raw_amount, payment_class, provider_id, score, rules_held, flagged_by, review, credit_checked)
     values (?, ?, ?, 'eur', ?, jsonb_build_object('value', ?::text, 'precision', 20), ?, ?, 0, ?::text[], ?::text[], false, false)
     on conflict (order_id) where order_id is not null and deleted_at is null do update set
       placed_at = excluded.placed_at, currency_code = excluded.currency_code, amount = excluded.amount, raw_amount = excluded.raw_amount,
       payment_class = excluded.payment_class, provider_id = excluded.provider_id, rules_held = excluded.rules_held, flagged_by = excluded.flagged_by,
       score = 0, review = false, credit_checked = false`,
    [`prof_spec_${row.order_id}`, row.order_id, row.at, row.amount, String(row.amount), row.payment_class, row.provider_id, row.held ?? [], row.flagged ?? []]
  )
}

const KINDS = { returned: 0, charged_back: 0, refused: 0, written_off: 0, in_dunning: 0 }
const ZERO = { count: 0, amount: 0 }
const day = (date: string, figures: Record<string, number> = {}) => ({
  date,
  evaluated: 0,
  restricted: 0,
  completed_after_restriction: 0,
  orders: 0,
  amount: 0,
  defaulted: 0,
  ...figures,
})

withTestStore({ timeout: 240 * 1000 }, (ctx) => {
  const ok = { validateStatus: () => true }
  const db = () => ctx.container.resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION)

  const order = async (email: string, providerId: string, quantity = 1) => {
    const { completion } = await ctx.shop.checkout({ email, providerId, quantity })
    expect(completion.data.type).toBe("order")
    return { id: completion.data.order.id as string, total: Number(completion.data.order.total) }
  }
  const outcome = async (body: Record<string, unknown>) => {
    const res = await ctx.api.post("/admin/payment-risk/outcomes", body, { ...ctx.admin, ...ok })
    expect(res.status).toBe(201)
  }

  describe("when the store has a known week of carts, orders and outcomes", () => {
    it("should give every figure of the overview, a backtest's buckets and the simulator's minimum as counted by hand", async () => {
      // ── the orders (all placed before any outcome lists the shopper) ──
      const a = await order("figures-a@example.com", PROVIDERS.prepayment) // paid fine
      const b = await order("figures-b@example.com", PROVIDERS.cod, 2) // parcel refused: defaulted
      const c = await order("figures-c@example.com", PROVIDERS.prepayment) // charged back, 20 paid since: defaulted
      const d = await order("figures-d@example.com", PROVIDERS.cod) // handed to collection: paid late
      const e = await order("figures-e@example.com", PROVIDERS.prepayment, 2) // 10 refunded
      expect([a.total, b.total, c.total, d.total, e.total]).toEqual([49, 98, 49, 49, 98])

      await outcome({ order_id: b.id, kind: "cod_refused", occurred_at: "2026-06-10T09:00:00Z" })
      await outcome({ order_id: c.id, kind: "chargeback", amount: 49, occurred_at: "2026-06-11T09:00:00Z" })
      await outcome({ order_id: c.id, kind: "payment_received", amount: 20, occurred_at: "2026-06-20T09:00:00Z" })
      await outcome({ order_id: d.id, kind: "handed_over", occurred_at: "2026-06-25T09:00:00Z" })
      await captureOrderPayment(ctx.api, ctx.admin, e.id)
      const { data: withPayments } = await ctx.api.get(`/admin/orders/${e.id}?fields=id,*payment_collections,*payment_collections.payments`, ctx.admin)
      const paymentId = withPayments.order.payment_collections[0].payments[0].id
      expect((await ctx.api.post(`/admin/payments/${paymentId}/refund`, { amount: 10 }, { ...ctx.admin, ...ok })).status).toBe(200)

      // ── today's rules: the defaults switched off, two of the merchant's own ──
      const rules = rulesAdmin(ctx.api, ctx.admin)
      const defaults = (await rules.list("?limit=200")).rules as Array<{ id: string }>
      for (const rule of defaults) expect((await rules.update(rule.id, { enabled: false })).status).toBe(200)
      const scoring = await rules.create(ruleBody("Große Warenkörbe", [{ type: "condition", attribute: "cart.total", operator: "gt", value: 60 }], [{ type: "add_score", points: 60 }]))
      const flagging = await rules.create(ruleBody("Kleine Warenkörbe prüfen", [{ type: "condition", attribute: "cart.total", operator: "lt", value: 60 }], [{ type: "flag_review" }]))
      expect([scoring.status, flagging.status]).toEqual([201, 201])
      const R_SCORE = scoring.data.rule.id as string
      const R_FLAG = flagging.data.rule.id as string

      // ── the week's figures rows ──
      const SYNTHETIC = "order_figures_spec_invoice" // an order without an assessment: not replayable
      await upsertOrder(db(), { order_id: a.id, at: june(1), amount: 49, payment_class: "prepayment", provider_id: PROVIDERS.prepayment, flagged: [R_FLAG] })
      await upsertOrder(db(), { order_id: b.id, at: june(2), amount: 98, payment_class: "cash_on_delivery", provider_id: PROVIDERS.cod, held: [R_SCORE] })
      await upsertOrder(db(), { order_id: c.id, at: june(3), amount: 49, payment_class: "prepayment", provider_id: PROVIDERS.prepayment, held: [R_FLAG], flagged: [R_FLAG] })
      await upsertOrder(db(), { order_id: d.id, at: june(4), amount: 49, payment_class: "cash_on_delivery", provider_id: PROVIDERS.cod })
      await upsertOrder(db(), { order_id: e.id, at: june(5), amount: 98, payment_class: "prepayment", provider_id: PROVIDERS.prepayment, held: [R_SCORE] })
      await upsertOrder(db(), { order_id: SYNTHETIC, at: june(6), amount: 200, payment_class: "invoice", provider_id: PROVIDERS.invoice })

      const PREPAY = ["prepayment"]
      // k1: restricted at listing and completion (two rows, one cart), completed
      await insertCart(db(), { cart_id: "cart_spec_k1", key: "k1-listing", at: june(1), total: 49, restricted: true, causes: ["first_order"], hidden: ["invoice"], offered: PREPAY, completed_at: june(1, "10:10") })
      await insertCart(db(), { cart_id: "cart_spec_k1", key: "k1-completion", at: june(1, "10:05"), total: 49, restricted: true, causes: ["first_order"], hidden: ["invoice"], offered: PREPAY, completed_at: june(1, "10:10") })
      // k2: the credit check hid invoice and cash on delivery, the shopper left
      await insertCart(db(), { cart_id: "cart_spec_k2", key: "k2", at: june(2), total: 200, restricted: true, causes: ["credit_check"], hidden: ["invoice", "cash_on_delivery"], offered: PREPAY, credit: { cost: 1.5 } })
      // k3: a rule hid invoice, completed with what was left
      await insertCart(db(), { cart_id: "cart_spec_k3", key: "k3", at: june(3), total: 98, restricted: true, causes: ["rules", R_SCORE], hidden: ["invoice"], offered: ["prepayment", "cash_on_delivery"], held: [R_SCORE], completed_at: june(3, "11:00") })
      // k4: nothing hidden, two rules held, a cached credit answer, an email on the list
      await insertCart(db(), { cart_id: "cart_spec_k4", key: "k4", at: june(3, "12:00"), total: 49, held: [R_SCORE, R_FLAG], credit: { cached: true }, matches: [{ kind: "email", source: "manual" }], completed_at: june(3, "12:30") })
      // k5: its cart id erased; the negative list hid everything but prepayment, a paid credit query
      await insertCart(db(), { cart_id: null, key: "k5", at: june(4), total: 150, restricted: true, causes: ["negative_list"], hidden: ["invoice", "cash_on_delivery"], offered: PREPAY, credit: { cost: 2.5 }, matches: [{ kind: "person", source: "chargeback" }] })
      // k6: the bureau failed, nothing hidden, left
      await insertCart(db(), { cart_id: "cart_spec_k6", key: "k6", at: june(5), total: 30, credit: { failed: true } })
      // outside: another currency, the week before
      await insertCart(db(), { cart_id: "cart_spec_chf", key: "chf", at: june(2), total: 70, restricted: true, causes: ["first_order"], currency: "chf" })
      await insertCart(db(), { cart_id: "cart_spec_may", key: "may", at: "2026-05-31T23:59:59.000Z", total: 70, restricted: true, causes: ["first_order"] })

      // two list entries added that week (and those the outcomes added today, outside it)
      const manual = await ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: "betrug@example.com", reason: "Betrug", source: "manual" }, ctx.admin)
      const dunning = await ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: "mahnung@example.com", reason: "Mahnverfahren", source: "dunning" }, ctx.admin)
      await db().raw(`update payment_risk_negative_list_entry set created_at = ? where id = any(?::text[])`, [june(3), [manual.data.entry.id, dunning.data.entry.id]])

      // ── the overview ──
      const res = await ctx.api.get(`/admin/payment-risk/analytics?from=${WEEK.from}&to=${WEEK.to}&currency_code=EUR`, ctx.admin)
      expect(res.status).toBe(200)
      const figures = res.data
      expect(figures.period).toEqual({ ...WEEK, currency_code: "eur", time_zone: "UTC" })
      expect(figures.carts).toEqual({
        evaluated: 6,
        restricted: 4,
        completed_after_restriction: 2,
        abandoned_after_restriction: 2,
        by_cause: [
          { cause: "credit_check", restricted: 1, completed: 0, abandoned: 1 },
          { cause: "first_order", restricted: 1, completed: 1, abandoned: 0 },
          { cause: "negative_list", restricted: 1, completed: 0, abandoned: 1 },
          { cause: R_SCORE, restricted: 1, completed: 1, abandoned: 0 },
          { cause: "rules", restricted: 1, completed: 1, abandoned: 0 },
        ].sort((x, y) => (x.cause < y.cause ? -1 : 1)),
      })
      expect(figures.by_class).toEqual([
        // a, c, e; c charged back (49 lost but the 20 paid since)
        { class: "prepayment", orders: 3, amount: 196, defaulted: 1, default_rate: 0.3333, lost: 29, recovered: 20, ...KINDS, charged_back: 1 },
        // b refused (98 lost), d handed over
        { class: "cash_on_delivery", orders: 2, amount: 147, defaulted: 1, default_rate: 0.5, lost: 98, recovered: 0, ...KINDS, refused: 1, in_dunning: 1 },
        { class: "invoice", orders: 1, amount: 200, defaulted: 0, default_rate: 0, lost: 0, recovered: 0, ...KINDS },
      ])
      expect(figures.by_provider).toEqual([
        { provider_id: PROVIDERS.cod, payment_class: "cash_on_delivery", orders: 2, amount: 147, defaulted: 1, default_rate: 0.5, lost: 98, recovered: 0 },
        { provider_id: PROVIDERS.invoice, payment_class: "invoice", orders: 1, amount: 200, defaulted: 0, default_rate: 0, lost: 0, recovered: 0 },
        { provider_id: PROVIDERS.prepayment, payment_class: "prepayment", orders: 3, amount: 196, defaulted: 1, default_rate: 0.3333, lost: 29, recovered: 20 },
      ])
      // k2: 200 × (1 default of 3 invoice and cash-on-delivery orders) = 66.67
      // paid queries: k2 and k5 (k4 answered from the cache, k6's bureau failed)
      expect(figures.credit).toEqual({ queries: 2, cost: 4, cache_hits: 1, failures: 1, losses_avoided_estimate: 66.67 })
      const listed = (await rules.list("?limit=200")).rules as Array<{ id: string; name: string }>
      expect(figures.rules).toEqual(
        listed.map((rule) => ({
          rule_id: rule.id,
          name: rule.name,
          held: 0,
          restricted: 0,
          flagged: 0,
          defaulted: 0,
          ...(rule.id === R_SCORE ? { held: 2, restricted: 1, defaulted: 1 } : {}),
          ...(rule.id === R_FLAG ? { held: 1, flagged: 2, defaulted: 1 } : {}),
        }))
      )
      expect(figures.negative_list.hits.total).toBe(2)
      expect(figures.negative_list.hits.by_kind).toEqual({ ...Object.fromEntries(Object.keys(figures.negative_list.hits.by_kind).map((k) => [k, 0])), email: 1, person: 1 })
      expect(figures.negative_list.hits.by_source).toEqual({ manual: 1, chargeback: 1, return_debit: 0, dunning: 0, cod_refused: 0, fraud_review: 0, import: 0, unknown: 0 })
      expect(figures.negative_list.added_by_source).toEqual({ manual: 1, chargeback: 0, return_debit: 0, dunning: 1, cod_refused: 0, fraud_review: 0, import: 0 })
      expect(figures.daily).toEqual([
        day("2026-06-01", { evaluated: 1, restricted: 1, completed_after_restriction: 1, orders: 1, amount: 49 }),
        day("2026-06-02", { evaluated: 1, restricted: 1, orders: 1, amount: 98, defaulted: 1 }),
        day("2026-06-03", { evaluated: 2, restricted: 1, completed_after_restriction: 1, orders: 1, amount: 49, defaulted: 1 }),
        day("2026-06-04", { evaluated: 1, restricted: 1, orders: 1, amount: 49 }),
        day("2026-06-05", { evaluated: 1, orders: 1, amount: 98 }),
        day("2026-06-06", { orders: 1, amount: 200 }),
        day("2026-06-07"),
      ])
      // k1, k2, k5 were left with prepayment alone: too few to measure
      expect(figures.abandonment).toEqual({ measured_rate: null, carts: 3 })

      // ── a backtest: a draft that holds every cart above 60 for review ──
      const backtest = await ctx.api.post(
        "/admin/payment-risk/backtest",
        { ...WEEK, currency_code: "eur", rules: [ruleBody("Über 60 prüfen", [{ type: "condition", attribute: "cart.total", operator: "gt", value: 60 }], [{ type: "flag_review" }])] },
        { ...ctx.admin, ...ok }
      )
      expect(backtest.status).toBe(200)
      // stopped: b (refused: defaulted), e (refunded); today's rules stop a, c, d (below 60) that the draft lets through
      expect(backtest.data).toEqual({
        orders: 6,
        replayable: 5,
        not_replayable: 1,
        buckets: { defaulted: { count: 1, amount: 98 }, paid_late: ZERO, refunded: { count: 1, amount: 98 }, paid_fine: ZERO },
        overrides: { count: 3, amount: 147 },
        samples: [b.id, e.id],
        inexact: [],
      })
      // the same rules with the rules switched off: nothing stopped, all five overridden
      const off = await ctx.api.post("/admin/payment-risk/backtest", { ...WEEK, currency_code: "eur", settings: { rules: { enabled: false } } }, { ...ctx.admin, ...ok })
      expect(off.status).toBe(200)
      expect(off.data).toMatchObject({ orders: 6, replayable: 5, buckets: { defaulted: ZERO, paid_late: ZERO, refunded: ZERO, paid_fine: ZERO }, overrides: { count: 5, amount: 343 }, samples: [] })

      // ── the threshold simulator (today's rules score b and e 60, the rest 0) ──
      const simulated = await ctx.api.post(
        "/admin/payment-risk/simulate-thresholds",
        { ...WEEK, currency_code: "eur", review_from: 50, prepayment_from: 80, margin: 0.9, abandonment_rate: 1 },
        { ...ctx.admin, ...ok }
      )
      expect(simulated.status).toBe(200)
      const s = simulated.data
      expect([s.orders, s.replayable]).toEqual([6, 5])
      // credit: the paid queries of the week cost 1.50 and 2.50
      expect(s.params).toEqual({ margin: 0.9, cost_per_default: 12.5, cost_per_default_source: "default", abandonment_rate: 1, abandonment_source: "request", credit_check_cost: 2 })
      expect(s.points.map((p: { threshold: number; cost: { total: number } }) => [p.threshold, p.cost.total])).toEqual([
        [0, 176.4], // everyone restricted: 196 good × 0.9
        [60, 149.7], // b, e restricted: 98 × 0.9 + c let through (49 + 12.50)
        [61, 172], // nobody restricted: b (98 + 12.50) + c (49 + 12.50)
        [80, 172],
      ])
      expect(s.minimum).toEqual({
        threshold: 60,
        restricted: { good: { count: 1, amount: 98 }, bad: { count: 1, amount: 98 } },
        let_through: { good: { count: 2, amount: 98 }, bad: { count: 1, amount: 49 } },
        cost: { defaults: 61.5, credit_checks: 0, lost_margin: 88.2, total: 149.7 },
      })
      expect(s.current.threshold).toBe(80)
      expect(s.review).toEqual({ threshold: 50, good: { count: 1, amount: 98 }, bad: { count: 1, amount: 98 } })

      // ── the measured abandonment rate is needed when none is given ──
      const unmeasured = await ctx.api.post("/admin/payment-risk/simulate-thresholds", { ...WEEK, currency_code: "eur", margin: 0.3 }, { ...ctx.admin, ...ok })
      expect(unmeasured.status).toBe(400)
      expect(unmeasured.data.message).toContain("abandonment_rate")
      expect(unmeasured.data.message).toContain("3 such carts")
    })
  })

  describe("when a request is wrong", () => {
    it("should answer 400 naming the field, in the merchant's words", async () => {
      const get = (query: string) => ctx.api.get(`/admin/payment-risk/analytics${query}`, { ...ctx.admin, ...ok })
      const post = (path: string, body: unknown) => ctx.api.post(`/admin/payment-risk/${path}`, body, { ...ctx.admin, ...ok })
      const cases: Array<[string, Promise<{ status: number; data: { message: string } }>, string]> = [
        ["no currency", get(""), "currency_code"],
        ["a currency that is no code", get("?currency_code=euro"), "currency_code"],
        ["a date that is none", get("?currency_code=eur&from=gestern"), "from"],
        ["a period that ends before it starts", get("?currency_code=eur&from=2026-06-08&to=2026-06-01"), "from"],
        ["a day that does not exist", get("?currency_code=eur&from=2030-02-31"), "from"],
        ["an hour that does not exist", get("?currency_code=eur&to=2030-02-01T24:00:00Z"), "to"],
        ["an unknown time zone", get("?currency_code=eur&tz=Europe/Atlantis"), "tz"],
        ["a backtest from a day that does not exist", post("backtest", { currency_code: "eur", from: "2030-04-31" }), "from"],
        ["an unknown parameter", get("?currency_code=eur&limit=5"), "limit"],
        ["a draft rule without actions", post("backtest", { currency_code: "eur", rules: [{ name: "x", conditions: { type: "group", combinator: "and", children: [] }, actions: [] }] }), "actions"],
        ["a draft threshold below 1", post("backtest", { currency_code: "eur", settings: { rules: { review_score: 0 } } }), "review_score"],
        ["too many samples", post("backtest", { currency_code: "eur", sample_size: 51 }), "sample_size"],
        ["no margin", post("simulate-thresholds", { currency_code: "eur", abandonment_rate: 0.5 }), "margin"],
        ["a margin above 1", post("simulate-thresholds", { currency_code: "eur", margin: 30, abandonment_rate: 0.5 }), "margin"],
        ["no cost per default in a currency without a default", post("simulate-thresholds", { currency_code: "chf", margin: 0.3, abandonment_rate: 0.5 }), "cost_per_default"],
        ["an abandonment rate above 1", post("simulate-thresholds", { currency_code: "eur", margin: 0.3, abandonment_rate: 2 }), "abandonment_rate"],
      ]
      for (const [name, request, field] of cases) {
        const res = await request
        expect({ name, status: res.status, names: res.data.message?.includes(field) }).toEqual({ name, status: 400, names: true })
      }
    })
  })

  describe("when figures were placed within one millisecond", () => {
    it("should read each order once, a batch at a time, and come to an end", async () => {
      const rows: Array<[string, string]> = [
        ["prof_spec_us_1", "2026-06-01 10:00:00.123451+00"],
        ["prof_spec_us_2", "2026-06-01 10:00:00.123452+00"],
        ["prof_spec_us_3", "2026-06-01 10:00:00.123453+00"],
        ["prof_spec_us_4", "2026-06-01 10:00:00.123453+00"], // the same microsecond as the third
        ["prof_spec_us_5", "2026-06-01 10:00:00.124001+00"],
      ]
      for (const [id, at] of rows) {
        await db().raw(
          `insert into payment_risk_order_figure (id, order_id, placed_at, currency_code, amount, raw_amount, payment_class, provider_id, score, rules_held, flagged_by, review, credit_checked)
           values (?, ?, ?::timestamptz, 'xts', 10, jsonb_build_object('value', '10', 'precision', 20), 'invoice', ?, 0, '{}', '{}', false, ?)`,
          [id, `order_${id}`, at, PROVIDERS.invoice, id === "prof_spec_us_2"]
        )
      }
      const seen: string[] = []
      const checked: string[] = []
      let batches = 0
      for await (const batch of streamPeriodOrders(figuresDb(ctx.container), { from: new Date(WEEK.from), to: new Date(WEEK.to), currency_code: "xts" }, 2)) {
        for (const order of batch) {
          seen.push(order.order_id)
          if (order.credit_checked) checked.push(order.order_id)
        }
        if (++batches > 10) break // a loop that does not advance fails here instead of running on
      }
      expect(seen).toEqual(rows.map(([id]) => `order_${id}`))
      expect(batches).toBe(3)
      // the figure's own credit_checked travels with the order (the simulator's credit cost)
      expect(checked).toEqual(["order_prof_spec_us_2"])
    })
  })

  describe("when two backtests are asked for at once", () => {
    it("should run one and answer the other 429 in plain words", async () => {
      const body = { ...WEEK, currency_code: "eur" }
      const answers = await Promise.all([0, 1, 2].map(() => ctx.api.post("/admin/payment-risk/backtest", body, { ...ctx.admin, ...ok })))
      const statuses = answers.map((res) => res.status).sort()
      expect(statuses[0]).toBe(200)
      expect(statuses[statuses.length - 1]).toBe(429)
      expect(statuses.every((status) => status === 200 || status === 429)).toBe(true)
      const busy = answers.find((res) => res.status === 429)
      expect(busy?.data).toEqual({ type: "busy", message: "A backtest is already running; try again in a moment." })
      // the lock is given back: the next one runs
      expect((await ctx.api.post("/admin/payment-risk/backtest", body, { ...ctx.admin, ...ok })).status).toBe(200)
    })
  })

  describe("when carts were left with prepayment alone and the merchant's days are not UTC", () => {
    it("should measure only carts whose latest decision left prepayment alone, and count days in the time zone asked for", async () => {
      const PREPAY = ["prepayment"]
      const ALL = ["prepayment", "invoice"]
      const restricted = { restricted: true, causes: ["first_order"], hidden: ["invoice"], offered: PREPAY }
      // p1: prepayment alone, then invoice offered after all (a changed decision) and paid by invoice: not a sample
      await insertCart(db(), { cart_id: "cart_spec_p1", key: "p1-a", at: june(2, "09:00"), total: 40, ...restricted, completed_at: june(2, "09:20") })
      await insertCart(db(), { cart_id: "cart_spec_p1", key: "p1-b", at: june(2, "09:10"), total: 40, offered: ALL, completed_at: june(2, "09:20") })
      // p2: prepayment alone, left
      await insertCart(db(), { cart_id: "cart_spec_p2", key: "p2", at: june(2, "10:00"), total: 40, ...restricted })
      // p3: prepayment alone and paid by prepayment
      await insertCart(db(), { cart_id: "cart_spec_p3", key: "p3", at: june(2, "11:00"), total: 40, ...restricted, completed_at: june(2, "11:30") })
      // p4: prepayment alone, then invoice offered, but paid by prepayment
      await insertCart(db(), { cart_id: "cart_spec_p4", key: "p4-a", at: june(2, "12:00"), total: 40, ...restricted, completed_at: june(2, "12:30") })
      await insertCart(db(), { cart_id: "cart_spec_p4", key: "p4-b", at: june(2, "12:10"), total: 40, offered: ALL, completed_at: june(2, "12:30") })
      // late on 2 June in UTC, 3 June in Berlin (UTC+2 in summer)
      await insertCart(db(), { cart_id: "cart_spec_late", key: "late", at: june(2, "23:30"), total: 40 })
      await db().raw(`update payment_risk_cart_evaluation set completed_class = 'invoice' where cart_id = 'cart_spec_p1'`)
      await db().raw(`update payment_risk_cart_evaluation set completed_class = 'prepayment' where cart_id in ('cart_spec_p3', 'cart_spec_p4')`)
      await refreshCarts(db(), ["cart_spec_p1", "cart_spec_p3", "cart_spec_p4"])

      const utc = await ctx.api.get(`/admin/payment-risk/analytics?from=2026-06-02&to=2026-06-04&currency_code=eur`, ctx.admin)
      expect(utc.data.abandonment).toEqual({ measured_rate: null, carts: 3 })
      expect(utc.data.carts).toMatchObject({ evaluated: 5, restricted: 4, completed_after_restriction: 3 })
      expect(utc.data.daily.map((d: { date: string; evaluated: number }) => [d.date, d.evaluated])).toEqual([
        ["2026-06-02", 5],
        ["2026-06-03", 0],
      ])
      const unmeasured = await ctx.api.post("/admin/payment-risk/simulate-thresholds", { from: "2026-06-02", to: "2026-06-04", currency_code: "eur", margin: 0.3 }, { ...ctx.admin, ...ok })
      expect(unmeasured.status).toBe(400)
      expect(unmeasured.data.message).toContain("3 such carts")

      // Berlin: the dates are midnight there, the late cart counts on 3 June
      const berlin = await ctx.api.get(`/admin/payment-risk/analytics?from=2026-06-02&to=2026-06-04&currency_code=eur&tz=Europe/Berlin`, ctx.admin)
      expect(berlin.data.period).toEqual({ from: "2026-06-01T22:00:00.000Z", to: "2026-06-03T22:00:00.000Z", currency_code: "eur", time_zone: "Europe/Berlin" })
      expect(berlin.data.daily.map((d: { date: string; evaluated: number }) => [d.date, d.evaluated])).toEqual([
        ["2026-06-02", 4],
        ["2026-06-03", 1],
      ])
    })
  })
})
