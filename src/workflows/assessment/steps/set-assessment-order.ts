import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const setAssessmentOrderStepId = "set-payment-risk-assessment-order"

type Input = { cart_id: string; order_id: string }
type Previous = { id: string; order_id: string | null } | null

/** Writes the order id onto the cart's assessment; returns the assessment id (or null if none). */
export const setAssessmentOrderStep = createStep(
  setAssessmentOrderStepId,
  async (input: Input, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const [row] = await service.listRiskAssessments({ cart_id: input.cart_id }, { take: 1 })
    if (!row) {
      return new StepResponse<string | null, Previous>(null, null)
    }
    if (row.order_id === input.order_id) {
      return new StepResponse<string | null, Previous>(row.id, null)
    }
    await service.updateRiskAssessments({ id: row.id, order_id: input.order_id, outcome: "accepted" })
    return new StepResponse<string | null, Previous>(row.id, { id: row.id, order_id: row.order_id })
  },
  async (previous: Previous, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    await service.updateRiskAssessments({ id: previous.id, order_id: previous.order_id })
  }
)
