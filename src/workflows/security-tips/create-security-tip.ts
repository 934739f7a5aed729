import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createSecurityTipStep, NewSecurityTip } from "./steps/create-security-tip"

export const createSecurityTipWorkflowId = "create-payment-risk-security-tip"

/** Adds a merchant's security tip. */
export const createSecurityTipWorkflow = createWorkflow(createSecurityTipWorkflowId, (input: { tip: NewSecurityTip }) => {
  return new WorkflowResponse({ tip: createSecurityTipStep(input.tip) })
})
