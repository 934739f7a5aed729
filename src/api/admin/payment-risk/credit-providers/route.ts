import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"

/** The credit-check providers configured in the plugin options: ids only, never their options. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  res.json({ providers: [...service.getCreditProviders().keys()].map((id) => ({ id })) })
}
