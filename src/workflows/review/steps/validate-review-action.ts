import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { cartIdOfOrder } from "../../../risk/readers/cart-of-order"
import type { ReviewStatus } from "./set-review-status"

export const validateReviewActionStepId = "validate-payment-risk-review-action"

export type OrderAssessmentRef = { id: string; review_status: ReviewStatus; order_id: string }

/**
 * The assessment of an order: by its order id (indexed), else through the order's cart (the
 * link subscriber may not have written the order id yet). NOT_FOUND for an unknown order or an
 * order placed without an assessment.
 */
export async function loadOrderAssessment(container: MedusaContainer, orderId: string): Promise<OrderAssessmentRef> {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const fields = ["id", "review_status", "order_id"]
  let [row] = await service.listRiskAssessments({ order_id: orderId }, { take: 1, select: fields })
  if (!row) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({ entity: "order", fields: ["id"], filters: { id: orderId } })
    if (!orders.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
    }
    const cartId = await cartIdOfOrder(container, orderId)
    if (cartId) {
      ;[row] = await service.listRiskAssessments({ cart_id: cartId }, { take: 1, select: fields })
    }
  }
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} has no payment-risk assessment`)
  }
  return { id: row.id, review_status: row.review_status as ReviewStatus, order_id: orderId }
}

const ACTION_TEXT = { approve: "approved", cancel: "cancelled" } as const

/**
 * Checks that the order has an assessment in one of the statuses the action may start from.
 * No side effects: NOT_FOUND or NOT_ALLOWED (400) with a message the admin can show.
 */
export const validateReviewActionStep = createStep(
  validateReviewActionStepId,
  async (
    input: { order_id: string; action: "approve" | "cancel" | "list"; allowed_from: ReviewStatus[] },
    { container }
  ) => {
    const assessment = await loadOrderAssessment(container, input.order_id)
    if (!input.allowed_from.includes(assessment.review_status)) {
      const verb = input.action === "list" ? "listed" : ACTION_TEXT[input.action]
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${input.order_id} cannot be ${verb}: its payment-risk review status is "${assessment.review_status}" (allowed: ${input.allowed_from.join(", ")})`
      )
    }
    return new StepResponse(assessment)
  }
)
