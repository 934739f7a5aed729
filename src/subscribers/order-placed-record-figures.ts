import { SubscriberArgs, type SubscriberConfig } from "@medusajs/framework"
import { recordOrderFiguresWorkflow } from "../workflows/completion/record-order-figures"

/**
 * Records the placed order for the merchant's figures (its payment_risk_order_figure row, its
 * cart's evaluation rows marked completed). Runs after the order exists, so placing the order is
 * never slowed by it; an event delivered twice records once.
 */
export default async function recordFiguresOnOrderPlaced({ event: { data }, container }: SubscriberArgs<{ id: string }>) {
  await recordOrderFiguresWorkflow(container).run({ input: { order_id: data.id } })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "payment-risk-record-figures" },
}
