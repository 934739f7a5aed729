/**
 * The answers of the figures API (issue 17): GET analytics, POST backtest, POST simulate-thresholds.
 * Money in major units of the period's currency, rounded to cents; rates as shares (0.0714 = 7.14 %).
 */
import type { CountAmount } from "../../../engine/figures/money"
import type { CurvePoint, SimulationAnswer } from "../../../engine/figures/cost"
import type { OutcomeBucket } from "../../../engine/figures/outcome-bucket"
import type { RuleInput } from "../../lib/rules-types"

export type { CountAmount, CurvePoint, OutcomeBucket }

/** `tz`: the admin's time zone, so the daily chart counts the merchant's calendar days */
export type FigureQuery = { from: string; to: string; currency_code: string; tz?: string }

export type DefaultFigures = {
  orders: number
  amount: number
  defaulted: number
  default_rate: number
  lost: number
  recovered: number
}

export type ClassRow = DefaultFigures & {
  class: string
  returned?: number
  charged_back?: number
  refused?: number
  written_off?: number
  in_dunning?: number
}

export type ProviderRow = DefaultFigures & { provider_id: string; payment_class?: string | null }

export type CauseRow = { cause: string; restricted: number; completed: number; abandoned: number }

export type RuleRow = { rule_id: string; name: string | null; held: number; restricted: number; flagged: number; defaulted: number }

export type DayRow = {
  date: string
  evaluated: number
  restricted: number
  completed_after_restriction: number
  orders: number
  amount: number
  defaulted: number
}

export type AnalyticsResponse = {
  period: FigureQuery
  carts: {
    evaluated: number
    restricted: number
    completed_after_restriction: number
    abandoned_after_restriction: number
    by_cause: CauseRow[]
  }
  by_class: ClassRow[]
  by_provider: ProviderRow[]
  credit: { queries: number; cost: number; cache_hits: number; failures: number; losses_avoided_estimate: number }
  rules: RuleRow[]
  negative_list: {
    hits: { total: number; by_kind: Record<string, number>; by_source: Record<string, number> }
    added_by_source: Record<string, number>
  }
  daily: DayRow[]
  abandonment: { measured_rate: number | null; carts: number }
  /** cart evaluations of the period's days not recorded (the database was busy) */
  recording?: { evaluations_lost: number }
}

export type BacktestBody = FigureQuery & {
  rules?: RuleInput[]
  settings?: { rules?: { enabled?: boolean; review_score?: number; prepayment_score?: number } }
  sample_size?: number
}

export type BacktestResponse = {
  orders: number
  replayable: number
  not_replayable: number
  buckets: Record<OutcomeBucket, CountAmount>
  overrides: CountAmount
  samples: string[]
  inexact?: string[]
}

export type SimulateBody = FigureQuery & {
  review_from?: number
  prepayment_from?: number
  margin?: number
  cost_per_default?: number
  abandonment_rate?: number
}

export type SimulateResponse = SimulationAnswer
