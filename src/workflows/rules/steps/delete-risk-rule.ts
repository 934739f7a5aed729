import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const deleteRiskRuleStepId = "delete-payment-risk-rule"

/**
 * Deletes a rule (soft: a deleted default rule is not seeded again). NOT_FOUND for an unknown
 * rule. The compensation restores it.
 */
export const deleteRiskRuleStep = createStep(
  deleteRiskRuleStepId,
  async (input: { id: string }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const rule = await service.retrieveRiskRule(input.id)
    await service.softDeleteRiskRules([rule.id])
    return new StepResponse({ id: rule.id }, rule.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).restoreRiskRules([id])
  }
)
