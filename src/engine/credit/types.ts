import type { ListAction, LocalizedText, PaymentClass } from "../types"

/** A bureau's negative features (seed 003 §5.2.1): none, soft, medium or hard. */
export const CREDIT_RESULTS = ["none", "soft", "medium", "hard"] as const
export type CreditResult = (typeof CREDIT_RESULTS)[number]
export const TRAFFIC_LIGHTS = ["green", "yellow", "red"] as const
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number]

/** What a credit-check provider answers, normalised. */
export type CreditAnswer = {
  result: CreditResult
  /** bureau score, higher is better (e.g. 0..1000); optional */
  score?: number | null
  traffic_light?: TrafficLight | null
  /** the bureau's reference, for the audit */
  reference?: string | null
}

/** What the adapter found out, handed to the engine. */
export type CreditOutcome =
  | { status: "answered"; provider_id: string; cached: boolean; answer: CreditAnswer }
  | { status: "failed"; errors: string[] }

export type ScoreBand = { below: number; action: ListAction }

export type CreditCheckSettings = {
  enabled: boolean
  /** ask only from this cart total on (cart currency, major units) */
  min_amount: number
  /** providers in the order to ask (cheapest first) with the cost of one query */
  providers: Array<{ id: string; cost: number }>
  /** ask only when one of these classes would otherwise be offered */
  unsafe_classes: PaymentClass[]
  /** days an answer is reused for the same identity */
  cache_days: number
  /** time budget of one query */
  timeout_ms: number
  soft_action: ListAction
  /** score bands, checked from the lowest `below` up; the first that fits applies */
  score_bands: ScoreBand[]
  traffic_light_actions: { yellow: ListAction | null; red: ListAction | null }
  /** when every provider failed or was skipped: default hide the unsafe classes */
  failure_action: ListAction
  /** after this many failures in a row a provider is skipped for `cooldown_seconds` */
  breaker_failures: number
  breaker_cooldown_seconds: number
  /** information for shoppers where a credit check may apply (German data-protection practice) */
  consent_notice: LocalizedText
}
