import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const linkOutcomeEntriesStepId = "link-payment-risk-outcome-entries"

/** Keeps the ids of the list entries an outcome created on the outcome (the link back). */
export const linkOutcomeEntriesStep = createStep(
  linkOutcomeEntriesStepId,
  async (input: { outcome_id: string; entry_ids: string[] }, { container }) => {
    if (!input.entry_ids.length) return new StepResponse(null, null)
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    await service.updatePaymentOutcomes({ id: input.outcome_id, list_entry_ids: input.entry_ids })
    return new StepResponse(null, input.outcome_id)
  },
  async (id: string | null | undefined, { container }) => {
    if (!id) return
    await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).updatePaymentOutcomes({ id, list_entry_ids: [] })
  }
)
