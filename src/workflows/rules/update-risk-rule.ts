import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { RiskRuleUpdate, updateRiskRuleStep } from "./steps/update-risk-rule"
import { validateRiskRuleWindowStep } from "./steps/validate-risk-rule-window"

export const updateRiskRuleWorkflowId = "update-payment-risk-rule"

export type UpdateRiskRuleInput = { id: string; update: RiskRuleUpdate; actor_id: string | null }

/** Partial update of a rule; its validity window is checked against the stored bound that is not sent. */
export const updateRiskRuleWorkflow = createWorkflow(updateRiskRuleWorkflowId, (input: UpdateRiskRuleInput) => {
  validateRiskRuleWindowStep({ id: input.id, valid_from: input.update.valid_from, valid_until: input.update.valid_until })
  const rule = updateRiskRuleStep({ id: input.id, update: input.update, actor_id: input.actor_id })
  return new WorkflowResponse({ rule })
})
