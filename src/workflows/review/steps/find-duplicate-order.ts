import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { orderIdOfCart } from "../../../risk/readers/cart-of-order"

export const findDuplicateOrderStepId = "find-payment-risk-duplicate-order"

export type DuplicateOrder = { cart_id: string; order_id: string | null; completed_at: string }

/**
 * Duplicate order (seed 003 §5.2.1): another completed cart with the same contents, completed
 * within the merchant's window before this one, from the same customer, email or IP (keyed
 * hashes from the cart signals). One indexed query (contents_key, completed_at). Read only.
 */
export const findDuplicateOrderStep = createStep(
  findDuplicateOrderStepId,
  async (input: { cart_id: string }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const [signal] = await service.listCartSignals({ cart_id: input.cart_id }, { take: 1 })
    if (!signal?.contents_key) {
      return new StepResponse<DuplicateOrder | null>(null)
    }
    const same: Record<string, string>[] = []
    if (signal.customer_id) same.push({ customer_id: signal.customer_id })
    if (signal.email_key) same.push({ email_key: signal.email_key })
    if (signal.ip_key) same.push({ ip_key: signal.ip_key })
    if (!same.length) {
      return new StepResponse<DuplicateOrder | null>(null)
    }

    const { rules } = await service.getSettings()
    const completedAt = signal.completed_at ? new Date(signal.completed_at) : new Date()
    const since = new Date(completedAt.getTime() - rules.duplicate_window_minutes * 60_000)
    const [other] = await service.listCartSignals(
      {
        contents_key: signal.contents_key,
        cart_id: { $ne: input.cart_id },
        completed_at: { $gte: since, $lte: completedAt },
        $or: same,
      },
      { take: 1, order: { completed_at: "DESC" }, select: ["cart_id", "order_id", "completed_at"] }
    )
    if (!other) {
      return new StepResponse<DuplicateOrder | null>(null)
    }

    const orderId = other.order_id ?? (await orderIdOfCart(container, other.cart_id))
    return new StepResponse<DuplicateOrder | null>({
      cart_id: other.cart_id,
      order_id: orderId,
      completed_at: new Date(other.completed_at!).toISOString(),
    })
  }
)
