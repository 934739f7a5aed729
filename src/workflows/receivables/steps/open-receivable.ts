import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const openReceivableStepId = "open-payment-risk-receivable"

export type OpenReceivableInput = {
  order_id: string
  currency_code: string
  debtor_type: "consumer" | "business"
  principal: number
  invoice_date: Date
  reopened_by?: string | null
} | null

const isUniqueViolation = (error: unknown) =>
  /duplicate key|unique constraint|already exists/i.test(String((error as { message?: unknown })?.message ?? error))

/**
 * Opens the order's receivable once: an order that has one keeps it (also when two events open
 * it at the same moment — the unique order id decides). Returns the receivable and whether it
 * is new; the compensation deletes a new one.
 */
export const openReceivableStep = createStep(
  openReceivableStepId,
  async (input: OpenReceivableInput, { container }) => {
    if (!input) return new StepResponse(null, null)
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const existing = async () => (await service.listReceivables({ order_id: input.order_id }, { take: 1 }))[0]
    const before = await existing()
    if (before) return new StepResponse({ receivable: before, created: false }, null)
    try {
      const receivable = await service.createReceivables({ ...input, reopened_by: input.reopened_by ?? null, hold: "active" })
      return new StepResponse({ receivable, created: true }, receivable.id)
    } catch (error) {
      const raced = isUniqueViolation(error) ? await existing() : undefined
      if (raced) return new StepResponse({ receivable: raced, created: false }, null)
      throw error
    }
  },
  async (id: string | null | undefined, { container }) => {
    if (!id) return
    await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).deleteReceivables(id)
  }
)
