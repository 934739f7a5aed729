import type { PreparedEntryData } from "../../engine/negative-list/prepare"
import { PERSON_ADDRESS_FIELDS } from "../../engine/negative-list/types"

/** An entry ready to store: validated, normalised, hashed, with its lookup keys. */
export type PreparedEntry = PreparedEntryData

/**
 * Fields whose changes the audit trail records — as masked hints, never the value (a clear
 * IBAN/card never reaches PreparedEntry anyway).
 */
export const AUDITED_FIELDS: Array<keyof PreparedEntry> = [
  "kind",
  ...PERSON_ADDRESS_FIELDS,
  "value",
  "display_hint",
  "reason",
  "source",
  "note",
  "expires_at",
]
