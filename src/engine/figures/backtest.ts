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
  /** a paid credit-check query was made for the order (its figure's `credit_checked`); when absent, read from the stored input */
  credit_checked?: boolean
}

export type BacktestResult = {
  orders: number
  replayable: number
  buckets: Record<OutcomeBucket, CountAmount>
  overrides: CountAmount
  samples: string[]
  /** attributes the draft's replays could not reproduce exactly, sorted */
  inexact: string[]
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

/** A stopped order as the samples need it (the stored input is not kept). */
type Stopped = Pick<BacktestOrder, "order_id" | "amount" | "outcome">

const rank = (bucket: OutcomeBucket) => OUTCOME_BUCKETS.indexOf(bucket)
/** worst first: bucket order, then the largest amount, then the order id */
const worstFirst = (a: Stopped, b: Stopped) =>
  rank(a.outcome) - rank(b.outcome) || b.amount - a.amount || (a.order_id < b.order_id ? -1 : a.order_id > b.order_id ? 1 : 0)

/**
 * The backtest as an accumulator: orders are added a batch at a time (a store's 100,000 stored
 * inputs need not be held at once) and `result()` gives what `backtest` gives for all of them.
 * Only the best `sample_size` stopped orders are kept for the samples; `inexact` collects the
 * attributes the draft's replays could not reproduce exactly.
 */
export class BacktestTally {
  private readonly buckets = Object.fromEntries(OUTCOME_BUCKETS.map((bucket) => [bucket, new Tally()])) as Record<OutcomeBucket, Tally>
  private readonly overrides = new Tally()
  private readonly inexact = new Set<string>()
  private stopped: Stopped[] = []
  private orders = 0
  private replayable = 0
  private readonly currency: string | undefined
  private readonly currencies = new Set<string>()
  private readonly sampleSize: number

  constructor(private readonly draft: ReplayConfig, private readonly current: ReplayConfig, options: BacktestOptions = {}) {
    this.currency = options.currency_code?.toLowerCase()
    this.sampleSize = Math.max(0, options.sample_size ?? DEFAULT_SAMPLE_SIZE)
  }

  add(orders: readonly BacktestOrder[]): void {
    for (const order of orders) {
      const currency = order.currency_code.toLowerCase()
      if (this.currency && currency !== this.currency) continue
      this.currencies.add(currency)
      if (this.currencies.size > 1) throw new RangeError(`Amounts in ${[...this.currencies].sort().join(", ")} cannot be summed: give currency_code`)
      this.orders += 1
      if (!isReplayable(order.replayable)) continue
      this.replayable += 1
      const replayed = replayDecision(order.replayable, this.draft)
      replayed.inexact.forEach((attribute) => this.inexact.add(attribute))
      if (wouldStop(replayed, order.payment_class)) {
        this.buckets[order.outcome].add(order.amount)
        this.keepSample({ order_id: order.order_id, amount: order.amount, outcome: order.outcome })
      } else if (wouldStop(replayDecision(order.replayable, this.current), order.payment_class)) {
        // today's configuration is replayed only where it matters: orders the draft lets through
        this.overrides.add(order.amount)
      }
    }
  }

  private keepSample(order: Stopped): void {
    if (!this.sampleSize) return
    this.stopped.push(order)
    if (this.stopped.length > this.sampleSize * 4) this.stopped = this.stopped.sort(worstFirst).slice(0, this.sampleSize)
  }

  result(): BacktestResult {
    return {
      orders: this.orders,
      replayable: this.replayable,
      buckets: Object.fromEntries(OUTCOME_BUCKETS.map((bucket) => [bucket, this.buckets[bucket].read()])) as Record<OutcomeBucket, CountAmount>,
      overrides: this.overrides.read(),
      samples: [...this.stopped].sort(worstFirst).slice(0, this.sampleSize).map((order) => order.order_id),
      inexact: [...this.inexact].sort(),
    }
  }
}

/**
 * A draft rule set and/or settings tried on past orders (Radar-style rule simulation on the
 * merchant's own outcomes). For each replayable order both the draft and today's configuration
 * are replayed on its stored facts:
 * - `buckets`: the orders the draft would have stopped (restricted or flagged for review), by
 *   what really happened to them — defaulted, paid late, refunded, paid fine — with count and amount;
 * - `overrides`: the orders today's configuration stops that the draft lets through;
 * - `samples`: up to `sample_size` order ids the draft stops, worst first (bucket order, then the
 *   largest amount, then the order id), so the same history always gives the same samples;
 * - `inexact`: the attributes the draft's replays could not reproduce exactly (see `ReplayResult`).
 * Amounts are summed in one currency: `currency_code` picks it; orders in several currencies
 * without it are refused (RangeError), never added up.
 */
export function backtest(orders: readonly BacktestOrder[], draft: ReplayConfig, current: ReplayConfig, options: BacktestOptions = {}): BacktestResult {
  const tally = new BacktestTally(draft, current, options)
  tally.add(orders)
  return tally.result()
}
