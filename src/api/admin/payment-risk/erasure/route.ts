import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { AdminErasePersonalDataType } from "../validators"

/** GDPR erasure: removes a shopper's email and customer id from all stored assessments. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminErasePersonalDataType>,
  res: MedusaResponse
) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const erased = await service.erasePersonalData(req.validatedBody)
  res.json({ erased })
}
