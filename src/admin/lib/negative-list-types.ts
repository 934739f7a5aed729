export { NEGATIVE_LIST_KINDS, NEGATIVE_LIST_SOURCES } from "../../engine/negative-list/types"
export type { NegativeListKind, NegativeListSource } from "../../engine/negative-list/types"
import type { NegativeListKind, NegativeListSource, StoredPersonAddress } from "../../engine/negative-list/types"

export type NegativeListEntry = StoredPersonAddress & {
  id: string
  kind: NegativeListKind
  value: string | null
  display_hint: string | null
  reason: string
  source: NegativeListSource
  note: string | null
  expires_at: string | null
  created_at: string
}

export type NegativeListEntryInput = {
  kind: NegativeListKind
  first_name?: string
  last_name?: string
  company?: string
  address_1?: string
  address_2?: string
  postal_code?: string
  city?: string
  country_code?: string
  value?: string
  reason: string
  source: NegativeListSource
  expires_at?: string | null
  note?: string
}

/** Kinds whose data is a person/address; the others carry one value. */
export const ADDRESS_KINDS: NegativeListKind[] = ["person", "address"]

export type AuditRecord = {
  id: string
  entry_id: string
  action: "create" | "update" | "delete"
  actor_id: string | null
  changes: Record<string, [unknown, unknown]>
  created_at: string
}

/** Whose data the matches are looked up for (the customer and order widgets). */
export type MatchQuery = { customer_id: string } | { order_id: string }

export type ListMatch = {
  entry: NegativeListEntry
  score: number
  certain: boolean
  matched_on: string[]
}

export type ImportReport = {
  imported: number
  /** rows equal to an entry already on the list (that entry was updated, not doubled) */
  updated?: number
  rejected_count: number
  /** `code` (+ `params`): why, worded by the admin in its language; `message`: the API's English text */
  rejected: Array<{ line: number; field: string; message: string; code?: string; params?: Record<string, string | number> }>
}

/** Columns of the CSV import, in order. */
export const IMPORT_COLUMNS = [
  "kind", "first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city",
  "country_code", "value", "reason", "source", "expires_at", "note",
]
