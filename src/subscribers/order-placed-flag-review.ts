import { SubscriberArgs, type SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { flagOrderForReviewWorkflow } from "../workflows/flag-order-for-review"

/**
 * Holds a placed order for payment-risk review when its rules asked for it or it duplicates a
 * recent order. Runs after the order exists, so placing the order is never slowed by it.
 */
export default async function flagReviewOnOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: "order_cart",
    fields: ["cart_id", "order_id"],
    filters: { order_id: data.id },
  })
  const cartId = (links[0] as { cart_id?: string } | undefined)?.cart_id
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
