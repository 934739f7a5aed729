import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const createPaymentOutcomeStepId = "create-payment-risk-payment-outcome"

export type PaymentOutcomeInput = {
  order_id: string
  currency_code: string
  amount: number
  paid_at: Date
  actor_id: string | null
} | null

/**
 * Records money received outside Medusa's payment (a bank transfer to the invoice) as an
 * outcome `payment_received` (no negative-list consequence). The compensation deletes it.
 */
export const createPaymentOutcomeStep = createStep(
  createPaymentOutcomeStepId,
  async (input: PaymentOutcomeInput, { container }) => {
    if (!input || !(input.amount > 0)) return new StepResponse(null, null)
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const outcome = await service.createPaymentOutcomes({
      order_id: input.order_id,
      kind: "payment_received",
      amount: input.amount,
      currency_code: input.currency_code,
      occurred_at: input.paid_at,
      source: "admin",
      external_id: null,
      created_by: input.actor_id,
      list_entry_ids: [],
    })
    return new StepResponse(outcome, outcome.id)
  },
  async (id: string | null | undefined, { container }) => {
    if (!id) return
    await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).deletePaymentOutcomes(id)
  }
)
