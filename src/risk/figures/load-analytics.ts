import { MedusaContainer } from "@medusajs/framework/types"
import {
  CartEvaluationRow,
  cartFigures,
  classFigures,
  ClassFigures,
  creditFigures,
  dailySeries,
  DailyEntry,
  DailyFigures,
  ListEntryAddedRow,
  measuredAbandonmentRate,
  negativeListFigures,
  NegativeListKind,
  NegativeListSource,
  OrderFigureRow,
  PaymentClass,
  providerFigures,
  ProviderFigures,
  restrictionsByCause,
  ruleFigures,
  RuleFigures,
  AnalyticsResponse,
} from "../../engine"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { figuresDb, FiguresDb, FiguresPeriod, groupingRaw, list, num } from "./figures-db"
import { loadOrdersWithAftermath } from "./order-aftermath"

/** `GET /admin/payment-risk/analytics` (issue 17; the contract in README → Figures). */
export type AnalyticsAnswer = {
  period: { from: string; to: string; currency_code: string }
  carts: AnalyticsResponse["carts"] & { by_cause: ReturnType<typeof restrictionsByCause> }
  by_class: ClassFigures[]
  by_provider: ProviderFigures[]
  credit: AnalyticsResponse["credit"]
  rules: RuleFigures[]
  negative_list: AnalyticsResponse["negative_list"]
  daily: DailyFigures[]
  abandonment: { measured_rate: number | null; carts: number }
}

const NO_CREDIT = { ran: false, cost: 0, cached: false, failed: false }

/**
 * The evaluated carts of the period, grouped in SQL (one statement; the rows never come to
 * Node). A cart is its `cart_id` (a row whose cart id was erased is a cart of its own); it is
 * restricted when any of its rows is, completed when its order was placed (set on all its rows),
 * and its day is the day of its first evaluation. Each part counts distinct carts:
 * - `carts`: per (restricted, completed, day);
 * - `causes`: per cause of a restricted row, the carts and the completed ones, and the carts
 *   where the cause is a rule that held on the same row (a rule id, even of a deleted rule);
 * - `held`: per rule, the carts it held on;
 * - `credit`: per (cached, failed) over rows (each row records one check's answer), with cost;
 * - `credit_restricted`: the carts a credit check restricted, per hidden classes (its latest such row);
 * - `list_hits`: per (kind, source) of the list matches;
 * - `prepayment_only`: the carts left with prepayment alone, and how many were completed.
 */
const CARTS_SQL = `
with r as materialized (
  select coalesce(cart_id, id) as k, evaluated_at, restricted, completed_at is not null as done, causes, rules_held,
         hidden_classes, offered_classes, total, credit_ran, credit_cached, credit_failed, credit_cost, list_matches
    from payment_risk_cart_evaluation
   where deleted_at is null and evaluated_at >= ? and evaluated_at < ? and currency_code = ?
)
select
  (select json_agg(g) from (
     select restricted, done, to_char(day, 'YYYY-MM-DD') as date, n
       from (select restricted, done, day, count(*)::int as n
               from (select bool_or(restricted) as restricted, bool_or(done) as done, min((evaluated_at at time zone 'UTC')::date) as day from r group by k) carts
              group by 1, 2, 3) per_day) g) as carts,
  (select json_agg(c) from (
     select cause, count(distinct k)::int as n, (count(distinct k) filter (where done))::int as completed,
            (count(distinct k) filter (where held))::int as held
       from (select r.k, r.done, c as cause, c = any(r.rules_held) as held from r cross join lateral unnest(r.causes) c where r.restricted) x
      group by 1) c) as causes,
  (select json_agg(h) from (
     select rule_id, count(distinct k)::int as n
       from (select r.k, h as rule_id from r cross join lateral unnest(r.rules_held) h where cardinality(r.rules_held) > 0) x
      group by 1) h) as held,
  (select json_agg(cr) from (
     select credit_cached as cached, credit_failed as failed, count(*)::int as n, sum(credit_cost)::text as cost
       from r where credit_ran group by 1, 2) cr) as credit,
  (select json_agg(e) from (
     select hidden_classes, count(*)::int as n, sum(total)::text as total
       from (select distinct on (k) k, hidden_classes, total from r
              where restricted and 'credit_check' = any(causes) and cardinality(hidden_classes) > 0
              order by k, evaluated_at desc) latest
      group by 1) e) as credit_restricted,
  (select json_agg(m) from (
     select x->>'kind' as kind, x->>'source' as source, count(distinct r.k)::int as n
       from r cross join lateral jsonb_array_elements(r.list_matches) x
      where jsonb_typeof(r.list_matches) = 'array' and r.list_matches <> '[]'::jsonb
      group by 1, 2) m) as list_hits,
  (select json_build_object('carts', count(distinct k), 'completed', count(distinct k) filter (where done))
     from r where restricted and offered_classes = '{prepayment}'::text[]) as prepayment_only`

/**
 * The placed orders of the period, grouped in SQL: per (class, provider) orders and amount, per
 * day orders and amount, per rule the orders it flagged.
 */
const ORDERS_SQL = `
with f as (
  select payment_class, provider_id, amount, placed_at, flagged_by
    from payment_risk_order_figure
   where deleted_at is null and placed_at >= ? and placed_at < ? and currency_code = ?
)
select
  (select json_agg(g) from (select payment_class, provider_id, count(*)::int as n, sum(amount)::text as amount from f group by 1, 2) g) as groups,
  (select json_agg(d) from (select to_char(placed_at at time zone 'UTC', 'YYYY-MM-DD') as date, count(*)::int as n, sum(amount)::text as amount from f group by 1) d) as daily,
  (select json_agg(x) from (select id as rule_id, count(*)::int as n from f cross join lateral unnest(f.flagged_by) id group by 1) x) as flagged`

const ADDED_SQL = `
select source, count(*)::int as n from payment_risk_negative_list_entry
 where deleted_at is null and created_at >= ? and created_at < ? group by 1`

type CartGroup = { restricted: boolean; done: boolean; date: string; n: number }
type CauseGroup = { cause: string; n: number; completed: number; held: number }
type HeldGroup = { rule_id: string; n: number }
type CreditGroup = { cached: boolean; failed: boolean; n: number; cost: string }
type EstimateGroup = { hidden_classes: PaymentClass[]; n: number; total: string }
type ListHit = { kind: NegativeListKind; source: NegativeListSource | null; n: number }
type OrderGroup = { payment_class: PaymentClass | null; provider_id: string | null; n: number; amount: string }
type OrderDay = { date: string; n: number; amount: string }

const dayOf = (date: Date) => date.toISOString().slice(0, 10)

/** Grouped carts as rows with a count, each part in the shape its engine function reads. */
async function loadCarts(db: FiguresDb, period: FiguresPeriod) {
  const { rows } = await groupingRaw(db, CARTS_SQL, [period.from, period.to, period.currency_code])
  const row = rows[0] ?? {}
  const base = { evaluated_at: period.from, currency_code: period.currency_code, total: 0, credit: NO_CREDIT, completed: false, restricted: false, causes: [] as string[] }
  const cartGroups = list<CartGroup>(row.carts)
  const causeGroups = list<CauseGroup>(row.causes)
  // carts per cause: completed and not (restrictionsByCause counts each cause of a cart)
  const byCause: CartEvaluationRow[] = causeGroups.flatMap((g) => [
    { ...base, restricted: true, causes: [g.cause], completed: true, count: g.completed },
    { ...base, restricted: true, causes: [g.cause], completed: false, count: g.n - g.completed },
  ])
  // per rule: the carts it held on, and the carts it restricted — counted for a rule of today's
  // set, or where it held on the same row (a deleted rule); a cart of the second kind also held,
  // so it is taken out of the held-only row to be counted once
  const restrictedHeld = new Map(causeGroups.map((g) => [g.cause, g.held]))
  const forRules: CartEvaluationRow[] = [
    ...list<HeldGroup>(row.held).map((g) => ({ ...base, rules_held: [g.rule_id], count: g.n - (restrictedHeld.get(g.rule_id) ?? 0) })),
    ...causeGroups.flatMap((g) => [
      { ...base, restricted: true, causes: [g.cause], rules_held: [g.cause], count: g.held },
      { ...base, restricted: true, causes: [g.cause], count: g.n - g.held },
    ]),
  ]
  const credit: CartEvaluationRow[] = [
    ...list<CreditGroup>(row.credit).map((g) => ({ ...base, count: g.n, credit: { ran: true, cached: g.cached, failed: g.failed, cost: num(g.cost) } })),
    ...list<EstimateGroup>(row.credit_restricted).map((g) => ({ ...base, count: g.n, total: num(g.total), restricted: true, causes: ["credit_check"], hidden_classes: g.hidden_classes })),
  ]
  const listHits: CartEvaluationRow[] = list<ListHit>(row.list_hits).map((h) => ({ ...base, count: h.n, list_matches: [{ kind: h.kind, source: h.source ?? null }] }))
  const daily: DailyEntry[] = cartGroups.map((g) => ({
    date: g.date,
    evaluated: g.n,
    restricted: g.restricted ? g.n : 0,
    completed_after_restriction: g.restricted && g.done ? g.n : 0,
  }))
  const prepaymentOnly = (row.prepayment_only ?? {}) as { carts?: number; completed?: number }
  const measuredCarts = num(prepaymentOnly.carts)
  const completed = num(prepaymentOnly.completed)
  const measured = measuredAbandonmentRate([
    { count: completed, restricted: true, completed: true },
    { count: measuredCarts - completed, restricted: true, completed: false },
  ])
  return {
    carts: cartGroups.map((g) => ({ ...base, restricted: g.restricted, completed: g.done, count: g.n })),
    byCause,
    forRules,
    credit,
    listHits,
    daily,
    abandonment: { measured_rate: measured ? measured.rate : null, carts: measuredCarts },
  }
}

async function loadOrders(db: FiguresDb, period: FiguresPeriod) {
  const [{ rows }, aftermath] = await Promise.all([groupingRaw(db, ORDERS_SQL, [period.from, period.to, period.currency_code]), loadOrdersWithAftermath(db, period)])
  const row = rows[0] ?? {}
  const base = { order_id: "", placed_at: period.from, currency_code: period.currency_code }
  // the orders with an aftermath one by one; the rest of each (class, provider) group as one row
  const rest = new Map<string, { count: number; cents: number }>()
  const keyOf = (cls: string | null, provider: string | null) => JSON.stringify([cls, provider])
  for (const g of list<OrderGroup>(row.groups)) rest.set(keyOf(g.payment_class, g.provider_id), { count: g.n, cents: Math.round(num(g.amount) * 100) })
  const orders: OrderFigureRow[] = []
  const daily: DailyEntry[] = list<OrderDay>(row.daily).map((d) => ({ date: d.date, orders: d.n, amount: num(d.amount) }))
  for (const order of aftermath) {
    const key = keyOf(order.payment_class, order.provider_id)
    const group = rest.get(key)
    if (group) {
      group.count -= 1
      group.cents -= Math.round(order.amount * 100)
    }
    const { bucket, lost, recovered, returned, charged_back, refused, written_off } = order.aftermath
    orders.push({
      ...base,
      order_id: order.order_id,
      placed_at: order.placed_at,
      amount: order.amount,
      payment_class: order.payment_class as PaymentClass,
      provider_id: order.provider_id,
      bucket,
      lost,
      recovered,
      returned,
      charged_back,
      refused,
      written_off,
      rules_held: order.rules_held,
    })
    if (bucket === "defaulted") daily.push({ date: dayOf(order.placed_at), defaulted: 1 })
  }
  for (const [key, group] of rest) {
    if (group.count <= 0) continue
    const [cls, provider] = JSON.parse(key) as [PaymentClass | null, string | null]
    orders.push({ ...base, count: group.count, amount: group.cents / 100, payment_class: cls as PaymentClass, provider_id: provider, bucket: "paid_fine" })
  }
  // per rule: the orders it flagged (all orders) and the defaulted ones it held on
  const ruleOrders: OrderFigureRow[] = [
    ...list<{ rule_id: string; n: number }>(row.flagged).map((x) => ({ ...base, count: x.n, amount: 0, payment_class: "prepayment" as PaymentClass, bucket: "paid_fine" as const, flagged_by: [x.rule_id] })),
    ...orders.filter((order) => order.bucket === "defaulted").map((order) => ({ ...order, flagged_by: [] })),
  ]
  return { orders, ruleOrders, daily }
}

async function loadAdded(db: FiguresDb, period: FiguresPeriod): Promise<ListEntryAddedRow[]> {
  const { rows } = await db.raw(ADDED_SQL, [period.from, period.to])
  return rows.map((row) => ({ created_at: period.from, source: row.source as NegativeListSource, count: num(row.n) }))
}

/**
 * The overview of a period in one currency: four statements that group in the database (carts,
 * orders, orders with an aftermath, list entries added), then the engine's functions on the
 * groups (each counts a group `count` times).
 */
export async function loadAnalytics(container: MedusaContainer, period: FiguresPeriod): Promise<AnalyticsAnswer> {
  const db = figuresDb(container)
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const [carts, orders, added, rules] = await Promise.all([
    loadCarts(db, period),
    loadOrders(db, period),
    loadAdded(db, period),
    service.readConfig().then((config) => config.rules()),
  ])
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString(), currency_code: period.currency_code },
    carts: { ...cartFigures(carts.carts), by_cause: restrictionsByCause(carts.byCause) },
    by_class: classFigures(orders.orders),
    by_provider: providerFigures(orders.orders),
    credit: creditFigures(carts.credit, orders.orders),
    rules: ruleFigures(carts.forRules, orders.ruleOrders, rules.map((rule) => ({ id: rule.id, name: rule.name }))),
    negative_list: negativeListFigures(carts.listHits, added),
    daily: dailySeries(period, [...carts.daily, ...orders.daily]),
    abandonment: carts.abandonment,
  }
}
