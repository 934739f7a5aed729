import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withRedactedHandlerErrors } from "../../../../utils/redact-request-errors"
import { MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { toRuleResponse } from "../serialize"
import { AdminUpdateRuleType, windowIssue } from "../validators"

export const GET = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const rule = await service.retrieveRiskRule(req.params.id)
  res.json({ rule: toRuleResponse(rule) })
})

/** Partial update; the validity window is checked against the stored bound that is not sent. */
export const POST = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<AdminUpdateRuleType>, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const current = await service.retrieveRiskRule(req.params.id)
  const body = req.validatedBody
  const from = body.valid_from !== undefined ? body.valid_from : current.valid_from
  const until = body.valid_until !== undefined ? body.valid_until : current.valid_until
  const window = windowIssue(from, until)
  if (window) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${window}`)
  }
  const rule = await service.updateRiskRules({
    id: current.id,
    updated_by: req.auth_context?.actor_id ?? null,
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.priority !== undefined ? { priority: body.priority } : {}),
    ...(body.enabled !== undefined ? { enabled: body.enabled } : {}),
    ...(body.conditions !== undefined ? { conditions: body.conditions as Record<string, unknown> } : {}),
    ...(body.actions !== undefined ? { actions: body.actions as unknown as Record<string, unknown> } : {}),
    ...(body.valid_from !== undefined ? { valid_from: body.valid_from ? new Date(body.valid_from) : null } : {}),
    ...(body.valid_until !== undefined ? { valid_until: body.valid_until ? new Date(body.valid_until) : null } : {}),
  })
  res.json({ rule: toRuleResponse(rule) })
})

/** Deletes a rule (soft). A deleted default rule is not seeded again. */
export const DELETE = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const rule = await service.retrieveRiskRule(req.params.id)
  await service.softDeleteRiskRules([rule.id])
  res.json({ id: rule.id, object: "payment_risk_rule", deleted: true })
})
