import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { updateSettingsWorkflow } from "../../../../workflows/settings/update-settings"
import { AdminUpdatePaymentRiskSettingsType } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  res.json({ settings: await service.getSettings() })
}

/** Each section sent is laid over the stored one (the engine's mergeSettings). */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdatePaymentRiskSettingsType>,
  res: MedusaResponse
) => {
  const { result } = await updateSettingsWorkflow(req.scope).run({ input: { update: req.validatedBody } })
  res.json({ settings: result.settings })
}
