import { NEGATIVE_LIST_KINDS, NEGATIVE_LIST_SOURCES, NegativeListKind, NegativeListSource } from "../negative-list/types"
import { PAYMENT_CLASSES, PaymentClass } from "../types"
import type { CartEvaluationRow, FigurePeriod, ListEntryAddedRow, OrderFigureRow } from "./analytics-rows"
import { cents, fromCents } from "./money"

/** `GET /admin/payment-risk/analytics` (issue 17), computed from rows. */
export type AnalyticsResponse = {
  carts: { evaluated: number; restricted: number; completed_after_restriction: number; abandoned_after_restriction: number }
  by_class: ClassFigures[]
  credit: { queries: number; cost: number; cache_hits: number; failures: number; losses_avoided_estimate: number }
  rules: RuleFigures[]
  negative_list: {
    hits: { total: number; by_kind: Record<NegativeListKind, number>; by_source: Record<NegativeListSource | "unknown", number> }
    added_by_source: Record<NegativeListSource, number>
  }
}

/**
 * Per payment class (or provider): orders and amount; `defaulted` (bucket defaulted) and
 * `default_rate` = defaulted ÷ orders; `lost` = what defaulted orders did not bring back (their
 * amount minus the payments received for them); `recovered` = payments received after a default
 * or a dunning stage; and how many orders were `returned` (direct debit came back),
 * `charged_back` (not reversed), `refused` (cash on delivery), `written_off`, and `in_dunning`
 * (bucket paid late: a dunning stage reached, handed to collection, or overdue).
 */
export type ClassFigures = {
  class: PaymentClass
  orders: number
  amount: number
  defaulted: number
  default_rate: number
  lost: number
  recovered: number
  returned: number
  charged_back: number
  refused: number
  written_off: number
  in_dunning: number
}
export type RuleFigures = { rule_id: string; name: string | null; held: number; restricted: number; flagged: number; defaulted: number }

const time = (value: string | Date) => new Date(value).getTime()

/** How many carts, orders or entries a row stands for (rows grouped in SQL carry a count). */
const weight = (row: { count?: number }) => (row.count === undefined ? 1 : Math.max(0, row.count))

/** Whether a row's time and currency fall in the period (from inclusive, to exclusive; currency case-insensitive). */
export function inPeriod(at: string | Date, currency: string | null, period: FigurePeriod): boolean {
  if (period.from !== undefined && time(at) < time(period.from)) return false
  if (period.to !== undefined && time(at) >= time(period.to)) return false
  if (period.currency_code && currency !== null && currency.toLowerCase() !== period.currency_code.toLowerCase()) return false
  return true
}

/** default rate as a share, to four decimals (0.0714 = 7.14 %) */
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : 0)

export function cartFigures(carts: readonly CartEvaluationRow[]): AnalyticsResponse["carts"] {
  let evaluated = 0
  let restricted = 0
  let completed = 0
  for (const cart of carts) {
    const n = weight(cart)
    evaluated += n
    if (!cart.restricted) continue
    restricted += n
    if (cart.completed) completed += n
  }
  return { evaluated, restricted, completed_after_restriction: completed, abandoned_after_restriction: restricted - completed }
}

/** Per cause (a check or a rule id): carts it restricted, and how many of them were completed or abandoned. Sorted by restricted, then cause. */
export function restrictionsByCause(carts: readonly CartEvaluationRow[]): Array<{ cause: string; restricted: number; completed: number; abandoned: number }> {
  const by = new Map<string, { restricted: number; completed: number }>()
  for (const cart of carts) {
    if (!cart.restricted) continue
    const n = weight(cart)
    for (const cause of new Set(cart.causes)) {
      const entry = by.get(cause) ?? { restricted: 0, completed: 0 }
      entry.restricted += n
      if (cart.completed) entry.completed += n
      by.set(cause, entry)
    }
  }
  return [...by]
    .map(([cause, { restricted, completed }]) => ({ cause, restricted, completed, abandoned: restricted - completed }))
    .sort((a, b) => b.restricted - a.restricted || (a.cause < b.cause ? -1 : 1))
}

type Tallies = { orders: number; amount: number; defaulted: number; lost: number; recovered: number; returned: number; charged_back: number; refused: number; written_off: number; in_dunning: number }

/** Orders, amount, defaults, default rate (defaulted ÷ orders), lost, recovered and the kinds of default per key; keys in the given order, empty ones left out. */
function defaultsBy<K extends string>(orders: readonly OrderFigureRow[], keyOf: (order: OrderFigureRow) => K | null, keys: readonly K[]) {
  const by = new Map<K, Tallies>()
  for (const order of orders) {
    const key = keyOf(order)
    if (key === null) continue
    const n = weight(order)
    const entry = by.get(key) ?? { orders: 0, amount: 0, defaulted: 0, lost: 0, recovered: 0, returned: 0, charged_back: 0, refused: 0, written_off: 0, in_dunning: 0 }
    entry.orders += n
    entry.amount += cents(order.amount)
    if (order.bucket === "defaulted") entry.defaulted += n
    if (order.bucket === "paid_late") entry.in_dunning += n
    if (order.returned) entry.returned += n
    if (order.charged_back) entry.charged_back += n
    if (order.refused) entry.refused += n
    if (order.written_off) entry.written_off += n
    entry.lost += cents(order.lost ?? 0)
    entry.recovered += cents(order.recovered ?? 0)
    by.set(key, entry)
  }
  return keys
    .filter((key) => by.has(key) && by.get(key)!.orders > 0)
    .map((key) => {
      const e = by.get(key)!
      return {
        key,
        orders: e.orders,
        amount: fromCents(e.amount),
        defaulted: e.defaulted,
        default_rate: rate(e.defaulted, e.orders),
        lost: fromCents(e.lost),
        recovered: fromCents(e.recovered),
        returned: e.returned,
        charged_back: e.charged_back,
        refused: e.refused,
        written_off: e.written_off,
        in_dunning: e.in_dunning,
      }
    })
}

export function classFigures(orders: readonly OrderFigureRow[]): ClassFigures[] {
  return defaultsBy(orders, (order) => order.payment_class, PAYMENT_CLASSES).map(({ key, ...figures }) => ({ class: key, ...figures }))
}

/** The same figures per payment provider (the overview's provider table), providers sorted by id. */
export type ProviderFigures = Pick<ClassFigures, "orders" | "amount" | "defaulted" | "default_rate" | "lost" | "recovered"> & {
  provider_id: string
  /** the class the provider's orders were paid with (the first in class order when it changed) */
  payment_class: PaymentClass | null
}

export function providerFigures(orders: readonly OrderFigureRow[]): ProviderFigures[] {
  const ids = [...new Set(orders.map((order) => order.provider_id).filter((id): id is string => !!id))].sort()
  const classes = new Map<string, Set<PaymentClass>>()
  for (const order of orders) {
    if (!order.provider_id || !order.payment_class) continue
    const set = classes.get(order.provider_id) ?? new Set<PaymentClass>()
    set.add(order.payment_class)
    classes.set(order.provider_id, set)
  }
  return defaultsBy(orders, (order) => order.provider_id ?? null, ids).map(({ key, orders: count, amount, defaulted, default_rate, lost, recovered }) => ({
    provider_id: key,
    payment_class: PAYMENT_CLASSES.find((c) => classes.get(key)?.has(c)) ?? null,
    orders: count,
    amount,
    defaulted,
    default_rate,
    lost,
    recovered,
  }))
}

/**
 * Credit checks: `queries` = bureau asked (not from the cache), `cache_hits`, `failures`, `cost`
 * as recorded. The losses they avoided are an **estimate**:
 *
 *   losses_avoided_estimate = Σ over carts the credit check restricted of
 *                             cart total × default rate of the classes it hid
 *
 * where the default rate of a set of classes is their defaulted orders ÷ their orders in the same
 * period (pooled). It assumes a restricted shopper would have paid with a hidden class and
 * defaulted as often as that class's shoppers did; carts without recorded hidden classes add nothing.
 */
export function creditFigures(carts: readonly CartEvaluationRow[], orders: readonly OrderFigureRow[]): AnalyticsResponse["credit"] {
  const byClass = new Map(classFigures(orders).map((figures) => [figures.class, figures]))
  let queries = 0
  let cacheHits = 0
  let failures = 0
  let cost = 0
  let avoided = 0
  for (const cart of carts) {
    const n = weight(cart)
    if (cart.credit.ran) {
      if (cart.credit.cached) cacheHits += n
      else queries += n
      if (cart.credit.failed) failures += n
      cost += cents(cart.credit.cost)
    }
    if (!cart.restricted || !cart.causes.includes("credit_check") || !cart.hidden_classes?.length) continue
    const hidden = [...new Set(cart.hidden_classes)].map((c) => byClass.get(c)).filter((f): f is ClassFigures => !!f)
    const hiddenOrders = hidden.reduce((sum, f) => sum + f.orders, 0)
    const hiddenDefaults = hidden.reduce((sum, f) => sum + f.defaulted, 0)
    if (hiddenOrders > 0) avoided += cart.total * (hiddenDefaults / hiddenOrders)
  }
  return { queries, cost: fromCents(cost), cache_hits: cacheHits, failures, losses_avoided_estimate: fromCents(cents(avoided)) }
}

/**
 * Per rule: carts it held on, carts it restricted (its actions hid something), orders it flagged
 * for review, and orders it held on that defaulted (it saw the risk, the order went through
 * anyway — with a method it left, or only points). Rules in the given order (the rules table's),
 * then rules no longer defined (name null) by id.
 */
export function ruleFigures(carts: readonly CartEvaluationRow[], orders: readonly OrderFigureRow[], rules: ReadonlyArray<{ id: string; name: string }>): RuleFigures[] {
  const by = new Map<string, RuleFigures>()
  const entry = (id: string) => {
    let figures = by.get(id)
    if (!figures) by.set(id, (figures = { rule_id: id, name: null, held: 0, restricted: 0, flagged: 0, defaulted: 0 }))
    return figures
  }
  for (const rule of rules) entry(rule.id).name = rule.name
  const known = new Set(rules.map((rule) => rule.id))
  for (const cart of carts) {
    const n = weight(cart)
    if (!n) continue
    for (const id of new Set(cart.rules_held ?? [])) entry(id).held += n
    // causes mix check ids and rule ids: a rule id is a known rule's or one that held on the cart
    if (cart.restricted) for (const id of new Set(cart.causes)) if (known.has(id) || cart.rules_held?.includes(id)) entry(id).restricted += n
  }
  for (const order of orders) {
    const n = weight(order)
    if (!n) continue
    for (const id of new Set(order.flagged_by ?? [])) entry(id).flagged += n
    if (order.bucket === "defaulted") for (const id of new Set(order.rules_held ?? [])) entry(id).defaulted += n
  }
  const unknown = [...by.keys()].filter((id) => !known.has(id)).sort()
  return [...rules.map((rule) => by.get(rule.id)!), ...unknown.map((id) => by.get(id)!)]
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>

export function negativeListFigures(carts: readonly CartEvaluationRow[], added: readonly ListEntryAddedRow[]): AnalyticsResponse["negative_list"] {
  const byKind = zeros(NEGATIVE_LIST_KINDS)
  const bySource = zeros([...NEGATIVE_LIST_SOURCES, "unknown" as const])
  let total = 0
  for (const cart of carts) {
    const n = weight(cart)
    for (const match of cart.list_matches ?? []) {
      if (!(match.kind in byKind)) continue
      total += n
      byKind[match.kind] += n
      bySource[match.source && match.source in bySource ? match.source : "unknown"] += n
    }
  }
  const addedBySource = zeros(NEGATIVE_LIST_SOURCES)
  for (const entry of added) if (entry.source in addedBySource) addedBySource[entry.source] += weight(entry)
  return { hits: { total, by_kind: byKind, by_source: bySource }, added_by_source: addedBySource }
}

/**
 * The overview for a period and currency: the rows outside it are left out (carts by evaluation
 * time, orders by placement, entries by creation; from inclusive, to exclusive), then each part
 * is computed as documented on its function.
 */
export function analyticsOf(
  rows: { carts: readonly CartEvaluationRow[]; orders: readonly OrderFigureRow[]; list_entries_added: readonly ListEntryAddedRow[]; rules: ReadonlyArray<{ id: string; name: string }> },
  period: FigurePeriod = {}
): AnalyticsResponse {
  const carts = rows.carts.filter((cart) => inPeriod(cart.evaluated_at, cart.currency_code, period))
  const orders = rows.orders.filter((order) => inPeriod(order.placed_at, order.currency_code, period))
  const added = rows.list_entries_added.filter((entry) => inPeriod(entry.created_at, null, period))
  return {
    carts: cartFigures(carts),
    by_class: classFigures(orders),
    credit: creditFigures(carts, orders),
    rules: ruleFigures(carts, orders, rows.rules),
    negative_list: negativeListFigures(carts, added),
  }
}
