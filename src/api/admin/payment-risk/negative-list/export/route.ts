import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { stringify } from "csv-stringify"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService, { EXPORT_COLUMNS } from "../../../../../modules/payment-risk/service"
import { escapeCsvCell } from "../../../../../engine/csv-cell"
import { escapeLike } from "../../../../../engine/identity/shopper-key"
import { AdminExportNegativeListType } from "../validators"

/** Dates as ISO text; text a spreadsheet would run as a formula with a leading `'` (CSV injection). */
const cell = (value: unknown) => (value instanceof Date ? value.toISOString() : escapeCsvCell(value))

/**
 * CSV export of the list (same filters as the list route), streamed page by page. IBANs and
 * cards appear as keyed hash + display hint: the clear numbers are not stored anywhere. Every
 * cell is escaped against formula injection: entries hold names shoppers typed, and entries
 * stored before the write paths refused formulas may still start with one.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminExportNegativeListType>,
  res: MedusaResponse
) => {
  const { q, kind, source, expired } = req.validatedQuery as AdminExportNegativeListType
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const pages = service.streamListEntries({
    kind,
    source,
    q: q ? escapeLike(q.toLowerCase()) : undefined,
    expired: expired === undefined ? undefined : expired === "true",
  })
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", 'attachment; filename="negative-list.csv"')
  // every cell quoted: a spreadsheet that splits on ";" or tabs (German Excel) keeps a cell
  // whole, so a formula after a separator inside a shopper's name never becomes a cell
  const csv = stringify({ header: true, columns: EXPORT_COLUMNS, quoted: true })
  csv.pipe(res)
  for await (const page of pages) {
    for (const row of page) {
      if (!csv.write(EXPORT_COLUMNS.map((column) => cell(row[column])))) {
        await new Promise((resolve) => csv.once("drain", resolve))
      }
    }
  }
  csv.end()
}
