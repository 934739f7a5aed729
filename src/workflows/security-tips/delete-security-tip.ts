import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { deleteSecurityTipStep } from "./steps/delete-security-tip"

export const deleteSecurityTipWorkflowId = "delete-payment-risk-security-tip"

/** Deletes a tip (a deleted default tip is not seeded again). */
export const deleteSecurityTipWorkflow = createWorkflow(deleteSecurityTipWorkflowId, (input: { id: string }) => {
  return new WorkflowResponse(deleteSecurityTipStep(input))
})
