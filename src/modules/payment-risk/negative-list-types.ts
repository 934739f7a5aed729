import type { PreparedEntryData } from "../../engine/negative-list/prepare"

/** An entry ready to store: validated, normalised, hashed, with its lookup keys. */
export type PreparedEntry = PreparedEntryData

/**
 * Fields whose changes the audit trail records — as masked hints, never the value (a clear
 * IBAN/card never reaches PreparedEntry anyway).
 */
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
