import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  abandonCartPaymentRisk,
  CompletionCheck,
  validateCartPaymentRisk,
} from "../../../risk/completion/validate-completion"
import { shopperRequestFrom } from "../../../risk/completion/shopper-request"

export const validateCartPaymentRiskStepId = "validate-cart-payment-risk"

/**
 * Refuses a cart whose selected payment provider the payment-risk decision does not allow,
 * and records the assessment. Use it in your own checkout workflow before the order is
 * created; the compensation frees the shopper's first-order slot if a later step fails.
 */
export const validateCartPaymentRiskStep = createStep(
  validateCartPaymentRiskStepId,
  async (input: { cart_id: string }, { container }) => {
    const check = await validateCartPaymentRisk(container, input.cart_id, shopperRequestFrom(container, input.cart_id))
    return new StepResponse(check, check)
  },
  async (check: CompletionCheck | undefined, { container }) => {
    await abandonCartPaymentRisk(container, check)
  }
)
