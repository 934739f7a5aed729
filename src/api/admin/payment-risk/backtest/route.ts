import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { RiskRule } from "../../../../engine"
import { DEFAULT_SAMPLE_SIZE } from "../../../../engine/figures/backtest"
import { ReplayRunError } from "../../../../risk/figures/replay-guard"
import { runBacktest } from "../../../../risk/figures/run-backtest"
import { AdminBacktestType } from "./validators"

type DraftRule = NonNullable<AdminBacktestType["rules"]>[number]

/** A validated rule draft as the engine evaluates it (ids `draft_1`, `draft_2`, … in the order given). */
const toDraftRule = (rule: DraftRule, index: number): RiskRule => ({
  id: `draft_${index + 1}`,
  name: rule.name,
  description: rule.description ?? null,
  priority: rule.priority,
  enabled: rule.enabled,
  valid_from: rule.valid_from ?? null,
  valid_until: rule.valid_until ?? null,
  // the validator ran the engine's validateRule on both
  conditions: rule.conditions as RiskRule["conditions"],
  actions: rule.actions as RiskRule["actions"],
})

/**
 * A draft rule set and/or rule settings tried on the orders placed in a period: what the draft
 * would have stopped, by what really happened (defaulted, paid late, refunded, paid fine), the
 * orders today's rules stop that the draft lets through (overrides), samples, and the orders
 * that cannot be replayed (README → Figures → Backtesting).
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminBacktestType>, res: MedusaResponse) => {
  const { from, to, currency_code, rules, settings, sample_size } = req.validatedBody
  let result: Awaited<ReturnType<typeof runBacktest>>
  try {
    result = await runBacktest(
      req.scope,
      { from, to, currency_code },
      { ...(rules ? { rules: rules.map(toDraftRule) } : {}), ...(settings?.rules ? { settings: { rules: settings.rules } } : {}) },
      sample_size ?? DEFAULT_SAMPLE_SIZE
    )
  } catch (error) {
    if (error instanceof ReplayRunError) return void res.status(error.status).json({ type: error.code, message: error.message })
    throw error
  }
  res.json({
    orders: result.orders,
    replayable: result.replayable,
    not_replayable: result.not_replayable,
    buckets: result.buckets,
    overrides: result.overrides,
    samples: result.samples,
    inexact: result.inexact,
  })
}
