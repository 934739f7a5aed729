import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import type { OrderFigureInput } from "../../../modules/payment-risk/repositories/figures"

export const insertOrderFigureStepId = "insert-payment-risk-order-figure"

/**
 * Inserts the order's figure unless it has one (an event delivered twice adds nothing); returns
 * the new row's id or null. No compensation: the figure is true whatever happens to the next
 * step, and both are idempotent (the daily job completes what a failed next step left open).
 */
export const insertOrderFigureStep = createStep(insertOrderFigureStepId, async (figure: OrderFigureInput | null, { container }) => {
  if (!figure) return new StepResponse<string | null>(null)
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  return new StepResponse<string | null>(await service.insertOrderFigure(figure))
})
