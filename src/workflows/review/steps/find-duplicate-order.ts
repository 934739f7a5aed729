import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { DuplicateOrder, findDuplicateOrder } from "../../../risk/signals/duplicate-order"

export const findDuplicateOrderStepId = "find-payment-risk-duplicate-order"

export type { DuplicateOrder }

/**
 * Duplicate order: another completed cart with the same contents within the merchant's window
 * by the same shopper (customer, email, person and address, IBAN or card — never the IP alone;
 * see risk/signals/duplicate-order). Read only.
 */
export const findDuplicateOrderStep = createStep(
  findDuplicateOrderStepId,
  async (input: { cart_id: string }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    return new StepResponse<DuplicateOrder | null>(await findDuplicateOrder(container, service, input.cart_id))
  }
)
