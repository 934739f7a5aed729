import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

/** The message of the hold; the admin shows it as it is. */
export const reviewHoldMessage = (orderId: string) =>
  `Order ${orderId} awaits payment-risk review: approve it first`

/**
 * Refuses a fulfillment while the order's assessment awaits review (one indexed lookup by
 * order id). Approved, cancelled or never flagged orders pass through untouched.
 */
export async function refuseFulfillmentWhileInReview(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const orderId = req.params.id
    const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const held = await service.listRiskAssessments(
      { order_id: orderId, review_status: "pending" },
      { take: 1, select: ["id"] }
    )
    if (held.length) {
      return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, reviewHoldMessage(orderId)))
    }
    return next()
  } catch (error) {
    return next(error)
  }
}
