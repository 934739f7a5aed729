import { Readable } from "node:stream"
import { parse } from "csv-parse"
import { MedusaError } from "@medusajs/framework/utils"
import { EntryPolicy, HashKeys, LEGACY_KEY_ID, prepareEntryData, redactPaymentData } from "../../engine"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { PreparedEntry } from "../../modules/payment-risk/negative-list-types"
import { AdminImportNegativeListRow } from "./entry-schema"
import { unescapeCsvCell } from "../../engine/csv-cell"
import { redactCell } from "../../engine/payment-data/redact-log"
import { readCsvFormat } from "./csv-format"
import { parserMessage, parserProblem, RowProblemInfo, rowIssueMessage, rowIssueProblem } from "./row-messages"

/** Columns an import understands; `kind` and `reason` are required. */
export const IMPORT_COLUMNS = [
  "kind", "first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city",
  "country_code", "value", "reason", "source", "expires_at", "note",
]
/** Columns of an export that an import accepts and ignores (display_hint and key_id restore hashed values). */
const EXPORT_ONLY_COLUMNS = ["id", "display_hint", "key_id", "created_at", "created_by"]
const HASH = /^[0-9a-f]{64}$/
const KEY_ID = /^(legacy|hk_[0-9a-f]{12})$/

/**
 * A rejected line: the column (`row`: the whole line), the API's English `message`, and `code`
 * (+ `params`) for a text in the merchant's language (the admin words every code in German and English).
 */
export type RejectedRow = { line: number; field: string; message: string } & RowProblemInfo
type Rejection = { field: string; message: string } & RowProblemInfo
/**
 * imported: new entries; updated: rows equal to an entry already on the list (that entry was
 * updated, not doubled); run_id: the import run's record (GET /admin/payment-risk/negative-list/imports)
 * when the import stored anything through a run store
 */
export type ImportReport = { imported: number; updated: number; rejected_count: number; rejected: RejectedRow[]; run_id?: string | null }

/** How far an import got when a batch is stored: all lines up to `last_line` are stored or rejected. */
export type ImportProgress = { last_line: number; rejected: number }

/**
 * Where batches go. The route's store bulk-loads each batch with its progress in one transaction
 * (src/risk/negative-list/import-store.ts); without one, batches go through the module service's
 * `insertListEntries`.
 */
export type ImportStore = {
  writeBatch(rows: PreparedEntry[], progress: ImportProgress): Promise<{ inserted: number; updated: number }>
  /** the run's last word, with the final counts */
  finish?(status: "finished" | "failed", totals: ImportProgress & { imported: number; updated: number }, error?: string | null): Promise<void>
  /** the run's id once something was stored */
  runId?(): string | null
}

type Options = {
  batchSize?: number
  store?: ImportStore
  maxReported?: number
  /** the request's Content-Type: a declared charset (`text/csv; charset=windows-1252`) is honoured */
  contentType?: string | null
}

function checkHeader(columns: string[]): string[] {
  const duplicate = columns.find((column, index) => column && columns.indexOf(column) !== index)
  if (duplicate !== undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: column '${redactCell(duplicate)}' appears twice in the CSV header`)
  }
  const known = new Set([...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS])
  const unknown = columns.find((column) => !known.has(column))
  if (unknown !== undefined) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: unknown column '${redactCell(unknown)}' in the CSV header (expected ${IMPORT_COLUMNS.join(",")})`)
  }
  for (const required of ["kind", "reason"]) {
    if (!columns.includes(required)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: column '${required}' is missing in the CSV header`)
    }
  }
  return columns
}

/** One CSV row → a prepared entry, or the field and message why not. */
function prepareRow(record: Record<string, string>, keys: HashKeys, policy: EntryPolicy): { entry: PreparedEntry } | Rejection {
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
          display_hint: record.display_hint ? unescapeCsvCell(record.display_hint) : null,
          key_id: record.key_id && KEY_ID.test(record.key_id) ? record.key_id : LEGACY_KEY_ID,
        }
      : undefined
  const result = prepareEntryData(kept ? { ...row, value: null } : row, keys, kept, policy)
  if (result.ok) return { entry: result.entry }
  return { field: result.field, message: result.message, code: result.code, ...(result.code.startsWith("value_") ? { params: { kind: row.kind } } : {}) }
}

/**
 * Streams a CSV into the negative list: rows are parsed one by one (flat memory), each is
 * validated, valid rows are committed in batches; a bad row is reported with its line number
 * and loses nothing else. With a run store (the route's) each batch is committed with the run's
 * progress, and the run's end (finished, or failed with the reason) is recorded.
 */
export async function importNegativeListCsv(
  input: Readable,
  service: PaymentRiskModuleService,
  actorId: string | null,
  { batchSize = 1000, maxReported = 1000, contentType = null, store }: Options = {}
): Promise<ImportReport> {
  const batches: ImportStore = store ?? { writeBatch: (rows) => service.insertListEntries(rows, actorId) }
  const keys = service.getHashKeys()
  const policy = { accept_card_numbers: service.acceptsCardNumbers() }
  const report: ImportReport = { imported: 0, updated: 0, rejected_count: 0, rejected: [] }
  /** the last line the reader handed over */
  let lastLine = 0
  const record = (row: RejectedRow) => {
    report.rejected_count++
    if (report.rejected.length < maxReported) report.rejected.push({ ...row, message: redactPaymentData(row.message) })
  }
  // Rejections counted into a batch's progress: those up to its last line. The reader may report
  // a line or two ahead of the rows handed over, so lines above wait in `rejectedAhead`.
  let rejectedUpTo = 0
  let rejectedAhead: number[] = []
  const countRejected = (line: number) => rejectedAhead.push(line)
  const rejectedThrough = (line: number) => {
    rejectedUpTo += rejectedAhead.filter((l) => l <= line).length
    rejectedAhead = rejectedAhead.filter((l) => l > line)
    return rejectedUpTo
  }
  // While a batch is being stored the next one is parsed (the database and the parser work at
  // the same time, at most two batches in memory). Rows rejected meanwhile lie after the stored
  // batch in the file, so they wait until its outcome is known: the report keeps file order.
  let storing: Promise<void> | null = null
  let waiting: RejectedRow[] = []
  const reject = (row: RejectedRow) => {
    countRejected(row.line)
    if (storing) waiting.push(row)
    else record(row)
  }
  const settle = async () => {
    if (!storing) return
    await storing
    storing = null
    const rows = waiting
    waiting = []
    rows.forEach(record)
  }
  let batch: Array<{ line: number; entry: PreparedEntry }> = []
  const flush = async () => {
    await settle()
    if (!batch.length) return
    const rows = batch
    batch = []
    const last = rows[rows.length - 1].line
    storing = batches.writeBatch(rows.map((row) => row.entry), { last_line: last, rejected: rejectedThrough(last) }).then(
      (count) => {
        report.imported += count.inserted
        report.updated += count.updated
      },
      () =>
        rows.forEach(({ line }) => {
          countRejected(line)
          record({ line, field: "row", message: "could not be saved (database error)", code: "not_saved" })
        })
    )
  }
  const totals = () => ({ last_line: lastLine, rejected: report.rejected_count, imported: report.imported, updated: report.updated })
  const fail = async (error: MedusaError): Promise<never> => {
    await store?.finish?.("failed", totals(), error.message).catch(() => {})
    throw error
  }

  // German Excel saves semicolons and Windows-1252; "Unicode text" is UTF-16 with tabs
  const { stream, format } = await readCsvFormat(input, contentType).catch((error: unknown) => {
    const cause = (error as { cause?: unknown }).cause
    if (error instanceof MedusaError) throw error
    if (cause instanceof MedusaError) throw cause
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: the CSV could not be read: ${redactPaymentData((error as Error).message)}`)
  })
  let headerRead = false
  const parser = parse({
    columns: (header: string[]) => {
      headerRead = true
      return checkHeader(header.map((column) => column.trim().toLowerCase()))
    },
    delimiter: format.delimiter,
    // one line is one entry: a line longer than this is not a list entry (and must not fill memory)
    max_record_size: 2 * 1024 * 1024,
    // a stray quote inside a cell (`Meier "Hansi"`) stays part of the cell instead of swallowing the next lines
    relax_quotes: true,
    bom: true,
    trim: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    info: true,
  })
  parser.on("skip", (error: { lines?: number; code?: string; message: string }) => {
    if (error.code === "CSV_MAX_RECORD_SIZE") {
      // the reader cannot find where such a line ends: stop instead of guessing the rest
      parser.destroy(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: line ${error.lines ?? "?"} is longer than 2 MB, so the rest of the file could not be read`))
      return
    }
    if (!headerRead) {
      // without a header no row can be read: the file is refused, nothing is imported
      const reason = parserMessage(error, format.delimiter)
      parser.destroy(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: the CSV header row could not be read (${reason})`))
      return
    }
    lastLine = Math.max(lastLine, error.lines ?? 0)
    reject({ line: error.lines ?? 0, field: "row", message: parserMessage(error, format.delimiter), ...parserProblem(error, format.delimiter) })
  })
  stream.on("error", (error) => parser.destroy(error))
  stream.pipe(parser)

  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
      lastLine = Math.max(lastLine, info.lines)
      const result = prepareRow(record, keys, policy)
      if ("entry" in result) {
        batch.push({ line: info.lines, entry: result.entry })
        if (batch.length >= batchSize) await flush()
      } else {
        reject({ line: info.lines, ...result })
      }
    }
  } catch (error) {
    await settle()
    if (error instanceof MedusaError) return await fail(error)
    const cause = (error as { cause?: unknown }).cause
    if (cause instanceof MedusaError) return await fail(cause)
    await flush()
    await settle()
    return await fail(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: the CSV could not be read: ${redactPaymentData((error as Error).message)}`))
  }
  await flush()
  await settle()
  await store?.finish?.("finished", totals())
  // the reader reports a line it cannot split as soon as it meets it, possibly before the lines
  // above it were checked: the merchant reads the report in file order
  report.rejected.sort((a, b) => a.line - b.line)
  if (store?.runId) report.run_id = store.runId()
  return report
}
