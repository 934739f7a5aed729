import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { importNegativeListCsv } from "../../../../../risk/negative-list/import-csv"
import { IMPORT_BATCH_SIZE, openImportStore } from "../../../../../risk/negative-list/import-store"
import { csvHeaderGuard } from "./csv-header-guard"

/**
 * The media type of a Content-Type header, without parameters (`text/csv; charset=utf-8` → `text/csv`).
 */
const mediaType = (header: string | string[] | undefined) =>
  String(header ?? "").split(";")[0].trim().toLowerCase()

/**
 * CSV import: the request body is the CSV itself (`Content-Type: text/csv`), read as a stream
 * (the body parser is off for this route). Answers the counts and the rejected rows, and the
 * run's id in the `x-import-run-id` header when anything was stored. Batches of
 * IMPORT_BATCH_SIZE rows are bulk-loaded, each committed with the run's progress
 * (GET /admin/payment-risk/negative-list/imports shows how far a run got).
 *
 * Only `text/csv` is accepted. A browser sends `text/plain` (like form encodings) from any other
 * site without asking first (no CORS preflight), with the merchant's session cookie: accepting it
 * would let a foreign page write into the list. `text/csv` needs a preflight, which Medusa's
 * admin CORS setting refuses for foreign origins.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  if (mediaType(req.headers["content-type"]) !== "text/csv") {
    // nothing is written; the body is drained unread, so the answer is not cut off by a reset connection
    req.resume()
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Invalid request: Content-Type must be text/csv (send the CSV file itself as the request body)"
    )
  }
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const actorId = req.auth_context?.actor_id ?? null
  const csv = csvHeaderGuard()
  req.on("error", (error) => csv.destroy(error))
  let store: Awaited<ReturnType<typeof openImportStore>> | undefined
  try {
    store = await openImportStore(req.scope, service, actorId)
    const { run_id, ...report } = await importNegativeListCsv(req.pipe(csv), service, actorId, {
      batchSize: IMPORT_BATCH_SIZE,
      store,
      // a declared charset (text/csv; charset=windows-1252) is honoured
      contentType: String(req.headers["content-type"] ?? ""),
    })
    // the run's id travels in a header: the answer's JSON stays as it was
    if (run_id) res.setHeader("x-import-run-id", run_id)
    res.json(report)
  } catch (error) {
    // read the rest of a refused file, so the answer is not cut off by a reset connection
    req.unpipe(csv)
    req.resume()
    throw error
  } finally {
    await store?.release()
  }
}
