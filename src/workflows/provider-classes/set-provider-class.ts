import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { PaymentClass } from "../../engine"
import { setProviderClassStep } from "./steps/set-provider-class"
import { validatePaymentProviderStep } from "./steps/validate-payment-provider"

export const setProviderClassWorkflowId = "set-payment-risk-provider-class"

/** The merchant confirms or changes the risk class of a payment provider Medusa knows. */
export const setProviderClassWorkflow = createWorkflow(
  setProviderClassWorkflowId,
  (input: { provider_id: string; risk_class: PaymentClass }) => {
    validatePaymentProviderStep({ provider_id: input.provider_id })
    return new WorkflowResponse({ provider: setProviderClassStep(input) })
  }
)
