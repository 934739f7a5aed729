import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import type { CartCompletion } from "../../../modules/payment-risk/repositories/figures"

export const completeCartEvaluationsStepId = "complete-payment-risk-cart-evaluations"

/**
 * Marks the cart's evaluation rows completed by its order (time, order, class and provider);
 * rows already completed are left as they are. Returns the ids it changed. No compensation: the
 * cart did become an order, and a rerun changes nothing.
 */
export const completeCartEvaluationsStep = createStep(completeCartEvaluationsStepId, async (completion: CartCompletion | null, { container }) => {
  if (!completion) return new StepResponse<string[]>([])
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  return new StepResponse<string[]>(await service.completeCartEvaluations(completion))
})
