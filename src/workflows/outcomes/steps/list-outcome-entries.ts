import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listedAgain, PreparedEntryData } from "../../../engine"
import { newListEntryExpiry } from "../../../engine/privacy/retention"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { activeSameEntry, type OrderListEntry } from "../../../risk/negative-list/plan-order-entries"

export const listOutcomeEntriesStepId = "list-payment-risk-outcome-entries"

type StoredEntry = PreparedEntryData & { id: string; created_at?: Date | string }
type Service = PaymentRiskModuleService

/** What the compensation undoes: entries created, and entries changed with their earlier data. */
type Undo = { actor_id: string | null; created: string[]; changed: Array<{ id: string; before: PreparedEntryData }> }

export type ListedOutcomeEntries = {
  /** every entry the outcome listed: created, or already on the list and extended (its link back) */
  entries: StoredEntry[]
  /** kinds that were on the list with the same data already (extended, not added twice) */
  already_listed: string[]
  /** ids of those entries (among `entries`; the others are new) */
  extended_entry_ids: string[]
}

const ENTRY_FIELDS = [
  "id",
  "kind",
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "postal_code",
  "city",
  "country_code",
  "value",
  "display_hint",
  "key_id",
  "reason",
  "source",
  "note",
  "expires_at",
  "lookup_keys",
  "search_text",
  "action",
  "order_id",
  "created_at",
] as const

/** The active entry with the same kind and data (as the list's "already listed" check compares them), oldest first. */
async function findListed(service: Service, entry: PreparedEntryData): Promise<StoredEntry | undefined> {
  const [row] = await service.listNegativeListEntries(
    activeSameEntry(entry),
    { take: 1, select: [...ENTRY_FIELDS], order: { created_at: "ASC" } }
  )
  return row as unknown as StoredEntry | undefined
}

/** The stored entry's data as the module's audited update takes it. */
function dataOf({ id: _id, created_at: _created, order_id: _order, ...data }: StoredEntry & { order_id?: string | null }): PreparedEntryData {
  return data
}

async function undo(service: Service, done: Undo) {
  for (const id of done.created) await service.deleteListEntry(id, done.actor_id)
  for (const { id, before } of done.changed) await service.updateListEntry(id, before, done.actor_id)
}

/**
 * Puts an outcome's consequence on the negative list without listing the same data twice: an
 * active entry of the same kind with the same data (a chargeback after a return debit of the
 * same shopper, the same kind on her second order) is extended instead — the stricter of the two
 * actions, the later expiry (engine: listedAgain), audited like any change — and linked to the
 * new outcome like a new entry. Its source, reason and order stay those of the first listing.
 * Other data gets a new entry, with the order it was taken from. The compensation deletes the
 * new entries and gives the changed ones their earlier action and expiry.
 */
export const listOutcomeEntriesStep = createStep(
  listOutcomeEntriesStepId,
  async (input: { entries: OrderListEntry[]; actor_id: string | null }, { container }) => {
    const service = container.resolve<Service>(PAYMENT_RISK_MODULE)
    const done: Undo = { actor_id: input.actor_id, created: [], changed: [] }
    const result: ListedOutcomeEntries = { entries: [], already_listed: [], extended_entry_ids: [] }
    if (!input.entries.length) return new StepResponse(result, done)
    const settings = await service.getSettings()
    try {
      for (const { order_id, ...entry } of input.entries) {
        const stored = await findListed(service, entry)
        if (!stored) {
          const created = await service.createListEntry(entry, input.actor_id, { order_id })
          done.created.push(created.id)
          result.entries.push(created as unknown as StoredEntry)
          continue
        }
        result.already_listed.push(entry.kind)
        result.extended_entry_ids.push(stored.id)
        const merged = listedAgain(
          stored,
          { action: entry.action ?? null, expires_at: entry.expires_at ?? newListEntryExpiry(settings) },
          settings.negative_list.actions[entry.kind]
        )
        if (!merged.changed) {
          result.entries.push(stored)
          continue
        }
        const before = dataOf(stored)
        const updated = await service.updateListEntry(stored.id, { ...before, action: merged.action, expires_at: merged.expires_at }, input.actor_id)
        done.changed.push({ id: stored.id, before })
        result.entries.push(updated as unknown as StoredEntry)
      }
    } catch (error) {
      await undo(service, done)
      throw error
    }
    return new StepResponse(result, done)
  },
  async (done: Undo | undefined, { container }) => {
    if (!done || (!done.created.length && !done.changed.length)) return
    await undo(container.resolve<Service>(PAYMENT_RISK_MODULE), done)
  }
)
