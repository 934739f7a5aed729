import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { setReceivableHoldStep, SetReceivableHoldInput } from "./steps/set-receivable-hold"

export const setReceivableHoldWorkflowId = "set-payment-risk-receivable-hold"

/** Pauses (a complaint, an agreed instalment) or resumes the dunning of a receivable. */
export const setReceivableHoldWorkflow = createWorkflow(setReceivableHoldWorkflowId, (input: SetReceivableHoldInput) => {
  return new WorkflowResponse(setReceivableHoldStep(input))
})
