import { SubscriberArgs, type SubscriberConfig } from "@medusajs/framework"
import { openInvoiceReceivableWorkflow } from "../workflows/receivables/open-invoice-receivable"

/**
 * Opens the receivable of an order placed with a payment method of class `invoice`, so the
 * dunning run follows it until it is paid. Runs after the order exists; an event delivered
 * twice opens one receivable.
 */
export default async function openReceivableOnOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await openInvoiceReceivableWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "payment-risk-open-receivable" },
}
