import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { OutcomeKind, OutcomeSource, redactOutcomeNote } from "../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { OrderEntriesPlan, planOutcomeEntries } from "../../../risk/negative-list/plan-order-entries"
import { loadOrderListData } from "../../../risk/readers/order-list-data"

export const prepareOutcomeStepId = "prepare-payment-risk-outcome"

export type RecordOutcomeInput = {
  order_id: string
  kind: OutcomeKind
  reason_code?: string | null
  amount?: number | null
  fee?: number | null
  occurred_at?: string | Date | null
  note?: string | null
  source: OutcomeSource
  /** a provider's event id or the caller's idempotency key: the same event is recorded once */
  external_id?: string | null
  actor_id?: string | null
}

export type PreparedOutcome = {
  row: {
    order_id: string
    kind: OutcomeKind
    reason_code: string | null
    amount: number | null
    fee: number | null
    currency_code: string | null
    occurred_at: Date
    source: OutcomeSource
    external_id: string | null
    note: string | null
    created_by: string | null
    list_entry_ids: string[]
  }
  /** what the outcome's consequence puts on the negative list */
  plan: OrderEntriesPlan
}

/**
 * The module as the plan reads it, but with every entry of the consequence planned: the plan's
 * own check leaves out data listed already with the same action, while an outcome extends such
 * an entry (later expiry, link to the outcome; listOutcomeEntriesStep decides per entry).
 */
function everyEntry(service: PaymentRiskModuleService): PaymentRiskModuleService {
  return Object.assign(Object.create(service), { listNegativeListEntries: async () => [] })
}

/**
 * Reads the order (404 when unknown) and decides what the outcome does to the negative list:
 * the merchant's consequence for the kind and reason code (settings.outcomes.consequences, else
 * the default), prepared from the order's person, address, email, phone, IBAN or card, with the
 * outcome's source, the consequence's action on each entry and its expiry from the event.
 * The note is stored redacted (emails, IBANs, card and account numbers replaced). Read only.
 */
export const prepareOutcomeStep = createStep(prepareOutcomeStepId, async (input: RecordOutcomeInput, { container }) => {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const order = await loadOrderListData(container, input.order_id)
  const settings = await service.getSettings()
  const occurredAt = input.occurred_at ? new Date(input.occurred_at) : new Date()
  // the merchant's consequence for the kind and reason code (settings.outcomes), else the default
  const plan = await planOutcomeEntries(everyEntry(service), order, { kind: input.kind, reason_code: input.reason_code, occurred_at: occurredAt }, settings)
  const prepared: PreparedOutcome = {
    row: {
      order_id: order.id,
      kind: input.kind,
      reason_code: input.reason_code?.trim() || null,
      amount: input.amount ?? null,
      fee: input.fee ?? null,
      currency_code: order.currency_code,
      occurred_at: occurredAt,
      source: input.source,
      external_id: input.external_id?.trim() || null,
      // free text may carry an IBAN, a card number or an email: never stored as typed
      note: redactOutcomeNote(input.note),
      created_by: input.actor_id ?? null,
      list_entry_ids: [],
    },
    plan,
  }
  return new StepResponse(prepared)
})
