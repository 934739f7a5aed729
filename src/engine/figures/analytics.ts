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

export type ClassFigures = { class: PaymentClass; orders: number; amount: number; defaulted: number; default_rate: number; lost: number; recovered: number }
export type RuleFigures = { rule_id: string; name: string | null; held: number; restricted: number; flagged: number; defaulted: number }

const time = (value: string | Date) => new Date(value).getTime()

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
  const restricted = carts.filter((cart) => cart.restricted)
  const completed = restricted.filter((cart) => cart.completed).length
  return { evaluated: carts.length, restricted: restricted.length, completed_after_restriction: completed, abandoned_after_restriction: restricted.length - completed }
}

/** Per cause (a check or a rule id): carts it restricted, and how many of them were completed or abandoned. Sorted by restricted, then cause. */
export function restrictionsByCause(carts: readonly CartEvaluationRow[]): Array<{ cause: string; restricted: number; completed: number; abandoned: number }> {
  const by = new Map<string, { restricted: number; completed: number }>()
  for (const cart of carts) {
    if (!cart.restricted) continue
    for (const cause of new Set(cart.causes)) {
      const entry = by.get(cause) ?? { restricted: 0, completed: 0 }
      entry.restricted += 1
      if (cart.completed) entry.completed += 1
      by.set(cause, entry)
    }
  }
  return [...by]
    .map(([cause, { restricted, completed }]) => ({ cause, restricted, completed, abandoned: restricted - completed }))
    .sort((a, b) => b.restricted - a.restricted || (a.cause < b.cause ? -1 : 1))
}

/** Orders, amount, defaults, default rate (defaulted ÷ orders), lost and recovered per key; keys in the given order, empty ones left out. */
function defaultsBy<K extends string>(orders: readonly OrderFigureRow[], keyOf: (order: OrderFigureRow) => K | null, keys: readonly K[]) {
  const by = new Map<K, { orders: number; amount: number; defaulted: number; lost: number; recovered: number }>()
  for (const order of orders) {
    const key = keyOf(order)
    if (key === null) continue
    const entry = by.get(key) ?? { orders: 0, amount: 0, defaulted: 0, lost: 0, recovered: 0 }
    entry.orders += 1
    entry.amount += cents(order.amount)
    if (order.bucket === "defaulted") entry.defaulted += 1
    entry.lost += cents(order.lost ?? 0)
    entry.recovered += cents(order.recovered ?? 0)
    by.set(key, entry)
  }
  return keys
    .filter((key) => by.has(key))
    .map((key) => {
      const e = by.get(key)!
      return { key, orders: e.orders, amount: fromCents(e.amount), defaulted: e.defaulted, default_rate: rate(e.defaulted, e.orders), lost: fromCents(e.lost), recovered: fromCents(e.recovered) }
    })
}

export function classFigures(orders: readonly OrderFigureRow[]): ClassFigures[] {
  return defaultsBy(orders, (order) => order.payment_class, PAYMENT_CLASSES).map(({ key, ...figures }) => ({ class: key, ...figures }))
}

/** The same figures per payment provider (the overview's provider table), providers sorted by id. */
export function providerFigures(orders: readonly OrderFigureRow[]): Array<Omit<ClassFigures, "class"> & { provider_id: string }> {
  const ids = [...new Set(orders.map((order) => order.provider_id).filter((id): id is string => !!id))].sort()
  return defaultsBy(orders, (order) => order.provider_id ?? null, ids).map(({ key, ...figures }) => ({ provider_id: key, ...figures }))
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
    if (cart.credit.ran) {
      if (cart.credit.cached) cacheHits += 1
      else queries += 1
      if (cart.credit.failed) failures += 1
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
    for (const id of new Set(cart.rules_held ?? [])) entry(id).held += 1
    // causes mix check ids and rule ids: a rule id is a known rule's or one that held on the cart
    if (cart.restricted) for (const id of new Set(cart.causes)) if (known.has(id) || cart.rules_held?.includes(id)) entry(id).restricted += 1
  }
  for (const order of orders) {
    for (const id of new Set(order.flagged_by ?? [])) entry(id).flagged += 1
    if (order.bucket === "defaulted") for (const id of new Set(order.rules_held ?? [])) entry(id).defaulted += 1
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
    for (const match of cart.list_matches ?? []) {
      total += 1
      byKind[match.kind] += 1
      bySource[match.source ?? "unknown"] += 1
    }
  }
  const addedBySource = zeros(NEGATIVE_LIST_SOURCES)
  for (const entry of added) addedBySource[entry.source] += 1
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
