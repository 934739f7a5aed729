import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { importNegativeListCsv } from "../../../../../utils/negative-list/import-csv"

/**
 * CSV import: the request body is the CSV itself (`Content-Type: text/csv`), read as a stream
 * (the body parser is off for this route). Answers the counts and the rejected rows.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const type = String(req.headers["content-type"] ?? "")
  if (!/^(text\/csv|text\/plain|application\/csv|application\/octet-stream)\b/i.test(type)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid request: Content-Type must be text/csv (the request body is the CSV file)")
  }
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const report = await importNegativeListCsv(req, service, req.auth_context?.actor_id ?? null)
  res.json(report)
}
