import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const validateSecurityTipWindowStepId = "validate-payment-risk-security-tip-window"

/** zod's refinement messages are passed through as they are: name the field like Medusa does */
export const WINDOW_MESSAGE = "Value for field 'valid_until': must be after valid_from"
const FROM_MESSAGE = "Value for field 'valid_from': must be before valid_until"

type Bound = Date | string | null | undefined

const time = (value: Bound) => (value ? new Date(value).getTime() : null)

/**
 * A tip's validity window after a partial update: the bound that is not sent is the stored one;
 * the message names the bound that was sent. No side effects: NOT_FOUND for an unknown tip,
 * INVALID_DATA (400) for a window that ends before it starts.
 */
export const validateSecurityTipWindowStep = createStep(
  validateSecurityTipWindowStepId,
  async (input: { id: string; valid_from?: Bound; valid_until?: Bound }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const current = await service.retrieveSecurityTip(input.id)
    const from = time(input.valid_from !== undefined ? input.valid_from : current.valid_from)
    const until = time(input.valid_until !== undefined ? input.valid_until : current.valid_until)
    if (from !== null && until !== null && from >= until) {
      const message = input.valid_until !== undefined ? WINDOW_MESSAGE : FROM_MESSAGE
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${message}`)
    }
    return new StepResponse({ id: current.id })
  }
)
