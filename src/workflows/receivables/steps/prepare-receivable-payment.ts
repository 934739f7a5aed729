import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { roundCents } from "../../../engine"
import { loadReceivable } from "../../../risk/dunning/load-receivables"
import { today } from "../../../risk/dunning/receivable-view"

export const prepareReceivablePaymentStepId = "prepare-payment-risk-receivable-payment"

export type ReceivablePaymentRequest = {
  order_id: string
  amount: number
  /** the day the money arrived (YYYY-MM-DD); today when absent */
  paid_at?: string | null
  actor_id: string | null
}

export type PreparedReceivablePayment = {
  order_id: string
  currency_code: string
  /** amounts to capture on the order's payments (Medusa's capture) */
  captures: Array<{ payment_id: string; amount: number }>
  /** the rest, recorded as an outcome `payment_received` */
  recorded_amount: number
  paid_at: Date
  actor_id: string | null
}

/**
 * Checks a payment against the claim as it stands now (read here, so under the receivable's
 * lock it sees every payment recorded before it) and splits it: a payment of today is captured
 * through Medusa as far as the order's payments can still be captured, the rest — and any
 * payment of an earlier day, whose value date matters for the interest — is recorded as an
 * outcome. 404 without a receivable; 409 for a claim paid, written off or handed over; 400
 * naming `amount` for more than is due, `paid_at` for a day before the invoice. Read only.
 */
export const prepareReceivablePaymentStep = createStep(prepareReceivablePaymentStepId, async (input: ReceivablePaymentRequest, { container }) => {
  const day = input.paid_at ?? today()
  const loaded = await loadReceivable(container, input.order_id, day)
  if (!loaded) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} has no receivable`)
  const { view, order } = loaded
  if (view.status === "paid" || view.status === "written_off" || view.status === "handed_over") {
    throw new MedusaError(MedusaError.Types.CONFLICT, `The receivable is ${view.status}: no payment can be recorded`)
  }
  if (input.paid_at && input.paid_at < view.invoice_date) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Value for field 'paid_at': must not be before the invoice date (${view.invoice_date})`)
  }
  if (input.amount > view.total_due + 1e-9) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Value for field 'amount': must not exceed the amount due (${view.total_due.toFixed(2)})`)
  }
  const captures: PreparedReceivablePayment["captures"] = []
  let rest = input.amount
  if (day === today()) {
    for (const payment of order?.capturable ?? []) {
      if (rest <= 0) break
      const part = roundCents(Math.min(rest, payment.amount))
      captures.push({ payment_id: payment.payment_id, amount: part })
      rest = roundCents(rest - part)
    }
  }
  const prepared: PreparedReceivablePayment = {
    order_id: input.order_id,
    currency_code: view.currency_code,
    captures,
    recorded_amount: rest,
    paid_at: input.paid_at ? new Date(`${input.paid_at}T12:00:00Z`) : new Date(),
    actor_id: input.actor_id,
  }
  return new StepResponse(prepared)
})
