import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const validateShopperErasureStepId = "validate-payment-risk-shopper-erasure"

/**
 * Refuses an erasure while one of the shopper's orders awaits payment-risk review: scrubbing
 * its assessment removes the order link, and with it the hold that keeps the order from being
 * fulfilled before the merchant decided. The merchant approves or cancels the review first
 * (a matter of days), then erases. No side effects.
 */
export const validateShopperErasureStep = createStep(
  validateShopperErasureStepId,
  async (input: { pending_review_order_ids: string[] }) => {
    if (input.pending_review_order_ids.length) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${input.pending_review_order_ids.join(", ")} awaits payment-risk review: approve or cancel it before erasing the shopper's data`
      )
    }
    return new StepResponse(undefined)
  }
)
