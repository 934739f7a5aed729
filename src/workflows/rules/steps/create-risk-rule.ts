import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService, { ruleJsonColumns } from "../../../modules/payment-risk/service"

export const createRiskRuleStepId = "create-payment-risk-rule"

/** A merchant's own rule as validated by the admin API (conditions and actions checked by the engine). */
export type NewRiskRule = {
  name: string
  description?: string | null
  priority: number
  enabled: boolean
  /** ISO date-times */
  valid_from?: string | null
  valid_until?: string | null
  conditions: Record<string, unknown>
  actions: Array<Record<string, unknown>>
}

/** Creates a merchant's rule (no default key); the compensation deletes it again. */
export const createRiskRuleStep = createStep(
  createRiskRuleStepId,
  async (input: { rule: NewRiskRule; actor_id: string | null }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const { rule } = input
    const created = await service.createRiskRules({
      name: rule.name,
      description: rule.description ?? null,
      priority: rule.priority,
      enabled: rule.enabled,
      valid_from: rule.valid_from ? new Date(rule.valid_from) : null,
      valid_until: rule.valid_until ? new Date(rule.valid_until) : null,
      ...ruleJsonColumns(rule),
      default_key: null,
      created_by: input.actor_id,
      updated_by: input.actor_id,
    })
    return new StepResponse(created, created.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).deleteRiskRules(id)
  }
)
