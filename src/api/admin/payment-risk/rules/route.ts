import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { DEFAULT_RULES } from "../../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { createRiskRuleWorkflow } from "../../../../workflows/rules/create-risk-rule"
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
  const { result } = await createRiskRuleWorkflow(req.scope).run({
    input: { rule: req.validatedBody, actor_id: req.auth_context?.actor_id ?? null },
  })
  res.status(201).json({ rule: toRuleResponse(result.rule) })
}
