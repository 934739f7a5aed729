import { NegativeListKind, NegativeListSource } from "../../engine/negative-list/types"

/** An entry ready to store: validated, normalised, hashed, with its lookup keys. */
export type PreparedEntry = {
  kind: NegativeListKind
  first_name: string | null
  last_name: string | null
  company: string | null
  address_1: string | null
  address_2: string | null
  postal_code: string | null
  city: string | null
  country_code: string | null
  value: string | null
  display_hint: string | null
  reason: string
  source: NegativeListSource
  note: string | null
  expires_at: Date | null
  lookup_keys: string[]
  search_text: string
}

/** Fields recorded in the audit trail (hashed values only; a clear IBAN/card never reaches PreparedEntry). */
export const AUDITED_FIELDS: Array<keyof PreparedEntry> = [
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
  "reason",
  "source",
  "note",
  "expires_at",
]
