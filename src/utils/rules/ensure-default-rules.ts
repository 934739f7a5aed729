import { DEFAULT_RULES, RiskRule } from "../../engine"
import PaymentRiskModuleService from "../../modules/payment-risk/service"

/**
 * The store's rules, after seeding the default set once in the store's life (so the merchant
 * can edit or delete each; a deleted default does not come back).
 */
export async function loadRules(service: PaymentRiskModuleService): Promise<RiskRule[]> {
  await service.ensureDefaultRules(DEFAULT_RULES)
  return await service.listEngineRules()
}
