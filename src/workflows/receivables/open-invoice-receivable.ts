import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { openReceivableStep } from "./steps/open-receivable"
import { prepareInvoiceReceivableStep } from "./steps/prepare-invoice-receivable"

export const openInvoiceReceivableWorkflowId = "open-payment-risk-invoice-receivable"

/** Opens a receivable for an order placed with a payment method of class `invoice` (once per order). */
export const openInvoiceReceivableWorkflow = createWorkflow(openInvoiceReceivableWorkflowId, (input: { order_id: string }) => {
  const prepared = prepareInvoiceReceivableStep(input)
  return new WorkflowResponse(openReceivableStep(prepared))
})
