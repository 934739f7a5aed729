import {
  consequenceFor,
  EntryInput,
  ListAction,
  listSourceFor,
  OutcomeKind,
  outcomeListReason,
  PersonAddress,
  prepareEntryData,
  PreparedEntryData,
  RiskSettings,
} from "../../engine"
import { neutraliseFormula } from "../../engine/csv-cell"
import { readEntryAction } from "../../engine/negative-list/entry-action"
import type { ConsequenceTarget } from "../../engine/outcomes/consequences"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import type { OrderListData } from "../readers/order-list-data"

/** A prepared entry with the order it was taken from (so the shopper's erasure finds it). */
export type OrderListEntry = PreparedEntryData & { order_id: string }

export type OrderEntriesPlan = {
  /** entries to create (normalised and hashed as every list entry), each with its order */
  entries: OrderListEntry[]
  /** kinds already on the list with the same data (not created twice) */
  existing: string[]
  /** data the order lacks or the list cannot take, e.g. no IBAN, an unparseable phone number */
  skipped: Array<{ kind: string; field: string; message: string }>
}

const NEUTRALISED_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city"] as const

/**
 * The shopper typed these fields, so a merchant's listing must not fail on them: a name like
 * `=HYPERLINK("http://x","y")` would be refused as a spreadsheet formula, and a fraudster could
 * escape the list by naming himself `=x`. The leading formula characters are removed instead;
 * name and address matching folds punctuation, so the entry still matches his next cart.
 */
export function neutralisePerson(person: PersonAddress): PersonAddress {
  const result: PersonAddress = { ...person }
  for (const field of NEUTRALISED_FIELDS) result[field] = neutraliseFormula(person[field])
  return result
}

const sameAction = (a: ListAction | null, b: ListAction | null) =>
  a === b || (!!a && !!b && a.type === b.type && [...a.classes].sort().join() === [...b.classes].sort().join())

/** Filter for the active entries with the same kind and data as `entry` (what "already listed" compares). */
export function activeSameEntry(entry: PreparedEntryData) {
  const same =
    entry.kind === "person" || entry.kind === "address"
      ? {
          kind: entry.kind,
          first_name: entry.first_name,
          last_name: entry.last_name,
          company: entry.company,
          address_1: entry.address_1,
          postal_code: entry.postal_code,
          city: entry.city,
          country_code: entry.country_code,
        }
      : { kind: entry.kind, value: entry.value }
  return { ...same, $or: [{ expires_at: null }, { expires_at: { $gt: new Date() } }] }
}

/**
 * An active entry of the same kind with the same normalised data and the same action (its own,
 * or none for both): an entry that only hides direct debit does not stand in for one that allows
 * only prepayment, so a harsher consequence is listed next to a milder one.
 */
export async function isListed(service: PaymentRiskModuleService, entry: PreparedEntryData): Promise<boolean> {
  const rows = (await service.listNegativeListEntries(
    activeSameEntry(entry),
    { take: 50, select: ["id", "action"] }
  )) as Array<{ id: string; action?: unknown }>
  const wanted = readEntryAction(entry.action)
  return rows.some((row) => sameAction(readEntryAction(row.action), wanted))
}

type Common = Pick<EntryInput, "reason" | "source" | "note" | "expires_at"> & {
  /** the entries' own action (an outcome's consequence); null: the list's action for each kind */
  action?: ListAction | null
}

/** The list entries one target takes from an order (none where the order lacks the data). */
function inputsFor(target: ConsequenceTarget, order: OrderListData, common: Omit<Common, "action">): EntryInput[] | { missing: string } {
  const address = order.shipping_address ?? order.billing_address ?? null
  const billing = order.billing_address ?? address
  switch (target) {
    case "email":
      return order.email ? [{ ...common, kind: "email", value: order.email }] : { missing: "email" }
    case "phone": {
      const phone = order.shipping_address?.phone || order.billing_address?.phone || null
      return phone ? [{ ...common, kind: "phone", value: phone, country_code: address?.country_code ?? null }] : { missing: "phone" }
    }
    case "iban":
      return order.payment.iban ? [{ ...common, kind: "iban", value: order.payment.iban }] : { missing: "iban" }
    case "card":
      return order.payment.card_fingerprint
        ? [{ ...common, kind: "card", value: order.payment.card_fingerprint }]
        : { missing: "card_fingerprint" }
    case "person_address": {
      // the person who was billed, at the place the goods went (a drop address is what repeats)
      if (!billing || !(billing.last_name || billing.company)) return { missing: "billing_address.last_name" }
      const { phone: _phone, ...person } = { ...(address ?? {}), first_name: billing.first_name, last_name: billing.last_name, company: billing.company }
      return [{ ...common, ...neutralisePerson(person), kind: "person" }]
    }
    case "address": {
      if (!address?.address_1) return { missing: "shipping_address.address_1" }
      const { phone: _phone, first_name: _f, last_name: _l, company: _c, ...place } = address
      return [{ ...common, ...neutralisePerson(place), kind: "address" }]
    }
  }
}

/**
 * What the targets take from an order onto the negative list, prepared through the list's own
 * normalisation; entries the list holds already are left out, data the order lacks is reported.
 */
export async function planOrderEntries(
  service: PaymentRiskModuleService,
  order: OrderListData,
  targets: readonly ConsequenceTarget[],
  common: Common
): Promise<OrderEntriesPlan> {
  const keys = service.getHashKeys()
  const policy = { accept_card_numbers: service.acceptsCardNumbers() }
  const plan: OrderEntriesPlan = { entries: [], existing: [], skipped: [] }
  const { action = null, ...entryCommon } = common
  for (const target of targets) {
    const inputs = inputsFor(target, order, entryCommon)
    if (!Array.isArray(inputs)) {
      plan.skipped.push({ kind: target, field: inputs.missing, message: "the order has no such data" })
      continue
    }
    for (const input of inputs) {
      const prepared = prepareEntryData(input, keys, undefined, policy)
      if (!prepared.ok) {
        plan.skipped.push({ kind: input.kind, field: prepared.field, message: prepared.message })
        continue
      }
      const entry = { ...prepared.entry, action: readEntryAction(action) }
      if (await isListed(service, entry)) plan.existing.push(input.kind)
      else plan.entries.push({ ...entry, order_id: order.id })
    }
  }
  return plan
}

const DAY_MS = 86_400_000

/**
 * What an outcome puts on the negative list: the merchant's consequence for its kind and reason
 * code (settings.outcomes.consequences, else the default), with the consequence's action on each
 * entry and its expiry counted from when the outcome happened (null days: the list's default
 * retention period, also counted from then).
 */
export async function planOutcomeEntries(
  service: PaymentRiskModuleService,
  order: OrderListData,
  outcome: { kind: OutcomeKind; reason_code?: string | null; occurred_at: Date },
  settings: Pick<RiskSettings, "outcomes" | "shop" | "retention">
): Promise<OrderEntriesPlan> {
  const consequence = consequenceFor(outcome.kind, outcome.reason_code, settings.outcomes?.consequences ?? {})
  if (!consequence.list.length) return { entries: [], existing: [], skipped: [] }
  const locale = settings.shop.default_locale === "en" ? "en" : "de"
  const days = consequence.expires_days
  return await planOrderEntries(service, order, consequence.list, {
    reason: outcomeListReason(outcome.kind, outcome.reason_code, order.display_id ?? order.id, locale),
    source: listSourceFor(outcome.kind),
    note: null,
    // no days of its own: the list's default period, counted like its own from the event too
    // (an outcome recorded days after it happened does not stay listed longer)
    expires_at: new Date(outcome.occurred_at.getTime() + (days && days > 0 ? days : settings.retention.list_entry_days) * DAY_MS),
    action: consequence.action,
  })
}
