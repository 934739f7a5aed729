import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withReceivableLock } from "../../../../../../risk/dunning/receivable-lock"
import { setReceivableHoldWorkflow } from "../../../../../../workflows/receivables/set-receivable-hold"
import { withRedactedHandlerErrors } from "../../../../../utils/redact-request-errors"
import { throwAsError } from "../../../workflow-error"
import { notApplicable, receivableOr404, serializeReceivable } from "../../serialize"

/** Resumes a paused dunning → `{ receivable }`; 409 unless it is paused (and still owed). */
export const POST = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const orderId = req.params.order_id
  await withReceivableLock(req.scope, orderId, async () => {
    const { view } = await receivableOr404(req.scope, orderId)
    if (view.status !== "paused") notApplicable(`The receivable is ${view.status}: only a paused one can be resumed`)
    await setReceivableHoldWorkflow(req.scope).run({ input: { order_id: orderId, hold: "active", from: ["paused"] } }).catch(throwAsError)
  })
  res.json({ receivable: serializeReceivable(await receivableOr404(req.scope, orderId)) })
})
