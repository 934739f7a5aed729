import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withReceivableLock } from "../../../../../../risk/dunning/receivable-lock"
import { RUNNING_STATUSES } from "../../../../../../risk/dunning/statuses"
import { setReceivableHoldWorkflow } from "../../../../../../workflows/receivables/set-receivable-hold"
import { withRedactedHandlerErrors } from "../../../../../utils/redact-request-errors"
import { throwAsError } from "../../../workflow-error"
import { notApplicable, receivableOr404, serializeReceivable } from "../../serialize"

/** Pauses the dunning (a complaint, an agreed instalment) → `{ receivable }`; 409 unless it is running. */
export const POST = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const orderId = req.params.order_id
  // under the receivable's lock: a payment or a write-off at the same moment is seen, not overwritten
  await withReceivableLock(req.scope, orderId, async () => {
    const { view } = await receivableOr404(req.scope, orderId)
    if (!RUNNING_STATUSES.includes(view.status)) notApplicable(`The receivable is ${view.status}: it cannot be paused`)
    await setReceivableHoldWorkflow(req.scope).run({ input: { order_id: orderId, hold: "paused", from: ["active"] } }).catch(throwAsError)
  })
  res.json({ receivable: serializeReceivable(await receivableOr404(req.scope, orderId)) })
})
