import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OrderFigurePlan, orderFigurePlanFor } from "../../../risk/figures/record-order-figure"

export const prepareOrderFigureStepId = "prepare-payment-risk-order-figure"

/** What the placed order's figure and its cart's completion are made of (null: no such order). Read only. */
export const prepareOrderFigureStep = createStep(prepareOrderFigureStepId, async (input: { order_id: string }, { container }) => {
  return new StepResponse<OrderFigurePlan | null>(await orderFigurePlanFor(container, input.order_id))
})
