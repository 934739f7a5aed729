import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../../modules/payment-risk/service"
import { stageNote } from "../../../../../../risk/dunning/stage-notification"
import { withReceivableLock } from "../../../../../../risk/dunning/receivable-lock"
import { RUNNING_STATUSES } from "../../../../../../risk/dunning/statuses"
import { sendDunningStageWorkflow } from "../../../../../../workflows/receivables/send-dunning-stage"
import { withRedactedHandlerErrors } from "../../../../../utils/redact-request-errors"
import { throwAsError } from "../../../workflow-error"
import { notApplicable, receivableOr404, serializeReceivable } from "../../serialize"

/**
 * Sends the next dunning stage now (email where its channel says so; a letter is printed from
 * the letter route) → `{ receivable, outcome, email_sent, email_failed }`. 409 when the claim is not running
 * (paid, paused, closed) or the last stage was sent (hand it over instead).
 */
export const POST = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const orderId = req.params.order_id
  // under the receivable's lock: a payment at the same moment is seen (no reminder for a paid claim)
  const result = await withReceivableLock(req.scope, orderId, async () => {
    const { view } = await receivableOr404(req.scope, orderId)
    if (!RUNNING_STATUSES.includes(view.status)) notApplicable(`The receivable is ${view.status}: no dunning stage can be sent`)
    const settings = await req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getSettings()
    const next = view.stage === null ? 0 : view.stage + 1
    const stage = settings.dunning.stages[next]
    if (!stage) notApplicable("The last dunning stage was sent: hand the receivable over to collection or write it off")
    const { result } = await sendDunningStageWorkflow(req.scope)
      .run({ input: { order_id: orderId, stage: next, actor_id: req.auth_context?.actor_id ?? null, note: stageNote(stage.channel) } })
      .catch(throwAsError)
    return result
  })
  if (result.duplicate) notApplicable("This dunning stage was sent a moment ago")
  const fresh = await receivableOr404(req.scope, orderId)
  res.json({ receivable: serializeReceivable(fresh), outcome: result.outcome, email_sent: result.email_sent, email_failed: result.email_failed })
})
