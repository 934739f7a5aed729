import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { importNegativeListCsv } from "../../../../../utils/negative-list/import-csv"
import { csvHeaderGuard } from "./csv-header-guard"

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
  const csv = csvHeaderGuard()
  req.on("error", (error) => csv.destroy(error))
  try {
    res.json(await importNegativeListCsv(req.pipe(csv), service, req.auth_context?.actor_id ?? null))
  } catch (error) {
    // read the rest of a refused file, so the answer is not cut off by a reset connection
    req.unpipe(csv)
    req.resume()
    throw error
  }
}
