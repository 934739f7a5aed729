import type { ListAction, LocalizedText, PaymentClass } from "../types"

/**
 * A bureau's negative features (seed 003 §5.2.1): none, soft, medium or hard; `unknown` when the
 * bureau does not know the person (never the same as "none").
 */
export const CREDIT_RESULTS = ["none", "soft", "medium", "hard", "unknown"] as const
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

/** The abuse limits of `CreditLimits`, in the order they are reported when several are reached. */
export const CREDIT_LIMITS = ["identities_per_cart", "identities_per_customer", "identities_per_ip", "queries_per_cart"] as const
export type CreditLimitName = (typeof CREDIT_LIMITS)[number]

/**
 * Why a query failed, recorded with it. Only `transport` (no connection, reset), `timeout` and
 * `server_error` (5xx) say the bureau is unwell and count for the circuit breaker; a 4xx, an
 * answer that fails validation or a provider's own error may be caused by the shopper's input,
 * so a shopper could open the breaker for the whole shop with them.
 */
export const CREDIT_FAILURE_KINDS = ["transport", "timeout", "server_error", "client_error", "invalid_answer", "provider_error"] as const
export type CreditFailureKind = (typeof CREDIT_FAILURE_KINDS)[number]
export const BREAKER_FAILURE_KINDS: readonly CreditFailureKind[] = ["transport", "timeout", "server_error"]

/** What the adapter found out, handed to the engine. */
export type CreditOutcome =
  | { status: "answered"; provider_id: string; cached: boolean; answer: CreditAnswer }
  /** every provider failed or was skipped; `limit` when an abuse limit stopped the query before any provider was asked */
  | { status: "failed"; errors: string[]; limit?: CreditLimitName }

export type CreditLimits = {
  /** paid queries (not cache hits) for one cart */
  queries_per_cart: number
  /** distinct persons (name + address) asked about for one cart */
  identities_per_cart: number
  /** distinct persons asked about from one IP address */
  identities_per_ip: number
  /** distinct persons asked about for one customer account */
  identities_per_customer: number
}

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
  /** when every provider failed or was skipped, or a limit below stopped the query: default hide the unsafe classes */
  failure_action: ListAction
  /** when the bureau does not know the person (`unknown`): default hide the unsafe classes */
  unknown_action: ListAction
  /**
   * Abuse limits per rolling hour, enforced across instances: beyond one of them nothing is
   * queried and the cart gets `failure_action` (the bureau as an oracle, the merchant's money).
   */
  limits: CreditLimits
  /** after this many failures in a row a provider is skipped for `cooldown_seconds` */
  breaker_failures: number
  breaker_cooldown_seconds: number
  /** information for shoppers where a credit check may apply (German data-protection practice) */
  consent_notice: LocalizedText
}
