import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"

export const setReceivableHoldStepId = "set-payment-risk-receivable-hold"

type Hold = "active" | "paused" | "handed_over" | "written_off"
export type SetReceivableHoldInput = {
  order_id: string
  hold: Hold
  /** only change a receivable whose hold is one of these (the claim changed meanwhile: 409) */
  from: Hold[]
}
type Previous = { id: string; hold: Hold } | null

/** Pauses, resumes or closes a receivable; the compensation restores the earlier hold. */
export const setReceivableHoldStep = createStep(
  setReceivableHoldStepId,
  async (input: SetReceivableHoldInput, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const [row] = await service.listReceivables({ order_id: input.order_id }, { take: 1 })
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} has no receivable`)
    if (!input.from.includes(row.hold as Hold)) {
      throw new MedusaError(MedusaError.Types.CONFLICT, `The receivable is ${row.hold}: it cannot be set to ${input.hold}`)
    }
    const updated = await service.updateReceivables({ id: row.id, hold: input.hold })
    return new StepResponse(updated, { id: row.id, hold: row.hold as Hold } as Previous)
  },
  async (previous: Previous | undefined, { container }) => {
    if (!previous) return
    await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).updateReceivables({ id: previous.id, hold: previous.hold })
  }
)
