import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  abandonCartPaymentRisk,
  CompletionCheck,
  validateCartPaymentRisk,
} from "../../risk/completion/validate-completion"
import { shopperRequestFrom } from "../../risk/completion/shopper-request"

/*
 * Second line of defence (the first is the payment-sessions middleware): completion
 * re-evaluates the cart as it is now. A Medusa app takes one handler per hook: a store that
 * already handles this hook sets PAYMENT_RISK_COMPLETE_CART_HOOK=off and calls the same
 * functions from its own handler (README, "Stores that own the complete-cart validate hook").
 */
if (process.env.PAYMENT_RISK_COMPLETE_CART_HOOK !== "off") {
  completeCartWorkflow.hooks.validate(
    async ({ cart }, { container }) => {
      const check = await validateCartPaymentRisk(container, cart.id, shopperRequestFrom(container, cart.id), cart)
      return new StepResponse(check, check)
    },
    async (check: CompletionCheck | undefined, { container }) => {
      await abandonCartPaymentRisk(container, check)
    }
  )
}
