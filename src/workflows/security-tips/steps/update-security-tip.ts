import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { asDate } from "../../utils/as-date"
import type { NewSecurityTip } from "./create-security-tip"

export const updateSecurityTipStepId = "update-payment-risk-security-tip"

/** The fields of a tip the merchant may change; the ones not sent stay. */
export type SecurityTipUpdate = Partial<NewSecurityTip>

type TipRow = Awaited<ReturnType<PaymentRiskModuleService["retrieveSecurityTip"]>>
type TipColumns = Omit<SecurityTipUpdate, "valid_from" | "valid_until"> & {
  id: string
  valid_from?: Date | null
  valid_until?: Date | null
}

const FIELDS = ["title", "body", "locale", "placement", "rank", "active", "valid_from", "valid_until"] as const

/** The columns to write (dates as Dates: they may arrive as ISO strings). */
function columnsOf(id: string, values: SecurityTipUpdate): TipColumns {
  const { valid_from, valid_until, ...rest } = values
  return {
    id,
    ...rest,
    ...(valid_from !== undefined ? { valid_from: asDate(valid_from) } : {}),
    ...(valid_until !== undefined ? { valid_until: asDate(valid_until) } : {}),
  }
}

/** The values the update replaces, as they were (for the compensation). */
function previousOf(before: TipRow, update: SecurityTipUpdate): SecurityTipUpdate {
  const previous: SecurityTipUpdate = {}
  for (const field of FIELDS) {
    if (update[field] !== undefined) Object.assign(previous, { [field]: before[field] ?? null })
  }
  return previous
}

/** Updates the fields sent of a tip; the compensation writes the earlier values back. */
export const updateSecurityTipStep = createStep(
  updateSecurityTipStepId,
  async (input: { id: string; update: SecurityTipUpdate }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const before = await service.retrieveSecurityTip(input.id)
    const tip = await service.updateSecurityTips(columnsOf(before.id, input.update))
    return new StepResponse(tip, { id: before.id, previous: previousOf(before, input.update) })
  },
  async (undo: { id: string; previous: SecurityTipUpdate } | undefined, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    await service.updateSecurityTips(columnsOf(undo.id, undo.previous))
  }
)
