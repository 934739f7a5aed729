import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteRiskRuleStep } from "./steps/delete-risk-rule"

export const deleteRiskRuleWorkflowId = "delete-payment-risk-rule"

/** Deletes a rule (soft). A deleted default rule is not seeded again. */
export const deleteRiskRuleWorkflow = createWorkflow(deleteRiskRuleWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(deleteRiskRuleStep(input))
})
