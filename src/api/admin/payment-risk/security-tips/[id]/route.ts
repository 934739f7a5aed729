import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withRedactedHandlerErrors } from "../../../../utils/redact-request-errors"
import { MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { placeholderValues } from "../../../../../modules/payment-risk/tips"
import { toTipResponse } from "../serialize"
import { AdminUpdateSecurityTipType, WINDOW_MESSAGE } from "../validators"

const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : null)

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
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const current = await service.retrieveSecurityTip(req.params.id)
  const body = req.validatedBody
  const from = time(body.valid_from !== undefined ? body.valid_from : current.valid_from)
  const until = time(body.valid_until !== undefined ? body.valid_until : current.valid_until)
  if (from !== null && until !== null && from >= until) {
    const message = body.valid_until !== undefined ? WINDOW_MESSAGE : "Value for field 'valid_from': must be before valid_until"
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${message}`)
  }
  await service.updateSecurityTips({ id: current.id, ...body })
  await respond(service, res, current.id)
})

export const DELETE = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const tip = await service.retrieveSecurityTip(req.params.id)
  await service.deleteSecurityTips(tip.id)
  res.json({ id: tip.id, object: "security_tip", deleted: true })
})
