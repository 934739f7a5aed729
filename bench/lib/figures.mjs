/**
 * The merchant's figures over HTTP with admin auth (issue 17), on the history seed-figures.mjs
 * wrote, one request at a time (what a merchant waits for), each answer checked against what
 * the database holds for the period:
 *   - POST /admin/payment-risk/backtest: the 9 stored default rules as a draft with other
 *     thresholds (review from 40, prepayment only from 70 instead of 50 / 80), over the period
 *     holding the replayable orders; 3 runs (after one warm-up), target < 10 s;
 *   - GET /admin/payment-risk/analytics for 90 days holding every seeded order: 10 runs (after
 *     one warm-up), p50 / p99, target < 1 s;
 *   - POST /admin/payment-risk/simulate-thresholds for the same 90 days (margin 30 %): 3 runs.
 */
import { built } from "./host.mjs"
import { engineRule, figureTemplates } from "./figures-templates.mjs"
import { timeInProcess } from "./measure.mjs"
import { figuresIn } from "./seed-figures.mjs"

/** A stored rule as POST /admin/payment-risk/rules takes it (its strict schema: no id, default_key or dates when unset). */
const ruleDraft = (rule) => ({
  name: rule.name,
  ...(rule.description ? { description: rule.description } : {}),
  priority: rule.priority,
  enabled: rule.enabled,
  ...(rule.valid_from ? { valid_from: rule.valid_from } : {}),
  ...(rule.valid_until ? { valid_until: rule.valid_until } : {}),
  conditions: rule.conditions,
  actions: rule.actions,
})

async function timed(url, { method = "GET", headers, body }) {
  const started = process.hrtime.bigint()
  const res = await fetch(url, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) })
  const text = await res.text()
  const ms = Number(process.hrtime.bigint() - started) / 1e6
  if (!res.ok) throw new Error(`${method} ${url} answered ${res.status}: ${text.slice(0, 400)}`)
  return { ms, json: JSON.parse(text) }
}

/** `runs` timed calls after `warmup` untimed ones: p50 / p99 / max and the last answer. */
async function repeat(runs, warmup, call) {
  for (let i = 0; i < warmup; i++) await call()
  const samples = []
  let last
  for (let i = 0; i < runs; i++) {
    const { ms, json } = await call()
    samples.push(ms)
    last = json
  }
  samples.sort((a, b) => a - b)
  const q = (p) => Number(samples[Math.min(samples.length - 1, Math.ceil(p * samples.length) - 1)].toFixed(1))
  return { runs, p50_ms: q(0.5), p99_ms: q(0.99), max_ms: q(1), samples_ms: samples.map((ms) => Number(ms.toFixed(1))), answer: last }
}

/** Milliseconds of one SQL statement (best of 3: what the database alone needs). */
async function sqlMs(db, sql, params) {
  const times = []
  for (let i = 0; i < 3; i++) {
    const started = process.hrtime.bigint()
    await db.query(sql, params)
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return Number(Math.min(...times).toFixed(1))
}

/**
 * What the figures routes cannot do with less, measured beside them to explain their time:
 * - `replay_us`: one replay of a stored input with the 9 default rules (the engine's
 *   `replayDecision`, in this process, on the seeded templates); a backtest replays each order
 *   twice (draft and today's rules);
 * - `read_inputs_ms`: reading the period's orders with their stored inputs in one statement;
 * - `count_carts_ms`: counting the period's carts, restricted ones and completed ones, from their
 *   summaries (payment_risk_cart_figure, one row per cart: what the overview reads);
 * - `group_cart_rows_ms`: the same counted by grouping the period's evaluation rows per cart (as
 *   the overview did before the summaries; to show what they save).
 */
async function floors(db, period, { storedRules, settings }) {
  const engine = built("src/engine/index.js")
  const templates = figureTemplates(400, { settings, storedRules })
  const config = { rules: storedRules.map(engineRule), settings }
  const replay_us = timeInProcess((i) => engine.replayDecision(templates[i % templates.length].input, config), 5000)
  const params = [period.from, period.to, period.currency_code]
  const read_inputs_ms = await sqlMs(
    db,
    `select count(*), sum(length(a.replayable::text)) from payment_risk_order_figure f
       left join payment_risk_assessment a on a.order_id = f.order_id and a.deleted_at is null
      where f.deleted_at is null and f.placed_at >= $1 and f.placed_at < $2 and f.currency_code = $3`,
    params
  )
  const count_carts_ms = await sqlMs(
    db,
    `select count(*), count(*) filter (where restricted), count(*) filter (where completed) from payment_risk_cart_figure
      where deleted_at is null and first_evaluated_at >= $1 and first_evaluated_at < $2 and currency_code = $3`,
    params
  )
  const group_cart_rows_ms = await sqlMs(
    db,
    `select count(*), count(*) filter (where r), count(*) filter (where d) from (
       select bool_or(restricted) as r, bool_or(completed_at is not null) as d from payment_risk_cart_evaluation
        where deleted_at is null and evaluated_at >= $1 and evaluated_at < $2 and currency_code = $3 group by coalesce(cart_id, id)) c`,
    params
  )
  return { replay_us, read_inputs_ms, count_carts_ms, group_cart_rows_ms }
}

export async function measureFigures({ baseUrl, headers, db, storedRules, settings, log = () => {}, analyticsRuns = 10, backtestRuns = 3 }) {
  const to = new Date()
  const from = new Date(to.getTime() - 90 * 86400_000)
  const period = { from: from.toISOString(), to: to.toISOString(), currency_code: "eur" }
  const expected = await figuresIn(db, { from: period.from, to: period.to })
  const results = { period, expected }

  log(`analytics for 90 days (${expected.orders} orders, ${expected.carts} carts), ${analyticsRuns} runs`)
  const query = new URLSearchParams(period).toString()
  const analytics = await repeat(analyticsRuns, 1, () => timed(`${baseUrl}/admin/payment-risk/analytics?${query}`, { headers }))
  const a = analytics.answer
  const orders = (a.by_class ?? []).reduce((sum, row) => sum + row.orders, 0)
  if (orders !== expected.orders || a.carts?.evaluated !== expected.carts) {
    throw new Error(`analytics answered ${orders} orders / ${a.carts?.evaluated} carts, the database holds ${expected.orders} / ${expected.carts}`)
  }
  results.analytics = { ...analytics, orders, carts: a.carts.evaluated, answer: undefined, restricted: a.carts.restricted, classes: a.by_class.length }

  const draft = {
    ...period,
    rules: storedRules.filter((rule) => rule.default_key).map(ruleDraft),
    settings: { rules: { review_score: Math.max(0, settings.rules.review_score - 10), prepayment_score: Math.max(0, settings.rules.prepayment_score - 10) } },
  }
  log(`backtest of the 9 default rules with other thresholds over ${expected.replayable} replayable orders, ${backtestRuns} runs`)
  const backtest = await repeat(backtestRuns, 1, () => timed(`${baseUrl}/admin/payment-risk/backtest`, { method: "POST", headers, body: draft }))
  const b = backtest.answer
  // `orders`: the period's orders (with or without an assessment, by the route's reading); every replayable one replayed
  if (b.replayable !== expected.replayable || b.orders < b.replayable || b.orders > expected.orders) {
    throw new Error(`backtest answered ${b.orders} orders / ${b.replayable} replayable, the database holds ${expected.orders} orders / ${expected.replayable} replayable`)
  }
  results.backtest = {
    ...backtest,
    answer: undefined,
    orders: b.orders,
    replayable: b.replayable,
    stopped: Object.values(b.buckets).reduce((sum, bucket) => sum + bucket.count, 0),
    buckets: Object.fromEntries(Object.entries(b.buckets).map(([bucket, value]) => [bucket, value.count])),
    overrides: b.overrides.count,
    draft: { rules: draft.rules.length, ...draft.settings.rules },
  }

  log("threshold simulation for the same 90 days")
  const simulate = await repeat(backtestRuns, 1, () =>
    timed(`${baseUrl}/admin/payment-risk/simulate-thresholds`, { method: "POST", headers, body: { ...period, margin: 0.3 } })
  )
  const s = simulate.answer
  if (s.replayable !== expected.replayable || !Array.isArray(s.points) || !s.points.length) {
    throw new Error(`simulate-thresholds answered ${s.replayable} replayable orders and ${s.points?.length} points, the database holds ${expected.replayable}`)
  }
  results.simulate = {
    ...simulate,
    answer: undefined,
    orders: s.orders,
    replayable: s.replayable,
    points: s.points.length,
    minimum_at: s.minimum?.threshold ?? null,
    abandonment: `${Number(s.params.abandonment_rate).toFixed(3)} (${s.params.abandonment_source})`,
  }
  log("what the database and the engine need at least (to explain the routes' times)")
  results.floors = await floors(db, period, { storedRules, settings })
  return results
}
