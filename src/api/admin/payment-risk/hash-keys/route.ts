import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { hashKeyStatus } from "../../../../risk/hash-keys/rekey"

/** Which stored hashes depend on which secret (key ids only, never a secret). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  res.json({ hash_keys: await hashKeyStatus(service) })
}
