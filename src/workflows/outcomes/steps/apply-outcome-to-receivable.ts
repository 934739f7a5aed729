import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { loadReceivableOrder } from "../../../risk/dunning/load-order"
import { newReceivable } from "../../../risk/dunning/open-receivable"
import type { RecordedOutcome } from "./create-outcome"

export const applyOutcomeToReceivableStepId = "apply-payment-risk-outcome-to-receivable"

type Hold = "active" | "paused" | "handed_over" | "written_off"
/** what the compensation restores: a receivable to delete, or the earlier hold and reopening */
type Undo = { created: string } | { id: string; hold: Hold; reopened_by: string | null; address_research: boolean } | null

/** The hold an outcome puts the order's receivable on. */
const HOLD_AFTER: Partial<Record<string, Hold>> = {
  return_debit: "active",
  chargeback: "active",
  handed_over: "handed_over",
  written_off: "written_off",
}

/**
 * What an outcome does to the order's receivable: a returned debit or a chargeback reopens it
 * (dunning runs again; the returned amount is owed again and the fee joins the claim) and
 * opens one, dated the day of the event, where the order had none; a claim handed over or
 * written off is closed; a letter returned "unknown at this address" flags it for address
 * research (§5.3.5). A repeated event does nothing. The compensation restores the earlier
 * state.
 */
export const applyOutcomeToReceivableStep = createStep(
  applyOutcomeToReceivableStepId,
  async (input: RecordedOutcome, { container }) => {
    const kind = String(input.outcome.kind)
    // a provider's chargeback without an amount (Stripe's early fraud warning) moved no money
    // yet: it lists, but opens no claim — dunning the cardholder of a stolen card would hit the
    // victim. (A chargeback the merchant records without an amount means the whole payment.)
    const announced = kind === "chargeback" && input.outcome.source === "webhook" && !(Number(input.outcome.amount) > 0)
    const hold = announced ? undefined : HOLD_AFTER[kind]
    const addressUnknown = kind === "address_unknown"
    if (input.duplicate || (!hold && !addressUnknown)) return new StepResponse(null, null as Undo)
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const orderId = String(input.outcome.order_id)
    const reopening = hold === "active"
    const [row] = await service.listReceivables({ order_id: orderId }, { take: 1 })
    if (row) {
      const undo: Undo = { id: row.id, hold: row.hold as Hold, reopened_by: row.reopened_by ?? null, address_research: row.address_research }
      const updated = await service.updateReceivables({
        id: row.id,
        ...(hold ? { hold } : {}),
        ...(reopening ? { reopened_by: input.outcome.id } : {}),
        ...(addressUnknown ? { address_research: true } : {}),
      })
      return new StepResponse(updated, undo)
    }
    if (!reopening) return new StepResponse(null, null as Undo)
    const order = await loadReceivableOrder(container, orderId)
    if (!order) return new StepResponse(null, null as Undo)
    const created = await service.createReceivables({
      ...newReceivable(
        order,
        input.outcome.occurred_at as Date,
        input.outcome.id,
        (await service.getSettings()).dunning.business_customer_group_ids
      ),
      hold: "active",
    })
    return new StepResponse(created, { created: created.id } as Undo)
  },
  async (undo: Undo | undefined, { container }) => {
    if (!undo) return
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    if ("created" in undo) {
      await service.deleteReceivables(undo.created)
      return
    }
    await service.updateReceivables({ id: undo.id, hold: undo.hold, reopened_by: undo.reopened_by, address_research: undo.address_research })
  }
)
