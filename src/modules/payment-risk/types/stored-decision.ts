import type { Decision, HiddenProvider } from "../../../engine"
import { isJsonObject } from "./json"

/**
 * The `decision` column of a risk assessment (payment_risk_assessment.decision): what the engine
 * decided at cart completion, written by `recordAssessment` and, reduced to anonymous figures,
 * by the erasure (scrubDecision). The one shape every reader of the column uses.
 */
export type StoredDecision = {
  /** true once the personal data was erased: anonymous figures only (scrubDecision) */
  erased?: true
  allowed_provider_ids: string[]
  hidden: HiddenProvider[]
  facts: Decision["facts"]
  signals?: Decision["signals"]
  /** every rule with its conditions' results, the score and the review flag */
  rules?: Decision["rules"]
}

const NO_FACTS: Decision["facts"] = { paid_order_count: 0, awaiting_payment_order_count: 0, is_new_customer: false }

/**
 * The stored decision of an assessment, typed; null when the column holds no object. Fields are
 * taken as stored (the engine wrote them); a list or the facts missing from a damaged row read as
 * empty, and an optional part (`erased`, `signals`, `rules`) is present only when it was stored.
 */
export function readStoredDecision(value: unknown): StoredDecision | null {
  if (!isJsonObject(value)) return null
  const decision: StoredDecision = {
    allowed_provider_ids: Array.isArray(value.allowed_provider_ids)
      ? value.allowed_provider_ids.filter((id): id is string => typeof id === "string")
      : [],
    hidden: Array.isArray(value.hidden) ? (value.hidden as HiddenProvider[]) : [],
    facts: isJsonObject(value.facts) ? (value.facts as Decision["facts"]) : { ...NO_FACTS },
  }
  if (value.erased === true) decision.erased = true
  if (value.signals !== undefined) decision.signals = value.signals as Decision["signals"]
  if (isJsonObject(value.rules)) decision.rules = value.rules as Decision["rules"]
  return decision
}
