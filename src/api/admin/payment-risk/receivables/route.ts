import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { roundCents } from "../../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { LoadedReceivable, streamReceivables } from "../../../../risk/dunning/load-receivables"
import { today } from "../../../../risk/dunning/receivable-view"
import { emptyTotals } from "../../../../risk/dunning/statuses"
import { withRedactedHandlerErrors } from "../../../utils/redact-request-errors"
import { serializeReceivable } from "./serialize"
import { AdminListReceivablesType } from "./validators"

/**
 * Receivables as of today, newest first, filtered by computed status, last stage sent and
 * overdue → `{ receivables, count, limit, offset, totals }`; `totals` counts every receivable
 * per status (count and amount still due) for the admin's tabs, whatever the filters.
 */
export const GET = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<unknown, AdminListReceivablesType>, res: MedusaResponse) => {
  const { status, stage, overdue, limit, offset } = req.validatedQuery as AdminListReceivablesType
  const settings = await req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getSettings()
  const totals = emptyTotals()
  const matching: LoadedReceivable[] = []
  for await (const batch of streamReceivables(req.scope, today(), settings)) {
    for (const loaded of batch) {
      const { view } = loaded
      totals[view.status].count++
      totals[view.status].amount = roundCents(totals[view.status].amount + view.total_due)
      if (status && view.status !== status) continue
      if (stage !== undefined && view.stage !== stage) continue
      if (overdue !== undefined && view.overdue !== overdue) continue
      matching.push(loaded)
    }
  }
  const page = matching.slice(offset, offset + limit).map((loaded) => {
    const { events: _events, ...item } = serializeReceivable(loaded)
    return item
  })
  res.json({ receivables: page, count: matching.length, limit, offset, totals })
})
