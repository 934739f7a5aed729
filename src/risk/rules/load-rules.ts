import { RiskRule, ruleShapeIssues } from "../../engine"
import PaymentRiskModuleService, { ConfigReader } from "../../modules/payment-risk/service"

/**
 * A stored rule the engine cannot read (written around the API, or by a manual edit). The
 * evaluation fails with it, so the cart gets the configured fallback, and the message names
 * the rule and the field so the merchant can fix or delete it.
 */
export class UnreadableRuleError extends Error {
  constructor(rule: Pick<RiskRule, "id" | "name">, issue: { path: (string | number)[]; message: string }) {
    super(`rule ${rule.id} ("${rule.name}") cannot be evaluated: ${issue.path.join(".")} ${issue.message}`)
    this.name = "UnreadableRuleError"
  }
}

/**
 * The store's rules, after seeding the default set once in the store's life (so the merchant
 * can edit or delete each; a deleted default does not come back) — from the module's
 * versioned cache (`readConfig`; pass the caller's reader to share its one version read). An
 * enabled rule whose shape the engine cannot read throws UnreadableRuleError (disabled rules
 * are never read).
 */
export async function loadRules(service: PaymentRiskModuleService, config?: ConfigReader): Promise<RiskRule[]> {
  const rules = await (config ?? (await service.readConfig())).rules()
  for (const rule of rules) {
    const [issue] = rule.enabled ? ruleShapeIssues(rule) : []
    if (issue) throw new UnreadableRuleError(rule, issue)
  }
  return rules
}
