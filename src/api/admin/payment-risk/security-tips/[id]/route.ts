import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withRedactedHandlerErrors } from "../../../../utils/redact-request-errors"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { placeholderValues } from "../../../../../modules/payment-risk/tips"
import { deleteSecurityTipWorkflow } from "../../../../../workflows/security-tips/delete-security-tip"
import { updateSecurityTipWorkflow } from "../../../../../workflows/security-tips/update-security-tip"
import { throwAsError } from "../../workflow-error"
import { toTipResponse } from "../serialize"
import { AdminUpdateSecurityTipType } from "../validators"

async function respond(service: PaymentRiskModuleService, res: MedusaResponse, id: string) {
  const [tip, settings] = await Promise.all([service.retrieveSecurityTip(id), service.getSettings()])
  res.json({ tip: toTipResponse(tip, placeholderValues(settings.shop)) })
}

export const GET = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  await respond(service, res, req.params.id)
})

/** Updates the given fields; a validity window is checked together with the stored bound. */
export const POST = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<AdminUpdateSecurityTipType>, res: MedusaResponse) => {
  const { result } = await updateSecurityTipWorkflow(req.scope)
    .run({ input: { id: req.params.id, update: req.validatedBody } })
    .catch(throwAsError)
  await respond(req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE), res, result.tip.id)
})

export const DELETE = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await deleteSecurityTipWorkflow(req.scope).run({ input: { id: req.params.id } }).catch(throwAsError)
  res.json({ id: result.id, object: "security_tip", deleted: true })
})
