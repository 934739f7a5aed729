import { capturePaymentWorkflow } from "@medusajs/medusa/core-flows"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const captureOrderPaymentsStepId = "capture-payment-risk-receivable-payments"

export type CaptureInput = { captures: Array<{ payment_id: string; amount: number }>; actor_id: string | null }

/**
 * Captures the order's payments (Medusa's own capture, so the order shows them as paid). The
 * last step of the payment workflow: a capture is not undone.
 */
export const captureOrderPaymentsStep = createStep(captureOrderPaymentsStepId, async (input: CaptureInput, { container }) => {
  const ids: string[] = []
  for (const capture of input.captures) {
    await capturePaymentWorkflow(container).run({
      input: { payment_id: capture.payment_id, amount: capture.amount, ...(input.actor_id ? { captured_by: input.actor_id } : {}) },
    })
    ids.push(capture.payment_id)
  }
  return new StepResponse(ids)
})
