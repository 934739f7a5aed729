import { MedusaContainer } from "@medusajs/framework/types"
import {
  CartEvaluationRow,
  cartFigures,
  classFigures,
  ClassFigures,
  creditFigures,
  dailySeries,
  DailyEntry,
  DEFAULT_TIME_ZONE,
  DailyFigures,
  ListEntryAddedRow,
  measuredAbandonmentRate,
  negativeListFigures,
  NegativeListKind,
  NegativeListSource,
  OrderFigureRow,
  PaymentClass,
  providerFigures,
  quarterHoursFitDays,
  splitIntoQuarterHours,
  ProviderFigures,
  restrictionsByCause,
  ruleFigures,
  RuleFigures,
  AnalyticsResponse,
} from "../../engine"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { CART_PREPAYMENT_SAMPLE } from "../../modules/payment-risk/repositories/figures"
import { figuresDb, FiguresDb, FiguresPeriod, groupingRaw, list, num } from "./figures-db"
import { loadOrdersWithAftermath } from "./order-aftermath"

/** `GET /admin/payment-risk/analytics` (issue 17; the contract in README → Figures). */
export type AnalyticsAnswer = {
  period: { from: string; to: string; currency_code: string; time_zone: string }
  carts: AnalyticsResponse["carts"] & { by_cause: ReturnType<typeof restrictionsByCause> }
  by_class: ClassFigures[]
  by_provider: ProviderFigures[]
  credit: AnalyticsResponse["credit"]
  rules: RuleFigures[]
  negative_list: AnalyticsResponse["negative_list"]
  daily: DailyFigures[]
  abandonment: { measured_rate: number | null; carts: number }
  /** cart evaluations of the period's days not recorded (the database was busy): the cart figures may be that much low */
  recording: { evaluations_lost: number }
}

/**
 * Per cart (an aggregate over its rows): the cart is a sample of the measured abandonment — its
 * latest row left it with prepayment alone (restricted, only prepayment offered), or it was paid
 * by prepayment after such a row. Kept per cart in payment_risk_cart_figure.prepayment_sample.
 */
export const PREPAYMENT_SAMPLE = CART_PREPAYMENT_SAMPLE

/**
 * The period's evaluated carts, one summary row per cart (payment_risk_cart_figure, kept with the
 * cart's evaluation rows): a cart counts in the period of its first evaluation, in that
 * evaluation's currency, with all its rows (bindings: from, to, currency).
 */
export const PERIOD_CART_FIGURES = `deleted_at is null and first_evaluated_at >= ? and first_evaluated_at < ? and currency_code = ?`

/**
 * The evaluated carts of the period counted per (restricted, completed, sample, day): restricted
 * when any of its rows is, completed when its order was placed, its day the day of its first
 * evaluation in the merchant's time zone. `sample`: a cart of the measured abandonment
 * (PREPAYMENT_SAMPLE). A cart is its `cart_id` (a row whose cart id was removed is a cart of its
 * own; an erased cart one token).
 */
const CARTS_SQL = `
select restricted, done, sample, to_char(day, 'YYYY-MM-DD') as date, n
  from (select restricted, completed as done, prepayment_sample as sample, (first_evaluated_at at time zone ?)::date as day, count(*)::int as n
          from payment_risk_cart_figure
         where ${PERIOD_CART_FIGURES}
         group by 1, 2, 3, 4) days`

/**
 * The parts that need only the carts something happened on (restricted, a rule held, a credit
 * check, a list match — a fraction of the period's carts), grouped first by what they hold (a
 * few hundred kinds of cart at most: the same causes, rules and matches), then read once into a
 * small set:
 * - `causes`: per cause of a restricted row, the carts and the completed ones, and the carts
 *   where the cause is a rule that held on the same row (a rule id, even of a deleted rule);
 * - `held`: per rule, the carts it held on;
 * - `credit`: the paid queries and their cost (each row adds up its evaluations' paid queries:
 *   `credit_queries`, `credit_cost`), the rows answered from the cache and the failed ones;
 * - `credit_restricted`: the carts a credit check restricted, per hidden classes (its latest such row);
 * - `list_hits`: per (kind, source) of the list matches, the carts.
 */
const MARKED_SQL = `
with r as materialized (
  select completed as done, restricted, causes, causes_held, rules_held, credit_ran, credit_hidden_classes, list_hits, count(*)::int as n,
         sum(credit_queries) as credit_queries, sum(credit_cost) as credit_cost, sum(credit_cached) as credit_cached,
         sum(credit_failed) as credit_failed, sum(credit_total) as credit_total
    from payment_risk_cart_figure
   where ${PERIOD_CART_FIGURES}
     and (restricted or credit_ran or cardinality(rules_held) > 0 or list_hits is not null)
   group by 1, 2, 3, 4, 5, 6, 7, 8
)
select
  (select json_agg(c) from (
     select cause, sum(n)::int as n, coalesce(sum(n) filter (where done), 0)::int as completed, coalesce(sum(n) filter (where held), 0)::int as held
       from (select c as cause, r.n, r.done, c = any(r.causes_held) as held
               from r cross join lateral unnest(r.causes) c where r.restricted) x
      group by 1) c) as causes,
  (select json_agg(h) from (
     select h as rule_id, sum(n)::int as n
       from r cross join lateral unnest(r.rules_held) h where cardinality(r.rules_held) > 0
      group by 1) h) as held,
  (select json_build_object('queries', coalesce(sum(credit_queries), 0), 'cost', coalesce(sum(credit_cost), 0)::text,
                            'cache_hits', coalesce(sum(credit_cached), 0), 'failures', coalesce(sum(credit_failed), 0))
     from r where credit_ran) as credit,
  (select json_agg(e) from (
     select credit_hidden_classes as hidden_classes, sum(n)::int as n, sum(credit_total)::text as total
       from r where credit_hidden_classes is not null
      group by 1) e) as credit_restricted,
  (select json_agg(m) from (
     select x->>'kind' as kind, x->>'source' as source, sum(r.n)::int as n
       from r cross join lateral jsonb_array_elements(r.list_hits) x
      where jsonb_typeof(r.list_hits) = 'array'
      group by 1, 2) m) as list_hits`

/**
 * The placed orders of a period per (class, provider, day in the merchant's time zone) and the
 * orders each rule flagged: its whole quarter hours from the rollup the database keeps
 * (payment_risk_order_rollup, payment_risk_order_flag_rollup; a few rows per quarter hour
 * instead of one per order), the minutes before the first and after the last quarter hour from
 * the order figures themselves (`orderSpans`). Bindings: the time zone (orders only), the
 * rollup's (currency, span), the time zone again (orders only), the edges' (currency, 2 spans).
 */
const EDGE_ORDERS = `deleted_at is null and currency_code = ? and ((placed_at >= ? and placed_at < ?) or (placed_at >= ? and placed_at < ?))`

const ORDERS_SQL = `
select payment_class, provider_id, to_char(day, 'YYYY-MM-DD') as date, sum(n)::int as n, sum(amount)::text as amount
  from (select nullif(payment_class, '') as payment_class, nullif(provider_id, '') as provider_id, (bucket at time zone ?)::date as day, orders as n, amount
          from payment_risk_order_rollup
         where currency_code = ? and bucket >= ? and bucket < ?
        union all
        select nullif(payment_class, ''), nullif(provider_id, ''), (placed_at at time zone ?)::date, 1, amount
          from payment_risk_order_figure
         where ${EDGE_ORDERS}) x
 group by 1, 2, 3`

const FLAGGED_SQL = `
select rule_id, sum(n)::int as n
  from (select rule_id, orders as n
          from payment_risk_order_flag_rollup
         where currency_code = ? and bucket >= ? and bucket < ?
        union all
        select flagged.rule_id, 1
          from payment_risk_order_figure cross join lateral unnest(flagged_by) as flagged(rule_id)
         where ${EDGE_ORDERS} and cardinality(flagged_by) > 0 and flagged.rule_id is not null) x
 group by 1
having sum(n) > 0`

/**
 * The bindings of a period's orders for ORDERS_SQL and FLAGGED_SQL: the rollup for its whole
 * quarter hours where each lies in one day of the time zone (else none: the period is read row
 * by row), the rest as up to two edge spans (an unused one is empty).
 */
function orderSpans(period: FiguresPeriod, timeZone: string): { rollup: unknown[]; edges: unknown[] } {
  const split = quarterHoursFitDays(period, timeZone) ? splitIntoQuarterHours(period) : { inner: null, edges: [{ from: period.from, to: period.to }] }
  const none = { from: period.from, to: period.from }
  const inner = split.inner ?? none
  const [first = none, second = none] = split.edges
  return { rollup: [period.currency_code, inner.from, inner.to], edges: [period.currency_code, first.from, first.to, second.from, second.to] }
}

const ADDED_SQL = `
select source, count(*)::int as n from payment_risk_negative_list_entry
 where deleted_at is null and created_at >= ? and created_at < ? group by 1`

type CartGroup = { restricted: boolean; done: boolean; sample: boolean; date: string; n: number }
type CauseGroup = { cause: string; n: number; completed: number; held: number }
type HeldGroup = { rule_id: string; n: number }
type EstimateGroup = { hidden_classes: PaymentClass[]; n: number; total: string }
type ListHit = { kind: NegativeListKind; source: NegativeListSource | null; n: number }
type OrderGroup = { payment_class: PaymentClass | null; provider_id: string | null; date: string; n: number; amount: string }

/** A period and the time zone its days are counted in. */
export type AnalyticsPeriod = FiguresPeriod & { time_zone?: string }

const NO_CREDIT = { ran: false, cost: 0, cached: false, failed: false }
const baseRow = (period: FiguresPeriod) => ({ evaluated_at: period.from, currency_code: period.currency_code, total: 0, credit: NO_CREDIT, completed: false, restricted: false, causes: [] as string[] })

/** Carts per (restricted, completed, day), and the measured abandonment (carts left with prepayment alone). */
async function loadCarts(db: FiguresDb, period: FiguresPeriod, timeZone: string) {
  const { rows } = await groupingRaw(db, CARTS_SQL, [timeZone, period.from, period.to, period.currency_code])
  const groups: CartGroup[] = rows.map((row) => ({ restricted: row.restricted === true, done: row.done === true, sample: row.sample === true, date: String(row.date), n: num(row.n) }))
  const base = baseRow(period)
  const daily: DailyEntry[] = groups.map((g) => ({
    date: g.date,
    evaluated: g.n,
    restricted: g.restricted ? g.n : 0,
    completed_after_restriction: g.restricted && g.done ? g.n : 0,
  }))
  const samples = groups.filter((g) => g.sample)
  const measuredCarts = samples.reduce((sum, g) => sum + g.n, 0)
  const completed = samples.filter((g) => g.done).reduce((sum, g) => sum + g.n, 0)
  const measured = measuredAbandonmentRate([
    { count: completed, restricted: true, completed: true },
    { count: measuredCarts - completed, restricted: true, completed: false },
  ])
  return {
    carts: groups.map((g) => ({ ...base, restricted: g.restricted, completed: g.done, count: g.n })),
    daily,
    abandonment: { measured_rate: measured ? measured.rate : null, carts: measuredCarts },
  }
}

/** The parts read from the rows something happened on, each in the shape its engine function reads. */
async function loadMarked(db: FiguresDb, period: FiguresPeriod) {
  const { rows } = await groupingRaw(db, MARKED_SQL, [period.from, period.to, period.currency_code])
  const row = rows[0] ?? {}
  const base = baseRow(period)
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
  // the carts a credit check restricted, for the losses avoided (creditFigures); the spend is counted in SQL
  const creditRestricted: CartEvaluationRow[] = list<EstimateGroup>(row.credit_restricted).map((g) => ({
    ...base,
    count: g.n,
    total: num(g.total),
    restricted: true,
    causes: ["credit_check"],
    hidden_classes: g.hidden_classes,
  }))
  const spend = (row.credit ?? {}) as { queries?: unknown; cost?: unknown; cache_hits?: unknown; failures?: unknown }
  const credit = { queries: num(spend.queries), cost: Math.round(num(spend.cost) * 100) / 100, cache_hits: num(spend.cache_hits), failures: num(spend.failures) }
  const listHits: CartEvaluationRow[] = list<ListHit>(row.list_hits).map((h) => ({ ...base, count: h.n, list_matches: [{ kind: h.kind, source: h.source ?? null }] }))
  return { byCause, forRules, creditRestricted, credit, listHits }
}

async function loadOrders(db: FiguresDb, period: FiguresPeriod, timeZone: string) {
  const spans = orderSpans(period, timeZone)
  const [{ rows: groupRows }, { rows: flaggedRows }, aftermath] = await Promise.all([
    db.raw(ORDERS_SQL, [timeZone, ...spans.rollup, timeZone, ...spans.edges]),
    db.raw(FLAGGED_SQL, [...spans.rollup, ...spans.edges]),
    loadOrdersWithAftermath(db, period, timeZone),
  ])
  const groups: OrderGroup[] = groupRows.map((row) => ({
    payment_class: (row.payment_class as PaymentClass | null) ?? null,
    provider_id: (row.provider_id as string | null) ?? null,
    date: String(row.date),
    n: num(row.n),
    amount: String(row.amount ?? "0"),
  }))
  // the orders with an aftermath one by one; the rest of each (class, provider) group as one row
  const rest = new Map<string, { count: number; cents: number }>()
  const keyOf = (cls: string | null, provider: string | null) => JSON.stringify([cls, provider])
  for (const g of groups) {
    const key = keyOf(g.payment_class, g.provider_id)
    const group = rest.get(key) ?? { count: 0, cents: 0 }
    group.count += g.n
    group.cents += Math.round(num(g.amount) * 100)
    rest.set(key, group)
  }
  // rows of one shape, every field written in the same order (not spread from a base object: a
  // spread followed by more fields made each of the 10,000 rows a slow dictionary object, and
  // building and reading them took ~75 ms of the overview)
  const row = (order: Partial<OrderFigureRow> & Pick<OrderFigureRow, "amount" | "payment_class" | "bucket">): OrderFigureRow => ({
    count: order.count ?? 1,
    order_id: order.order_id ?? "",
    placed_at: order.placed_at ?? period.from,
    currency_code: period.currency_code,
    amount: order.amount,
    payment_class: order.payment_class,
    provider_id: order.provider_id ?? null,
    bucket: order.bucket,
    lost: order.lost ?? 0,
    recovered: order.recovered ?? 0,
    returned: order.returned ?? false,
    charged_back: order.charged_back ?? false,
    refused: order.refused ?? false,
    written_off: order.written_off ?? false,
    rules_held: order.rules_held ?? [],
    flagged_by: order.flagged_by ?? [],
  })
  const orders: OrderFigureRow[] = []
  const daily: DailyEntry[] = groups.map((g) => ({ date: g.date, orders: g.n, amount: num(g.amount) }))
  for (const order of aftermath) {
    const key = keyOf(order.payment_class, order.provider_id)
    const group = rest.get(key)
    if (group) {
      group.count -= 1
      group.cents -= Math.round(order.amount * 100)
    }
    const { bucket, lost, recovered, returned, charged_back, refused, written_off } = order.aftermath
    orders.push(
      row({
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
    )
    if (bucket === "defaulted") daily.push({ date: order.placed_day, defaulted: 1 })
  }
  for (const [key, group] of rest) {
    if (group.count <= 0) continue
    const [cls, provider] = JSON.parse(key) as [PaymentClass | null, string | null]
    orders.push(row({ count: group.count, amount: group.cents / 100, payment_class: cls as PaymentClass, provider_id: provider, bucket: "paid_fine" }))
  }
  // per rule: the orders it flagged (all orders) and the defaulted ones it held on
  const ruleOrders: OrderFigureRow[] = [
    ...flaggedRows.map((x) => row({ count: num(x.n), amount: 0, payment_class: "prepayment", bucket: "paid_fine", flagged_by: [String(x.rule_id)] })),
    ...orders.filter((order) => order.bucket === "defaulted").map((order) => ({ ...order, flagged_by: [] })),
  ]
  return { orders, ruleOrders, daily }
}

/** The evaluations lost on the UTC days overlapping the period (bindings: currency, from, to). */
const LOST_SQL = `
select coalesce(sum(evaluations_lost), 0)::int as n from payment_risk_figure_gap
 where deleted_at is null and currency_code = ? and day > ?::timestamptz - interval '24 hours' and day < ?`

async function loadLost(db: FiguresDb, period: FiguresPeriod): Promise<number> {
  const { rows } = await db.raw(LOST_SQL, [period.currency_code, period.from, period.to])
  return num(rows[0]?.n)
}

async function loadAdded(db: FiguresDb, period: FiguresPeriod): Promise<ListEntryAddedRow[]> {
  const { rows } = await db.raw(ADDED_SQL, [period.from, period.to])
  return rows.map((row) => ({ created_at: period.from, source: row.source as NegativeListSource, count: num(row.n) }))
}

/**
 * The overview of a period in one currency: statements that group in the database, run side by
 * side on the pool's connections (carts per cart; the rows something happened on; orders per
 * class, provider and day; flagged orders; orders with an aftermath; list entries added), then
 * the engine's functions on the groups (each counts a group `count` times). Days are calendar
 * days in `time_zone` (default UTC).
 */
export async function loadAnalytics(container: MedusaContainer, period: AnalyticsPeriod): Promise<AnalyticsAnswer> {
  const db = figuresDb(container)
  const timeZone = period.time_zone ?? DEFAULT_TIME_ZONE
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const [carts, marked, orders, added, lost, rules] = await Promise.all([
    loadCarts(db, period, timeZone),
    loadMarked(db, period),
    loadOrders(db, period, timeZone),
    loadAdded(db, period),
    loadLost(db, period),
    service.readConfig().then((config) => config.rules()),
  ])
  return {
    period: { from: period.from.toISOString(), to: period.to.toISOString(), currency_code: period.currency_code, time_zone: timeZone },
    carts: { ...cartFigures(carts.carts), by_cause: restrictionsByCause(marked.byCause) },
    by_class: classFigures(orders.orders),
    by_provider: providerFigures(orders.orders),
    credit: { ...creditFigures(marked.creditRestricted, orders.orders), ...marked.credit },
    rules: ruleFigures(marked.forRules, orders.ruleOrders, rules.map((rule) => ({ id: rule.id, name: rule.name }))),
    negative_list: negativeListFigures(marked.listHits, added),
    daily: dailySeries(period, [...carts.daily, ...orders.daily], timeZone),
    abandonment: carts.abandonment,
    recording: { evaluations_lost: lost },
  }
}
