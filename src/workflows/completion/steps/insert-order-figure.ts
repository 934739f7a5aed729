import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import type { OrderFigureInput } from "../../../modules/payment-risk/repositories/figures"

export const insertOrderFigureStepId = "insert-payment-risk-order-figure"

/**
 * Inserts the order's figure unless it has one (an event delivered twice adds nothing); returns
 * the new row's id or null. The compensation deletes only a row this step inserted.
 */
export const insertOrderFigureStep = createStep(
  insertOrderFigureStepId,
  async (figure: OrderFigureInput | null, { container }) => {
    if (!figure) return new StepResponse<string | null, string | null>(null, null)
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const id = await service.insertOrderFigure(figure)
    return new StepResponse<string | null, string | null>(id, id)
  },
  async (id: string | null | undefined, { container }) => {
    if (!id) return
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    await service.deleteOrderFigure(id)
  }
)
