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
 *   lost margin                      = (Σ amounts of the good, not defaulted, orders at or
 *                                      above the threshold) × abandonment rate × gross margin
 *
 * A bad shopper offered prepayment only costs nothing (pays first or leaves). Amounts are summed
 * in cents.
 */
export function costAt(threshold: number, orders: readonly ScoredOrder[], params: CostParams): CostBreakdown {
  assertCostParams(params)
  let defaults = 0
  let checks = 0
  let restrictedGood = 0
  for (const order of orders) {
    if (order.score >= threshold) {
      if (!order.defaulted) restrictedGood += cents(order.amount)
      continue
    }
    if (order.defaulted) defaults += cents((order.lost ?? order.amount) + params.cost_per_default)
    if (order.credit_checked) checks += 1
  }
  return breakdown(defaults, checks, restrictedGood, params)
}

/** The parts in cents: lost margin = restricted good amount × abandonment rate × gross margin, rounded once. */
function breakdown(defaultCents: number, checks: number, restrictedGoodCents: number, params: CostParams): CostBreakdown {
  const creditCents = cents(checks * params.credit_check_cost)
  const marginCents = Math.round(restrictedGoodCents * params.abandonment_rate * params.gross_margin)
  return {
    defaults: fromCents(defaultCents),
    credit_checks: fromCents(creditCents),
    lost_margin: fromCents(marginCents),
    total: fromCents(defaultCents + creditCents + marginCents),
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

/** Orders of one score, summed (in cents): the curve is computed from these, not per order. */
type ScoreGroup = { score: number; good: number; goodCents: number; bad: number; badCents: number; lossCents: number; checks: number }

function groupByScore(orders: readonly ScoredOrder[], params: CostParams): ScoreGroup[] {
  const groups = new Map<number, ScoreGroup>()
  for (const order of orders) {
    let group = groups.get(order.score)
    if (!group) groups.set(order.score, (group = { score: order.score, good: 0, goodCents: 0, bad: 0, badCents: 0, lossCents: 0, checks: 0 }))
    if (order.defaulted) {
      group.bad += 1
      group.badCents += cents(order.amount)
      group.lossCents += cents((order.lost ?? order.amount) + params.cost_per_default)
    } else {
      group.good += 1
      group.goodCents += cents(order.amount)
    }
    if (order.credit_checked) group.checks += 1
  }
  return [...groups.values()].sort((a, b) => a.score - b.score)
}

function volume(groups: readonly ScoreGroup[]): { good: CountAmount; bad: CountAmount } {
  let good = 0, goodCents = 0, bad = 0, badCents = 0
  for (const group of groups) {
    good += group.good
    goodCents += group.goodCents
    bad += group.bad
    badCents += group.badCents
  }
  return { good: { count: good, amount: fromCents(goodCents) }, bad: { count: bad, amount: fromCents(badCents) } }
}

function pointAt(threshold: number, groups: readonly ScoreGroup[], params: CostParams): CurvePoint {
  const restricted = groups.filter((group) => group.score >= threshold)
  const through = groups.filter((group) => group.score < threshold)
  const sum = (list: readonly ScoreGroup[], pick: (group: ScoreGroup) => number) => list.reduce((total, group) => total + pick(group), 0)
  return {
    threshold,
    restricted: volume(restricted),
    let_through: volume(through),
    cost: breakdown(sum(through, (g) => g.lossCents), sum(through, (g) => g.checks), sum(restricted, (g) => g.goodCents), params),
  }
}

/**
 * The cost curve over the score range (Fig. 5-10): one point per distinct score, one above the
 * highest (nobody restricted) and one at each given threshold — the cost only changes at a
 * score, so no minimum lies between points. Each point gives the good and bad volume restricted
 * and let through, and the cost as `costAt` gives it (computed from per-score sums: 100,000
 * orders are summed once, not once per point).
 */
export function thresholdCurve(
  orders: readonly ScoredOrder[],
  params: CostParams,
  current: { review_from?: number; prepayment_from?: number } = {}
): ThresholdCurve {
  assertCostParams(params)
  const groups = groupByScore(orders, params)
  const thresholds = new Set<number>(groups.map((group) => group.score))
  if (groups.length) thresholds.add(groups[groups.length - 1].score + 1)
  if (current.prepayment_from !== undefined) thresholds.add(current.prepayment_from)
  const points: CurvePoint[] = [...thresholds].sort((a, b) => a - b).map((threshold) => pointAt(threshold, groups, params))
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
        : { threshold: reviewFrom, ...volume(groups.filter((g) => g.score >= reviewFrom && (prepaymentFrom === undefined || g.score < prepaymentFrom))) },
  }
}

/** `POST /admin/payment-risk/simulate-thresholds`: the curve with the inputs it was computed with (the admin reads this type too). */
export type SimulationAnswer = {
  orders: number
  replayable: number
  params: {
    margin: number
    cost_per_default: number
    cost_per_default_source: "request" | "default"
    abandonment_rate: number
    abandonment_source: "request" | "measured"
    credit_check_cost: number
  }
  points: CurvePoint[]
  minimum: CurvePoint | null
  current: CurvePoint | null
  review: ThresholdCurve["review"]
}
