import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService, { ruleJsonColumns } from "../../../modules/payment-risk/service"
import type { NewRiskRule } from "./create-risk-rule"

export const updateRiskRuleStepId = "update-payment-risk-rule"

/** The fields of a rule the merchant may change; the ones not sent stay. */
export type RiskRuleUpdate = Partial<NewRiskRule>

type RuleRow = Awaited<ReturnType<PaymentRiskModuleService["retrieveRiskRule"]>>

/** Columns of a rule an update writes. */
type RuleColumns = {
  id: string
  name?: string
  description?: string | null
  priority?: number
  enabled?: boolean
  conditions?: Record<string, unknown>
  actions?: Record<string, unknown>
  valid_from?: Date | null
  valid_until?: Date | null
  updated_by?: string | null
}

const asDateOrNull = (value?: string | Date | null) => (value ? new Date(value) : null)

/** The columns to write: the fields sent, dates as Dates, and who changed the rule. */
function changesOf(id: string, update: RiskRuleUpdate, actorId: string | null): RuleColumns {
  return {
    id,
    updated_by: actorId,
    ...(update.name !== undefined ? { name: update.name } : {}),
    ...(update.description !== undefined ? { description: update.description } : {}),
    ...(update.priority !== undefined ? { priority: update.priority } : {}),
    ...(update.enabled !== undefined ? { enabled: update.enabled } : {}),
    ...(update.conditions !== undefined ? { conditions: update.conditions } : {}),
    // a json column (typed as an object by the model) holding the list as it is
    ...(update.actions !== undefined ? { actions: ruleJsonColumns({ conditions: {}, actions: update.actions }).actions } : {}),
    ...(update.valid_from !== undefined ? { valid_from: asDateOrNull(update.valid_from) } : {}),
    ...(update.valid_until !== undefined ? { valid_until: asDateOrNull(update.valid_until) } : {}),
  }
}

/** The values the update replaces, as they were (for the compensation). */
function previousOf(before: RuleRow, update: RiskRuleUpdate): RuleColumns {
  const sent = (field: keyof RiskRuleUpdate) => update[field] !== undefined
  return {
    id: before.id,
    updated_by: before.updated_by ?? null,
    ...(sent("name") ? { name: before.name } : {}),
    ...(sent("description") ? { description: before.description ?? null } : {}),
    ...(sent("priority") ? { priority: before.priority } : {}),
    ...(sent("enabled") ? { enabled: before.enabled } : {}),
    ...(sent("conditions") ? { conditions: before.conditions } : {}),
    ...(sent("actions") ? { actions: before.actions } : {}),
    ...(sent("valid_from") ? { valid_from: asDateOrNull(before.valid_from) } : {}),
    ...(sent("valid_until") ? { valid_until: asDateOrNull(before.valid_until) } : {}),
  }
}

/** Updates the fields sent of a rule; the compensation writes the earlier values back. */
export const updateRiskRuleStep = createStep(
  updateRiskRuleStepId,
  async (input: { id: string; update: RiskRuleUpdate; actor_id: string | null }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const before = await service.retrieveRiskRule(input.id)
    const rule = await service.updateRiskRules(changesOf(before.id, input.update, input.actor_id))
    return new StepResponse<typeof rule, RuleColumns>(rule, previousOf(before, input.update))
  },
  async (previous: RuleColumns | undefined, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    // dates may come back as ISO strings from the workflow's stored state
    await service.updateRiskRules({
      ...previous,
      ...(previous.valid_from !== undefined ? { valid_from: asDateOrNull(previous.valid_from) } : {}),
      ...(previous.valid_until !== undefined ? { valid_until: asDateOrNull(previous.valid_until) } : {}),
    })
  }
)
