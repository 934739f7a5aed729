import type { PaymentClass } from "../types"
import { Tally, CountAmount } from "./money"
import { OUTCOME_BUCKETS, OutcomeBucket } from "./outcome-bucket"
import { isReplayable, replayDecision, ReplayConfig, ReplayResult } from "./replay"

export type BacktestOrder = {
  order_id: string
  /** order total, major units */
  amount: number
  currency_code: string
  /** the stored input; null (or another version) = not replayable, counted but never guessed */
  replayable: unknown
  outcome: OutcomeBucket
  /** the class the order was paid with; when given, "restricted" means this class would be hidden */
  payment_class?: PaymentClass | null
}

export type BacktestResult = {
  orders: number
  replayable: number
  buckets: Record<OutcomeBucket, CountAmount>
  overrides: CountAmount
  samples: string[]
}

export type BacktestOptions = {
  sample_size?: number
  /** only orders in this currency are counted (case-insensitive); without it all orders must share one currency */
  currency_code?: string
}

export const DEFAULT_SAMPLE_SIZE = 10

/**
 * Whether a replayed decision would have stopped the order: its payment class hidden (any
 * class hidden when the class is not known), or the order held for review.
 */
export function wouldStop(result: ReplayResult, paymentClass?: PaymentClass | null): boolean {
  const restricted = paymentClass ? result.hidden_classes.includes(paymentClass) : result.restricted
  return restricted || result.review
}

/**
 * A draft rule set and/or settings tried on past orders (Radar-style rule simulation on the
 * merchant's own outcomes). For each replayable order both the draft and today's configuration
 * are replayed on its stored facts:
 * - `buckets`: the orders the draft would have stopped (restricted or flagged for review), by
 *   what really happened to them — defaulted, paid late, refunded, paid fine — with count and amount;
 * - `overrides`: the orders today's configuration stops that the draft lets through;
 * - `samples`: up to `sample_size` order ids the draft stops, worst first (bucket order, then the
 *   largest amount, then the order id), so the same history always gives the same samples.
 * Amounts are summed in one currency: `currency_code` picks it; orders in several currencies
 * without it are refused (RangeError), never added up.
 */
export function backtest(orders: readonly BacktestOrder[], draft: ReplayConfig, current: ReplayConfig, options: BacktestOptions = {}): BacktestResult {
  const buckets = Object.fromEntries(OUTCOME_BUCKETS.map((bucket) => [bucket, new Tally()])) as Record<OutcomeBucket, Tally>
  const overrides = new Tally()
  const stopped: BacktestOrder[] = []
  let replayable = 0
  const currency = options.currency_code?.toLowerCase()
  const counted = currency ? orders.filter((order) => order.currency_code.toLowerCase() === currency) : orders
  const currencies = new Set(counted.map((order) => order.currency_code.toLowerCase()))
  if (currencies.size > 1) throw new RangeError(`Amounts in ${[...currencies].sort().join(", ")} cannot be summed: give currency_code`)
  for (const order of counted) {
    if (!isReplayable(order.replayable)) continue
    replayable += 1
    if (wouldStop(replayDecision(order.replayable, draft), order.payment_class)) {
      buckets[order.outcome].add(order.amount)
      stopped.push(order)
    } else if (wouldStop(replayDecision(order.replayable, current), order.payment_class)) {
      // today's configuration is replayed only where it matters: orders the draft lets through
      overrides.add(order.amount)
    }
  }
  const rank = (bucket: OutcomeBucket) => OUTCOME_BUCKETS.indexOf(bucket)
  const samples = stopped
    .sort((a, b) => rank(a.outcome) - rank(b.outcome) || b.amount - a.amount || (a.order_id < b.order_id ? -1 : a.order_id > b.order_id ? 1 : 0))
    .slice(0, Math.max(0, options.sample_size ?? DEFAULT_SAMPLE_SIZE))
    .map((order) => order.order_id)
  return {
    orders: counted.length,
    replayable,
    buckets: Object.fromEntries(OUTCOME_BUCKETS.map((bucket) => [bucket, buckets[bucket].read()])) as Record<OutcomeBucket, CountAmount>,
    overrides: overrides.read(),
    samples,
  }
}
