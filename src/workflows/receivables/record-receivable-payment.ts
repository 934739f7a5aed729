import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { captureOrderPaymentsStep } from "./steps/capture-order-payments"
import { createPaymentOutcomeStep } from "./steps/create-payment-outcome"

export const recordReceivablePaymentWorkflowId = "record-payment-risk-receivable-payment"

export type RecordReceivablePaymentInput = {
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
 * A payment on a receivable: what the order's payments can still capture is captured through
 * Medusa, the rest is recorded as `payment_received`. The outcome is written first, so a failed
 * capture removes it again.
 */
export const recordReceivablePaymentWorkflow = createWorkflow(recordReceivablePaymentWorkflowId, (input: RecordReceivablePaymentInput) => {
  const outcomeInput = transform({ input }, ({ input }) =>
    input.recorded_amount > 0
      ? { order_id: input.order_id, currency_code: input.currency_code, amount: input.recorded_amount, paid_at: input.paid_at, actor_id: input.actor_id }
      : null
  )
  const outcome = createPaymentOutcomeStep(outcomeInput)
  const captureInput = transform({ input }, ({ input }) => ({ captures: input.captures, actor_id: input.actor_id }))
  const captured = captureOrderPaymentsStep(captureInput)
  return new WorkflowResponse(transform({ outcome, captured }, ({ outcome, captured }) => ({ outcome, captured_payment_ids: captured })))
})
