import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DEFAULT_RULES } from "../../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { toRuleResponse } from "./serialize"
import { AdminCreateRuleType, AdminListRulesType } from "./validators"

/** The rules, priority first then name; the default set is seeded on first use so it is editable. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListRulesType>, res: MedusaResponse) => {
  const { limit, offset } = req.validatedQuery as AdminListRulesType
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  await service.ensureDefaultRules(DEFAULT_RULES)
  const [rows, count] = await service.listAndCountRiskRules(
    {},
    { take: limit, skip: offset, order: { priority: "ASC", name: "ASC" } }
  )
  res.json({ rules: rows.map(toRuleResponse), count, limit, offset })
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateRuleType>, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const actor = req.auth_context?.actor_id ?? null
  const body = req.validatedBody
  // seed first, so the merchant's first own rule does not stand in for "already seeded"
  await service.ensureDefaultRules(DEFAULT_RULES)
  const rule = await service.createRiskRules({
    name: body.name,
    description: body.description ?? null,
    priority: body.priority,
    enabled: body.enabled,
    valid_from: body.valid_from ? new Date(body.valid_from) : null,
    valid_until: body.valid_until ? new Date(body.valid_until) : null,
    conditions: body.conditions as Record<string, unknown>,
    actions: body.actions as unknown as Record<string, unknown>,
    default_key: null,
    created_by: actor,
    updated_by: actor,
  })
  res.status(201).json({ rule: toRuleResponse(rule) })
}
