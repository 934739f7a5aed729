import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { asDate } from "../../utils/as-date"

export const deleteSecurityTipStepId = "delete-payment-risk-security-tip"

type TipRow = Awaited<ReturnType<PaymentRiskModuleService["retrieveSecurityTip"]>>

/**
 * Deletes a tip. NOT_FOUND for an unknown tip. The compensation creates it again from the row
 * read before, with its id (a default tip keeps its key, so it is not offered again).
 */
export const deleteSecurityTipStep = createStep(
  deleteSecurityTipStepId,
  async (input: { id: string }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const tip = await service.retrieveSecurityTip(input.id)
    await service.deleteSecurityTips(tip.id)
    return new StepResponse({ id: tip.id }, tip)
  },
  async (tip: TipRow | undefined, { container }) => {
    if (!tip) {
      return
    }
    const { deleted_at: _deletedAt, updated_at: _updatedAt, created_at: _createdAt, valid_from, valid_until, ...row } = tip
    await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).createSecurityTips({
      ...row,
      valid_from: asDate(valid_from ?? null),
      valid_until: asDate(valid_until ?? null),
    })
  }
)
