import { MedusaContainer } from "@medusajs/framework/types"
import { BacktestResult, BacktestTally, ReplayConfig, RiskRule, RiskSettings, RuleSettings } from "../../engine"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { figuresDb, FiguresPeriod } from "./figures-db"
import { streamPeriodOrders } from "./period-orders"
import { exclusiveReplay } from "./replay-guard"

/** The rule settings a draft may change. */
export type RuleSettingsDraft = Partial<Pick<RuleSettings, "enabled" | "review_score" | "prepayment_score">>

/** A draft: rules (instead of today's) and/or rule settings changed on top of today's. */
export type BacktestDraft = { rules?: RiskRule[]; settings?: { rules?: RuleSettingsDraft } }

export type BacktestAnswer = BacktestResult & { not_replayable: number }

/** Today's rules and settings, and the draft's: its rules or today's, today's settings with its rule settings over them. */
export async function configsOf(container: MedusaContainer, draft: BacktestDraft): Promise<{ current: ReplayConfig; draft: ReplayConfig }> {
  const config = await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).readConfig()
  const [rules, settings] = await Promise.all([config.rules(), config.settings()])
  const draftSettings: RiskSettings = { ...settings, rules: { ...settings.rules, ...(draft.settings?.rules ?? {}) } }
  return { current: { rules, settings }, draft: { rules: draft.rules ?? rules, settings: draftSettings } }
}

/**
 * A draft tried on the orders placed in a period (issue 17, "backtesting"): each order's stored
 * input is replayed with the draft and, where the draft lets it through, with today's
 * configuration (the engine's `BacktestTally`), a batch at a time — as the process's only replay,
 * a slice at a time between the shoppers' requests, within the deadline (`exclusiveReplay`).
 */
export async function runBacktest(container: MedusaContainer, period: FiguresPeriod, draft: BacktestDraft, sampleSize: number): Promise<BacktestAnswer> {
  return await exclusiveReplay("backtest", async (run) => {
    const configs = await configsOf(container, draft)
    const tally = new BacktestTally(configs.draft, configs.current, { currency_code: period.currency_code, sample_size: sampleSize })
    for await (const batch of streamPeriodOrders(figuresDb(container), period)) {
      for await (const slice of run.slices(batch)) tally.add(slice)
    }
    const result = tally.result()
    return { ...result, not_replayable: result.orders - result.replayable }
  })
}
