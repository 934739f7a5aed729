import { assertCostParams, CostParams } from "./cost-params"
import { cents, CountAmount, fromCents } from "./money"

/** A past order with the risk score the rules give it (today's or a draft's) and what happened. */
export type ScoredOrder = {
  score: number
  /** order total, major units */
  amount: number
  /** the order defaulted (return debit, chargeback, refused parcel, written off) */
  defaulted: boolean
  /** what was lost when it defaulted (default: the whole amount, as Fig. 5-10 counts it) */
  lost?: number
  /** a paid credit-check query was made for it (a cache hit is not paid) */
  credit_checked?: boolean
}

export type CostBreakdown = {
  /** lost amounts plus cost per default, of the defaults let through */
  defaults: number
  /** paid credit-check queries of the orders let through */
  credit_checks: number
  /** gross margin of the good shoppers who leave when only prepayment is offered */
  lost_margin: number
  total: number
}

/**
 * Total cost at a prepayment-only threshold (seed 003 §5.2.2, Fig. 5-10 "cost minimum", extended
 * by the abandonment the guide warns of in Fig. 5-12). In plain words: an order whose score
 * reaches the threshold is offered prepayment only; below it, it is let through as it was.
 *
 *   cost = losses from defaults let through + cost of credit checks + lost margin
 *   losses from defaults let through = Σ over defaulted orders below the threshold of
 *                                      (amount lost + cost per default)
 *   cost of credit checks            = number of paid queries of orders below the threshold
 *                                      × credit-check cost (a cart offered prepayment only asks
 *                                      no bureau: nothing unsafe is left to protect, golden rule 2)
 *   lost margin                      = Σ over good (not defaulted) orders at or above the
 *                                      threshold of amount × abandonment rate × gross margin
 *
 * A bad shopper offered prepayment only costs nothing (pays first or leaves). Amounts are summed
 * in cents.
 */
export function costAt(threshold: number, orders: readonly ScoredOrder[], params: CostParams): CostBreakdown {
  assertCostParams(params)
  let defaults = 0
  let checks = 0
  let margin = 0
  for (const order of orders) {
    if (order.score >= threshold) {
      if (!order.defaulted) margin += order.amount * params.abandonment_rate * params.gross_margin
      continue
    }
    if (order.defaulted) defaults += cents((order.lost ?? order.amount) + params.cost_per_default)
    if (order.credit_checked) checks += 1
  }
  const parts = { defaults, credit_checks: cents(checks * params.credit_check_cost), lost_margin: cents(margin) }
  return {
    defaults: fromCents(parts.defaults),
    credit_checks: fromCents(parts.credit_checks),
    lost_margin: fromCents(parts.lost_margin),
    total: fromCents(parts.defaults + parts.credit_checks + parts.lost_margin),
  }
}

export type CurvePoint = {
  /** prepayment only from this score on */
  threshold: number
  /** orders offered prepayment only at this threshold, good and bad */
  restricted: { good: CountAmount; bad: CountAmount }
  /** orders let through, good and bad */
  let_through: { good: CountAmount; bad: CountAmount }
  cost: CostBreakdown
}

export type ThresholdCurve = {
  points: CurvePoint[]
  /** the point of lowest total cost; on a tie the highest threshold (the fewest shoppers restricted) */
  minimum: CurvePoint | null
  /** the point at the given prepayment threshold */
  prepayment: CurvePoint | null
  /** orders the given review threshold would hold (review_from ≤ score, below prepayment_from when given) */
  review: { threshold: number; good: CountAmount; bad: CountAmount } | null
}

const volume = (orders: readonly ScoredOrder[], keep: (order: ScoredOrder) => boolean) => {
  const good = { count: 0, cents: 0 }
  const bad = { count: 0, cents: 0 }
  for (const order of orders) {
    if (!keep(order)) continue
    const side = order.defaulted ? bad : good
    side.count += 1
    side.cents += cents(order.amount)
  }
  return { good: { count: good.count, amount: fromCents(good.cents) }, bad: { count: bad.count, amount: fromCents(bad.cents) } }
}

/**
 * The cost curve over the score range (Fig. 5-10): one point per distinct score, one above the
 * highest (nobody restricted) and one at each given threshold — the cost only changes at a
 * score, so no minimum lies between points. Each point gives the good and bad volume restricted
 * and let through, and the cost by `costAt`.
 */
export function thresholdCurve(
  orders: readonly ScoredOrder[],
  params: CostParams,
  current: { review_from?: number; prepayment_from?: number } = {}
): ThresholdCurve {
  assertCostParams(params)
  const scores = orders.map((order) => order.score)
  const thresholds = new Set<number>(scores)
  if (scores.length) thresholds.add(Math.max(...scores) + 1)
  if (current.prepayment_from !== undefined) thresholds.add(current.prepayment_from)
  const points: CurvePoint[] = [...thresholds]
    .sort((a, b) => a - b)
    .map((threshold) => {
      const restricted = volume(orders, (order) => order.score >= threshold)
      const let_through = volume(orders, (order) => order.score < threshold)
      return { threshold, restricted, let_through, cost: costAt(threshold, orders, params) }
    })
  const minimum = points.reduce<CurvePoint | null>((best, point) => (!best || point.cost.total <= best.cost.total ? point : best), null)
  const prepaymentFrom = current.prepayment_from
  const reviewFrom = current.review_from
  return {
    points,
    minimum,
    prepayment: prepaymentFrom === undefined ? null : points.find((point) => point.threshold === prepaymentFrom) ?? null,
    review:
      reviewFrom === undefined
        ? null
        : { threshold: reviewFrom, ...volume(orders, (order) => order.score >= reviewFrom && (prepaymentFrom === undefined || order.score < prepaymentFrom)) },
  }
}
