import type { Decision, EngineInput, ListAction } from "../types"
import { CreditAnswer } from "./types"

/** Checks whose restriction means internal data has already decided (golden rule 1). */
const INTERNAL_CHECKS = ["probing", "negative_list", "first_order", "open_orders", "first_order_cod_limit"]

export type QueryPlan = { ask: true } | { ask: false; why: "disabled" | "below_threshold" | "internal_data_decided" | "no_unsafe_class" }

/**
 * Golden rules (seed 003 §5.2.2): buy external data only when it can change the answer: an
 * unsafe class would otherwise be offered, the cart is at or above the threshold, and internal
 * data (negative list, first-order rules) has not already decided.
 */
export function planCreditQuery(input: EngineInput, preliminary: Decision): QueryPlan {
  const credit = input.settings.credit_check
  if (!credit.enabled || !credit.providers.length) return { ask: false, why: "disabled" }
  if (!(input.cart.total >= credit.min_amount)) return { ask: false, why: "below_threshold" }
  const internal = preliminary.hidden.some((hidden) => hidden.reasons.some((reason) => INTERNAL_CHECKS.includes(reason.check)))
  if (internal) return { ask: false, why: "internal_data_decided" }
  const allowed = new Set(preliminary.allowed_provider_ids)
  const unsafe = input.cart.providers.some((p) => allowed.has(p.id) && credit.unsafe_classes.includes(p.risk_class))
  return unsafe ? { ask: true } : { ask: false, why: "no_unsafe_class" }
}

const ONLY_PREPAYMENT: ListAction = { type: "allow_only_classes", classes: ["prepayment"] }

/**
 * What an answer does: hard and medium negative features → only prepayment (seed 003); the
 * bureau does not know the person (`unknown`) → the merchant's unknown action, never the same as
 * "none", whatever score or light came with it; soft → the merchant's soft action; otherwise the
 * first score band the score falls below, and the traffic light. Several may apply; every
 * restriction counts.
 */
export function actionsForAnswer(answer: CreditAnswer, settings: EngineInput["settings"]["credit_check"]): Array<{ code: string; action: ListAction }> {
  if (answer.result === "hard" || answer.result === "medium") return [{ code: `credit_${answer.result}`, action: ONLY_PREPAYMENT }]
  if (answer.result === "unknown") return [{ code: "credit_unknown", action: settings.unknown_action }]
  const actions: Array<{ code: string; action: ListAction }> = []
  if (answer.result === "soft") actions.push({ code: "credit_soft", action: settings.soft_action })
  if (typeof answer.score === "number") {
    const band = [...settings.score_bands].sort((a, b) => a.below - b.below).find((b) => answer.score! < b.below)
    if (band) actions.push({ code: "credit_score_band", action: band.action })
  }
  if (answer.traffic_light === "yellow" || answer.traffic_light === "red") {
    const action = settings.traffic_light_actions[answer.traffic_light]
    if (action) actions.push({ code: `credit_traffic_light_${answer.traffic_light}`, action })
  }
  return actions
}
