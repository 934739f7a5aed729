import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import orderRiskAssessmentLink from "../../links/order-risk-assessment"
import { setAssessmentOrderStep } from "./steps/set-assessment-order"

export const linkRiskAssessmentToOrderWorkflowId = "link-payment-risk-assessment-to-order"

/**
 * Links the assessment taken at completion to the order placed from the cart. Idempotent:
 * an existing link is not created twice.
 */
export const linkRiskAssessmentToOrderWorkflow = createWorkflow(
  linkRiskAssessmentToOrderWorkflowId,
  (input: { cart_id: string; order_id: string }) => {
    const assessmentId = setAssessmentOrderStep(input)

    const { data: existing } = useQueryGraphStep({
      entity: orderRiskAssessmentLink.entryPoint,
      fields: ["order_id"],
      filters: { order_id: input.order_id },
    }).config({ name: "existing-risk-assessment-links" })

    when("create-risk-assessment-link", { assessmentId, existing }, ({ assessmentId, existing }) => {
      return !!assessmentId && existing.length === 0
    }).then(() => {
      const links = transform({ assessmentId, input }, ({ assessmentId, input }) => [
        {
          [Modules.ORDER]: { order_id: input.order_id },
          [PAYMENT_RISK_MODULE]: { risk_assessment_id: assessmentId },
        },
      ])
      createRemoteLinkStep(links)
    })

    return new WorkflowResponse({ assessment_id: assessmentId })
  }
)
