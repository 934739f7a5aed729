import { SubscriberArgs, type SubscriberConfig } from "@medusajs/framework"
import { cartIdOfOrder } from "../risk/readers/cart-of-order"
import { PAYMENT_RISK_MODULE } from "../modules/payment-risk"
import PaymentRiskModuleService from "../modules/payment-risk/service"
import { linkRiskAssessmentToOrderWorkflow } from "../workflows/assessment/link-risk-assessment-to-order"

/** Links the assessment taken at completion to the order placed from the cart. */
export default async function linkAssessmentOnOrderPlaced({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const cartId = await cartIdOfOrder(container, data.id)
  if (!cartId) {
    return
  }
  await linkRiskAssessmentToOrderWorkflow(container).run({
    input: { order_id: data.id, cart_id: cartId },
  })
  // the cart's velocity signal learns its order (for duplicate-order details); best effort
  await container
    .resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    .setCartSignalOrder(cartId, data.id)
    .catch(() => undefined)
}

export const config: SubscriberConfig = {
  event: "order.placed",
}
