import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { SecurityTipUpdate, updateSecurityTipStep } from "./steps/update-security-tip"
import { validateSecurityTipWindowStep } from "./steps/validate-security-tip-window"

export const updateSecurityTipWorkflowId = "update-payment-risk-security-tip"

/** Updates the fields sent of a tip; a validity window is checked together with the stored bound. */
export const updateSecurityTipWorkflow = createWorkflow(
  updateSecurityTipWorkflowId,
  (input: { id: string; update: SecurityTipUpdate }) => {
    validateSecurityTipWindowStep({ id: input.id, valid_from: input.update.valid_from, valid_until: input.update.valid_until })
    return new WorkflowResponse({ tip: updateSecurityTipStep({ id: input.id, update: input.update }) })
  }
)
