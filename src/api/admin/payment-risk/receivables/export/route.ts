import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { collectionExportCsv, CollectionExportRow } from "../../../../../risk/documents/collection-export"
import { collectionRow } from "../../../../../risk/dunning/documents"
import { streamReceivables } from "../../../../../risk/dunning/load-receivables"
import { today } from "../../../../../risk/dunning/receivable-view"
import { withRedactedHandlerErrors } from "../../../../utils/redact-request-errors"
import { AdminExportReceivablesType } from "../validators"

/**
 * The claims of a status (default `handed_over`) as the CSV a collection agency imports: debtor,
 * address, email, phone, order, invoice/due/last-stage days, principal, fees, interest,
 * payments, amount due (semicolons, decimal comma, every cell guarded against formulas).
 */
export const GET = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<unknown, AdminExportReceivablesType>, res: MedusaResponse) => {
  const { status } = req.validatedQuery as AdminExportReceivablesType
  const settings = await req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getSettings()
  const day = today()
  const rows: CollectionExportRow[] = []
  for await (const batch of streamReceivables(req.scope, day, settings)) {
    for (const loaded of batch) if (loaded.view.status === status) rows.push(collectionRow(loaded, settings))
  }
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="receivables-${status}-${day}.csv"`)
  res.setHeader("Cache-Control", "no-store")
  res.status(200).send(collectionExportCsv(rows))
})
