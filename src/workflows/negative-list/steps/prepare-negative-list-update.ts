import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { EntryInput, NegativeListSource, PersonAddress } from "../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { prepareEntry } from "../../../risk/negative-list/prepare-entry"

export const prepareNegativeListUpdateStepId = "prepare-payment-risk-negative-list-update"

/** What the merchant may change on an entry (its kind stays): every field optional, null clears. */
export type NegativeListEntryUpdate = Partial<PersonAddress> & {
  value?: string | null
  reason?: string
  source?: NegativeListSource
  expires_at?: Date | string | null
  note?: string | null
}

type EntryRow = Awaited<ReturnType<PaymentRiskModuleService["retrieveNegativeListEntry"]>>

const HASHED_KINDS = ["iban", "card"]

/** The stored entry with the fields sent laid over it (an omitted field keeps its stored value). */
function merged(current: EntryRow, update: NegativeListEntryUpdate, keepHash: boolean): EntryInput {
  const pick = <K extends keyof NegativeListEntryUpdate & keyof EntryRow>(field: K) =>
    update[field] !== undefined ? update[field] : current[field]
  return {
    kind: current.kind,
    first_name: pick("first_name"),
    last_name: pick("last_name"),
    company: pick("company"),
    address_1: pick("address_1"),
    address_2: pick("address_2"),
    postal_code: pick("postal_code"),
    city: pick("city"),
    country_code: pick("country_code"),
    value: update.value !== undefined ? update.value : keepHash ? null : current.value,
    reason: update.reason ?? current.reason,
    source: update.source ?? current.source,
    expires_at: pick("expires_at"),
    note: pick("note"),
  }
}

/**
 * The entry as it will be stored after the update, validated and hashed like a new one. A
 * hashed value (IBAN, card) is kept as it is unless a new one is sent (its clear value is not
 * known any more). Read only: NOT_FOUND for an unknown entry, INVALID_DATA naming the field.
 */
export const prepareNegativeListUpdateStep = createStep(
  prepareNegativeListUpdateStepId,
  async (input: { id: string; update: NegativeListEntryUpdate }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const current = await service.retrieveNegativeListEntry(input.id)
    const keepHash = HASHED_KINDS.includes(current.kind) && input.update.value === undefined
    const kept = keepHash ? { value: current.value!, display_hint: current.display_hint, key_id: current.key_id ?? null } : undefined
    return new StepResponse(prepareEntry(merged(current, input.update, keepHash), service, kept))
  }
)
