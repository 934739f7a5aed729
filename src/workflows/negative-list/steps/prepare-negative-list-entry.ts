import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EntryInput } from "../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { prepareEntry } from "../../../risk/negative-list/prepare-entry"

export const prepareNegativeListEntryStepId = "prepare-payment-risk-negative-list-entry"

/**
 * Validates, normalises and hashes an entry the merchant typed: a clear IBAN or card number goes
 * no further than this step. Read only; INVALID_DATA (400) naming the field.
 */
export const prepareNegativeListEntryStep = createStep(
  prepareNegativeListEntryStepId,
  async (input: { entry: EntryInput }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    return new StepResponse(prepareEntry(input.entry, service))
  }
)
