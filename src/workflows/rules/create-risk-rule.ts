import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRiskRuleStep, NewRiskRule } from "./steps/create-risk-rule"
import { seedDefaultRulesStep } from "./steps/seed-default-rules"

export const createRiskRuleWorkflowId = "create-payment-risk-rule"

export type CreateRiskRuleInput = { rule: NewRiskRule; actor_id: string | null }

/**
 * Adds a merchant's rule. The default rules are seeded first (if they never were), so the
 * merchant's first own rule does not stand in for "already seeded".
 */
export const createRiskRuleWorkflow = createWorkflow(createRiskRuleWorkflowId, (input: CreateRiskRuleInput) => {
  seedDefaultRulesStep()
  const rule = createRiskRuleStep({ rule: input.rule, actor_id: input.actor_id })
  return new WorkflowResponse({ rule })
})
