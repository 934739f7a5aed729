import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { PreparedEntryData } from "../../../engine"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { asDate } from "../../utils/as-date"

export const updateNegativeListEntryStepId = "update-payment-risk-negative-list-entry"

type EntryRow = Awaited<ReturnType<PaymentRiskModuleService["retrieveNegativeListEntry"]>>
type Previous = { id: string; entry: PreparedEntryData; actor_id: string | null }

/** What an entry stores of a prepared one, as it is now (for the compensation). */
function storedEntry(row: EntryRow): PreparedEntryData {
  return {
    kind: row.kind,
    first_name: row.first_name,
    last_name: row.last_name,
    company: row.company,
    address_1: row.address_1,
    address_2: row.address_2,
    postal_code: row.postal_code,
    city: row.city,
    country_code: row.country_code,
    value: row.value,
    display_hint: row.display_hint,
    key_id: row.key_id ?? null,
    reason: row.reason,
    source: row.source,
    note: row.note,
    expires_at: row.expires_at ? new Date(row.expires_at) : null,
    lookup_keys: row.lookup_keys as string[],
    search_text: row.search_text,
  }
}

const withDates = (entry: PreparedEntryData): PreparedEntryData => ({ ...entry, expires_at: asDate(entry.expires_at) })

/**
 * Stores a prepared entry over an existing one through the module's audited path (entry and
 * audit record in one transaction). The compensation writes the earlier values back, audited
 * as an update too.
 */
export const updateNegativeListEntryStep = createStep(
  updateNegativeListEntryStepId,
  async (input: { id: string; entry: PreparedEntryData; actor_id: string | null }, { container }) => {
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const before = await service.retrieveNegativeListEntry(input.id)
    const entry = await service.updateListEntry(input.id, withDates(input.entry), input.actor_id)
    return new StepResponse<typeof entry, Previous>(entry, { id: input.id, entry: storedEntry(before), actor_id: input.actor_id })
  },
  async (previous: Previous | undefined, { container }) => {
    if (!previous) {
      return
    }
    const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    await service.updateListEntry(previous.id, withDates(previous.entry), previous.actor_id)
  }
)
