import { SubscriberArgs, type SubscriberConfig } from "@medusajs/framework"
import { cartIdOfOrder } from "../risk/readers/cart-of-order"
import { flagOrderForReviewWorkflow } from "../workflows/review/flag-order-for-review"

/**
 * Holds a placed order for payment-risk review when its rules asked for it or it duplicates a
 * recent order. Runs after the order exists, so placing the order is never slowed by it.
 */
export default async function flagReviewOnOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const cartId = await cartIdOfOrder(container, data.id)
  if (!cartId) {
    return
  }
  await flagOrderForReviewWorkflow(container).run({
    input: { order_id: data.id, cart_id: cartId },
  })
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "payment-risk-flag-review" },
}
