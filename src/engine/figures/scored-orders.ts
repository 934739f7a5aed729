import type { BacktestOrder } from "./backtest"
import type { ScoredOrder } from "./cost"
import { isReplayable, replayScore, ReplayConfig } from "./replay"

/**
 * The threshold simulator's input from past orders: each replayable order scored by the rules
 * of `config` (the score does not depend on the thresholds being simulated), defaulted when its
 * bucket is `defaulted`, and `credit_checked` when a bureau was paid for its answer then (an
 * answer from the cache cost nothing): the order figure's own flag where given, else the stored
 * input's credit answer. Orders not replayable are left out. Only placed orders
 * can be scored: carts abandoned after a restriction never became orders, so what lowering a
 * threshold would win back from them is not in the curve.
 */
export function scoredOrdersOf(orders: readonly BacktestOrder[], config: ReplayConfig): ScoredOrder[] {
  const scored: ScoredOrder[] = []
  for (const order of orders) {
    if (!isReplayable(order.replayable)) continue
    const credit = order.replayable.credit
    scored.push({
      score: replayScore(order.replayable, config),
      amount: order.amount,
      defaulted: order.outcome === "defaulted",
      credit_checked: order.credit_checked ?? (credit?.status === "answered" && !credit.cached),
    })
  }
  return scored
}
