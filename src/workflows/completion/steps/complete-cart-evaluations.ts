import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import type { CartCompletion } from "../../../modules/payment-risk/repositories/figures"

export const completeCartEvaluationsStepId = "complete-payment-risk-cart-evaluations"

/**
 * Marks the cart's evaluation rows completed by its order (time, order, class and provider);
 * rows already completed are left as they are. Returns the ids it changed; the compensation
 * opens exactly those again.
 */
export const completeCartEvaluationsStep = createStep(
  completeCartEvaluationsStepId,
  async (completion: CartCompletion | null, { container }) => {
    if (!completion) return new StepResponse<string[], string[]>([], [])
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const ids = await service.completeCartEvaluations(completion)
    return new StepResponse<string[], string[]>(ids, ids)
  },
  async (ids: string[] | undefined, { container }) => {
    if (!ids?.length) return
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    await service.reopenCartEvaluations(ids)
  }
)
