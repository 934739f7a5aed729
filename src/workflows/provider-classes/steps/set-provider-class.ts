import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PaymentClass } from "../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const setProviderClassStepId = "set-payment-risk-provider-class"

/** The merchant's earlier choice for the provider; null when it had none (the default applied). */
type Previous = { provider_id: string; risk_class: PaymentClass | null }

/**
 * Stores the merchant's risk class for a payment provider; returns the provider's class view.
 * The compensation restores the earlier choice, or removes the choice when there was none.
 */
export const setProviderClassStep = createStep(
  setProviderClassStepId,
  async (input: { provider_id: string; risk_class: PaymentClass }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const [row] = await service.listProviderClassifications({ provider_id: input.provider_id }, { take: 1 })
    const provider = await service.setProviderClass(input.provider_id, input.risk_class)
    const previous: Previous = { provider_id: input.provider_id, risk_class: row?.risk_class ?? null }
    return new StepResponse(provider, previous)
  },
  async (previous: Previous | undefined, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    if (previous.risk_class) {
      await service.setProviderClass(previous.provider_id, previous.risk_class)
      return
    }
    const rows = await service.listProviderClassifications({ provider_id: previous.provider_id }, { select: ["id"] })
    if (rows.length) {
      await service.deleteProviderClassifications(rows.map((row) => row.id))
    }
  }
)
