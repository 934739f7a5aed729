import { MedusaContainer } from "@medusajs/framework/types"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { withReceivableLock } from "../../risk/dunning/receivable-lock"
import { captureOrderPaymentsStep } from "./steps/capture-order-payments"
import { createPaymentOutcomeStep } from "./steps/create-payment-outcome"
import { prepareReceivablePaymentStep, ReceivablePaymentRequest } from "./steps/prepare-receivable-payment"

export const recordReceivablePaymentWorkflowId = "record-payment-risk-receivable-payment"

export type RecordReceivablePaymentInput = ReceivablePaymentRequest

/**
 * A payment on a receivable: checked against the claim as it stands (never more than is due),
 * then what the order's payments can still capture is captured through Medusa and the rest is
 * recorded as `payment_received`. The outcome is written first, so a failed capture removes it
 * again. Two payments on one claim at the same moment must not both pass the check: run it
 * through `recordReceivablePayment`, which holds the receivable's row lock around it.
 */
export const recordReceivablePaymentWorkflow = createWorkflow(recordReceivablePaymentWorkflowId, (input: RecordReceivablePaymentInput) => {
  const prepared = prepareReceivablePaymentStep(input)
  const outcomeInput = transform({ prepared }, ({ prepared }) =>
    prepared.recorded_amount > 0
      ? { order_id: prepared.order_id, currency_code: prepared.currency_code, amount: prepared.recorded_amount, paid_at: prepared.paid_at, actor_id: prepared.actor_id }
      : null
  )
  const outcome = createPaymentOutcomeStep(outcomeInput)
  const captureInput = transform({ prepared }, ({ prepared }) => ({ captures: prepared.captures, actor_id: prepared.actor_id }))
  const captured = captureOrderPaymentsStep(captureInput)
  return new WorkflowResponse(transform({ outcome, captured }, ({ outcome, captured }) => ({ outcome, captured_payment_ids: captured })))
})

/** Runs the payment workflow under the receivable's row lock: concurrent payments on one claim are checked one after the other. */
export async function recordReceivablePayment(container: MedusaContainer, input: RecordReceivablePaymentInput) {
  return await withReceivableLock(container, input.order_id, async () => (await recordReceivablePaymentWorkflow(container).run({ input })).result)
}
