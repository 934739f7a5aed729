import { checkPlausibility } from "../plausibility"
import { CheckOutcome, EngineContext, RiskCheck } from "../types"

/**
 * Golden rule 2 (seed 003 §5.2): cheap checks before paid ones. An address without house number,
 * a postcode that does not fit the country, contact data typed into name fields, an invalid email
 * or phone: the unsafe methods the merchant chose are hidden (default invoice and direct debit).
 */
export const plausibilityCheck: RiskCheck = {
  id: "plausibility",
  evaluate({ cart, settings, plausibility_findings }: EngineContext): CheckOutcome[] {
    if (!settings.plausibility.enabled) return []
    const findings = plausibility_findings ?? checkPlausibility(cart)
    if (!findings.length) return []
    const { action } = settings.plausibility
    return [
      {
        restriction: action.type === "allow_only_classes"
          ? { kind: "allow_only_classes", classes: action.classes }
          : { kind: "hide_classes", classes: action.classes },
        reason: {
          check: "plausibility",
          code: "implausible_data",
          message: `Implausible data: ${findings.map((f) => `${f.field} (${f.code})`).join(", ")}`,
          values: { findings: findings.map((f) => `${f.field}:${f.code}`) },
        },
      },
    ]
  },
}
