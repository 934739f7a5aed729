import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { roundCents } from "../../../../../../engine"
import { today } from "../../../../../../risk/dunning/receivable-view"
import { recordReceivablePaymentWorkflow } from "../../../../../../workflows/receivables/record-receivable-payment"
import { withRedactedHandlerErrors } from "../../../../../utils/redact-request-errors"
import { throwAsError } from "../../../workflow-error"
import { notApplicable, receivableOr404, serializeReceivable } from "../../serialize"
import { AdminReceivablePaymentType } from "../../validators"

/**
 * Records a payment on the claim → `{ receivable, captured_payment_ids, outcome }`. A payment of
 * today goes through Medusa's capture as far as the order's payments can still be captured; the
 * rest, and any payment of an earlier day (its value date matters for the interest), is recorded
 * as an outcome `payment_received`. Credited to costs, then interest, then principal (§367 BGB).
 * 409 for a claim paid, written off or handed over; 400 for more than is due.
 */
export const POST = withRedactedHandlerErrors(async (req: AuthenticatedMedusaRequest<AdminReceivablePaymentType>, res: MedusaResponse) => {
  const orderId = req.params.order_id
  const { amount, paid_at } = req.validatedBody
  const day = paid_at ?? today()
  const { view, order } = await receivableOr404(req.scope, orderId, day)
  if (view.status === "paid" || view.status === "written_off" || view.status === "handed_over") {
    notApplicable(`The receivable is ${view.status}: no payment can be recorded`)
  }
  if (paid_at && paid_at < view.invoice_date) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Value for field 'paid_at': must not be before the invoice date (${view.invoice_date})`)
  }
  if (amount > view.total_due + 1e-9) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Value for field 'amount': must not exceed the amount due (${view.total_due.toFixed(2)})`)
  }
  const captures: Array<{ payment_id: string; amount: number }> = []
  let rest = amount
  if (day === today()) {
    for (const payment of order?.capturable ?? []) {
      if (rest <= 0) break
      const part = roundCents(Math.min(rest, payment.amount))
      captures.push({ payment_id: payment.payment_id, amount: part })
      rest = roundCents(rest - part)
    }
  }
  const { result } = await recordReceivablePaymentWorkflow(req.scope)
    .run({
      input: {
        order_id: orderId,
        currency_code: view.currency_code,
        captures,
        recorded_amount: rest,
        paid_at: paid_at ? new Date(`${paid_at}T12:00:00Z`) : new Date(),
        actor_id: req.auth_context?.actor_id ?? null,
      },
    })
    .catch(throwAsError)
  res.json({ receivable: serializeReceivable(await receivableOr404(req.scope, orderId)), ...result })
})
