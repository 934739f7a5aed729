import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartEvaluationsStep } from "./steps/complete-cart-evaluations"
import { insertOrderFigureStep } from "./steps/insert-order-figure"
import { prepareOrderFigureStep } from "./steps/prepare-order-figure"

export const recordOrderFiguresWorkflowId = "record-payment-risk-order-figures"

/**
 * The merchant's figures of a placed order (issue 17): one payment_risk_order_figure row (amount,
 * currency, provider and class, score, rules held and flagged, review, paid credit check) and the
 * cart's evaluation rows marked completed with the order's class and provider. Idempotent: an
 * event delivered twice inserts no second row and changes no completed row. Nothing is undone
 * when a step fails (both writes are true and idempotent): the daily job
 * (src/jobs/erase-expired-assessment-data.ts) records the figures of the last days' orders that
 * have none and completes the cart rows left open.
 */
export const recordOrderFiguresWorkflow = createWorkflow(recordOrderFiguresWorkflowId, (input: { order_id: string }) => {
  const plan = prepareOrderFigureStep(input)
  const figure = transform({ plan }, ({ plan }) => plan?.figure ?? null)
  const completion = transform({ plan }, ({ plan }) => plan?.completion ?? null)
  const figureId = insertOrderFigureStep(figure)
  const completed = completeCartEvaluationsStep(completion)
  return new WorkflowResponse({ figure_id: figureId, completed_evaluation_ids: completed })
})
