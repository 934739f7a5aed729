import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { invoiceReceivableFor } from "../../../risk/dunning/open-receivable"

export const prepareInvoiceReceivableStepId = "prepare-payment-risk-invoice-receivable"

/** The receivable an order paid by invoice opens, or null for another payment method. Read only. */
export const prepareInvoiceReceivableStep = createStep(prepareInvoiceReceivableStepId, async (input: { order_id: string }, { container }) => {
  return new StepResponse(await invoiceReceivableFor(container, input.order_id))
})
