import { EntryPolicy, HashKeys, LEGACY_KEY_ID, prepareEntryData } from "../../engine"
import { unescapeCsvCell } from "../../engine/csv-cell"
import type { PreparedEntry } from "../../modules/payment-risk/negative-list-types"
import { AdminImportNegativeListRow } from "./entry-schema"
import { RowProblemInfo, rowIssueMessage, rowIssueProblem } from "./row-messages"


/**
 * The display hint of an exported hashed value as the plugin writes it ("DE …3000", "visa …4242",
 * "fingerprint …a1b2"): letters, digits, spaces and the ellipsis, 40 characters at most. Anything
 * else (a formula, NUL, a long text) is dropped — the hint is only shown, the hash is the entry.
 */
const EXPORTED_HINT = /^[\p{L}\p{N} .…_-]{1,40}$/u
function exportedHint(cell: string | undefined): string | null {
  if (!cell) return null
  const hint = unescapeCsvCell(cell)
  return EXPORTED_HINT.test(hint) ? hint : null
}
/**
 * One CSV row of the import → a prepared entry or the reason why not. No Medusa runtime import
 * here: the import's worker thread (prepare-worker.ts) loads this file.
 */

/** Columns an import understands; `kind` and `reason` are required. */
export const IMPORT_COLUMNS = [
  "kind", "first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city",
  "country_code", "value", "reason", "source", "expires_at", "note",
]
const HASH = /^[0-9a-f]{64}$/
const KEY_ID = /^(legacy|hk_[0-9a-f]{12})$/

export type Rejection = { field: string; message: string } & RowProblemInfo

/**
 * Rows that may hash a value with the plugin's secret (IBAN, card): prepared where the keys are,
 * on the main thread. Any row may be prepared there; this only keeps the others off it.
 */
export const mayNeedHashKeys = (record: Record<string, string>) => /iban|card/i.test(record.kind ?? "")

/** One CSV row → a prepared entry, or the field and message why not. */
export function prepareRow(record: Record<string, string>, keys: HashKeys, policy: EntryPolicy): { entry: PreparedEntry } | Rejection {
  // an exported file comes back as it was: the quote the export put in front of a formula-like
  // cell (`'+49301234567`) is removed, then the cell is checked like any other
  const cells: Record<string, string> = {}
  for (const column of IMPORT_COLUMNS) {
    if (record[column]) cells[column] = unescapeCsvCell(record[column])
  }
  const parsed = AdminImportNegativeListRow.safeParse(cells)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const zodIssue = issue as Parameters<typeof rowIssueMessage>[0]
    return { field: issue.path.join(".") || "row", message: rowIssueMessage(zodIssue), ...rowIssueProblem(zodIssue) }
  }
  const row = parsed.data
  // An exported hashed value (same secret) comes back as hash + display hint, with the id of its
  // secret (a file exported before key ids holds legacy hashes).
  const kept =
    (row.kind === "iban" || row.kind === "card") && row.value && HASH.test(row.value)
      ? {
          value: row.value,
          display_hint: exportedHint(record.display_hint),
          key_id: record.key_id && KEY_ID.test(record.key_id) ? record.key_id : LEGACY_KEY_ID,
        }
      : undefined
  const result = prepareEntryData(kept ? { ...row, value: null } : row, keys, kept, policy)
  if (result.ok) return { entry: result.entry }
  return { field: result.field, message: result.message, code: result.code, ...(result.code.startsWith("value_") ? { params: { kind: row.kind } } : {}) }
}

