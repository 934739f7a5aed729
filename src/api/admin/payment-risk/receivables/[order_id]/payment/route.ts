import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordReceivablePayment } from "../../../../../../workflows/receivables/record-receivable-payment"
import { withRedactedHandlerErrors } from "../../../../../utils/redact-request-errors"
import { throwAsError } from "../../../workflow-error"
import { receivableOr404, serializeReceivable } from "../../serialize"
import { AdminReceivablePaymentType } from "../../validators"

/**
 * Records a payment on the claim → `{ receivable, captured_payment_ids, outcome }`. A payment of
 * today goes through Medusa's capture as far as the order's payments can still be captured; the
 * rest, and any payment of an earlier day (its value date matters for the interest), is recorded
 * as an outcome `payment_received`. Credited to costs, then interest, then principal (§367 BGB).
 * Payments on one claim are checked one after the other (the receivable's row lock), so two at
 * the same moment never record more than is due. 404 without a receivable; 409 for a claim paid,
 * written off or handed over (or another change to it still being saved); 400 for more than is due.
 */
export const POST = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<AdminReceivablePaymentType>, res: MedusaResponse) => {
  const orderId = req.params.order_id
  const { amount, paid_at } = req.validatedBody
  const result = await recordReceivablePayment(req.scope, {
    order_id: orderId,
    amount,
    paid_at: paid_at ?? null,
    actor_id: req.auth_context?.actor_id ?? null,
  }).catch(throwAsError)
  res.json({ receivable: serializeReceivable(await receivableOr404(req.scope, orderId)), ...result })
})
