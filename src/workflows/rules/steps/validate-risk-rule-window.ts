import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const validateRiskRuleWindowStepId = "validate-payment-risk-rule-window"

type Bound = string | Date | null | undefined

/** Issue of a validity window (both bounds given): from must lie before until. */
export function windowIssue(from?: Bound, until?: Bound): string | null {
  if (!from || !until) return null
  return new Date(from).getTime() < new Date(until).getTime() ? null : "Value for field 'valid_until': must be after valid_from"
}

/**
 * A rule's validity window after a partial update: the bound that is not sent is the stored
 * one. No side effects: NOT_FOUND for an unknown rule, INVALID_DATA (400) for a window that ends
 * before it starts.
 */
export const validateRiskRuleWindowStep = createStep(
  validateRiskRuleWindowStepId,
  async (input: { id: string; valid_from?: string | null; valid_until?: string | null }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const current = await service.retrieveRiskRule(input.id)
    const from = input.valid_from !== undefined ? input.valid_from : current.valid_from
    const until = input.valid_until !== undefined ? input.valid_until : current.valid_until
    const window = windowIssue(from, until)
    if (window) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${window}`)
    }
    return new StepResponse({ id: current.id })
  }
)
