import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withRedactedHandlerErrors } from "../../../../utils/redact-request-errors"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { deleteRiskRuleWorkflow } from "../../../../../workflows/rules/delete-risk-rule"
import { updateRiskRuleWorkflow } from "../../../../../workflows/rules/update-risk-rule"
import { throwAsError } from "../../workflow-error"
import { toRuleResponse } from "../serialize"
import { AdminUpdateRuleType } from "../validators"

export const GET = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const rule = await service.retrieveRiskRule(req.params.id)
  res.json({ rule: toRuleResponse(rule) })
})

/** Partial update; the validity window is checked against the stored bound that is not sent. */
export const POST = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<AdminUpdateRuleType>, res: MedusaResponse) => {
  const { result } = await updateRiskRuleWorkflow(req.scope)
    .run({ input: { id: req.params.id, update: req.validatedBody, actor_id: req.auth_context?.actor_id ?? null } })
    .catch(throwAsError)
  res.json({ rule: toRuleResponse(result.rule) })
})

/** Deletes a rule (soft). A deleted default rule is not seeded again. */
export const DELETE = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await deleteRiskRuleWorkflow(req.scope).run({ input: { id: req.params.id } }).catch(throwAsError)
  res.json({ id: result.id, object: "payment_risk_rule", deleted: true })
})
