import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import { TIP_PLACEMENTS } from "../../../modules/payment-risk/models/security-tip"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { asDate } from "../../utils/as-date"

export const createSecurityTipStepId = "create-payment-risk-security-tip"

/** A tip as the merchant wrote it (validated by the admin API). */
export type NewSecurityTip = {
  title: string
  body: string
  locale: string
  placement: (typeof TIP_PLACEMENTS)[number]
  rank: number
  active: boolean
  valid_from?: Date | string | null
  valid_until?: Date | string | null
}

/** Creates a merchant's tip; the compensation deletes it again. */
export const createSecurityTipStep = createStep(
  createSecurityTipStepId,
  async (input: NewSecurityTip, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const tip = await service.createSecurityTips({
      ...input,
      valid_from: asDate(input.valid_from) ?? null,
      valid_until: asDate(input.valid_until) ?? null,
    })
    return new StepResponse(tip, tip.id)
  },
  async (id: string | undefined, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).deleteSecurityTips(id)
  }
)
