import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const validatePaymentProviderStepId = "validate-payment-risk-payment-provider"

/** The payment provider exists in Medusa. No side effects: NOT_FOUND otherwise. */
export const validatePaymentProviderStep = createStep(
  validatePaymentProviderStepId,
  async (input: { provider_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "payment_provider", fields: ["id"], filters: { id: input.provider_id } })
    if (!data.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment provider ${input.provider_id} was not found`)
    }
    return new StepResponse({ id: input.provider_id })
  }
)
