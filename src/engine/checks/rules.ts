import { CheckOutcome, EngineContext, Restriction, RiskCheck } from "../types"
import type { RuleAction } from "../rules/types"

function restrictionOf(action: RuleAction): Restriction | null {
  switch (action.type) {
    case "hide_classes":
      return { kind: "hide_classes", classes: action.classes }
    case "allow_only_classes":
      return { kind: "allow_only_classes", classes: action.classes }
    case "hide_providers":
      return { kind: "hide_providers", provider_ids: action.provider_ids }
    default:
      return null
  }
}

/**
 * The merchant's rules (evaluated once in the context): each rule that held restricts the
 * methods by its actions; a score at or above the prepayment threshold allows only prepayment.
 */
export const rulesCheck: RiskCheck = {
  id: "rules",
  evaluate({ rules_result, settings }: EngineContext): CheckOutcome[] {
    if (!rules_result) return []
    const outcomes: CheckOutcome[] = []
    for (const rule of rules_result.rules) {
      if (!rule.held) continue
      for (const action of rule.actions) {
        const restriction = restrictionOf(action)
        if (restriction) {
          outcomes.push({ restriction, reason: { check: "rules", code: "rule_matched", message: `Rule “${rule.name}” applies`, values: { rule_id: rule.rule_id, name: rule.name } } })
        }
      }
    }
    const threshold = settings.rules.prepayment_score
    if (rules_result.score >= threshold) {
      outcomes.push({
        restriction: { kind: "allow_only_classes", classes: ["prepayment"] },
        reason: {
          check: "rules",
          code: "risk_score_prepayment",
          message: `Risk score ${rules_result.score} reaches ${threshold}: prepayment only`,
          values: { score: rules_result.score, threshold },
        },
      })
    }
    return outcomes
  },
}
