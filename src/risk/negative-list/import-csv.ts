import { Readable } from "node:stream"
import { parse } from "csv-parse"
import { MedusaError } from "@medusajs/framework/utils"
import { redactPaymentData } from "../../engine"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { PreparedEntry } from "../../modules/payment-risk/negative-list-types"
import { redactCell } from "../../engine/payment-data/redact-log"
import { readCsvFormat } from "./csv-format"
import { parserMessage, parserProblem, RowProblemInfo } from "./row-messages"
import { IMPORT_COLUMNS } from "./import-row"
import { createRowPreparer, PreparedRow } from "./row-preparer"

export { IMPORT_COLUMNS }

/** Columns of an export that an import accepts and ignores (display_hint and key_id restore hashed values). */
const EXPORT_ONLY_COLUMNS = ["id", "display_hint", "key_id", "created_at", "created_by"]

/**
 * A rejected line: the column (`row`: the whole line), the API's English `message`, and `code`
 * (+ `params`) for a text in the merchant's language (the admin words every code in German and English).
 */
export type RejectedRow = { line: number; field: string; message: string } & RowProblemInfo
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

/** Rows per message to the preparing worker. */
const PREPARE_CHUNK = 500

type Options = {
  batchSize?: number
  /** how rows are prepared (tests replace it; default: a worker thread where the build allows) */
  createPreparer?: typeof createRowPreparer
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
  { batchSize = 1000, maxReported = 1000, contentType = null, store, createPreparer = createRowPreparer }: Options = {}
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
  })
  stream.on("error", (error) => parser.destroy(error))
  stream.pipe(parser)

  // Rows are prepared in chunks (in a worker thread where the build allows, see row-preparer.ts):
  // while one chunk is prepared the reader fills the next; results are taken in file order.
  const preparer = createPreparer(keys, policy)
  type Item = { line: number; record: Record<string, string> } | { line: number; rejection: RejectedRow }
  let chunk: Item[] = []
  let taking: Promise<void> = Promise.resolve()
  const take = async (items: Item[], results: PreparedRow[]) => {
    let k = 0
    for (const item of items) {
      if ("rejection" in item) {
        reject(item.rejection)
        continue
      }
      const result = results[k++]
      if ("entry" in result) {
        batch.push({ line: item.line, entry: result.entry })
        if (batch.length >= batchSize) await flush()
      } else {
        reject({ line: item.line, ...result })
      }
    }
  }
  const sendChunk = async () => {
    const items = chunk
    chunk = []
    const records = items.flatMap((item) => ("record" in item ? [item.record] : []))
    const results = preparer.prepare(records)
    await taking
    taking = results.then((prepared) => take(items, prepared))
  }
  parser.on("skip", (error: { lines?: number; code?: string; message: string }) => {
    // after the handler above: a line the reader could not split joins the rows in reading order
    if (!headerRead || error.code === "CSV_MAX_RECORD_SIZE") return
    chunk.push({ line: error.lines ?? 0, rejection: { line: error.lines ?? 0, field: "row", message: parserMessage(error, format.delimiter), ...parserProblem(error, format.delimiter) } })
  })

  try {
    let readFailed = false
    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
        lastLine = Math.max(lastLine, info.lines)
        chunk.push({ line: info.lines, record })
        if (chunk.length >= PREPARE_CHUNK) await sendChunk()
      }
    } catch (error) {
      readFailed = true
      throw error
    } finally {
      // the rows read before the end (or before the reader failed) are taken like the others;
      // rows that could not be prepared fail the import unless the reader's own error does
      // (never a "finished" run that silently left rows out)
      const drained = sendChunk().then(() => taking)
      if (readFailed) await drained.catch(() => {})
      else await drained
    }
  } catch (error) {
    await preparer.close()
    await settle()
    if (error instanceof MedusaError) return await fail(error)
    const cause = (error as { cause?: unknown }).cause
    if (cause instanceof MedusaError) return await fail(cause)
    await flush()
    await settle()
    return await fail(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: the CSV could not be read: ${redactPaymentData((error as Error).message)}`))
  }
  await preparer.close()
  await flush()
  await settle()
  // every batch is committed with its progress: a failed last word must not turn the answer into an error
  await store?.finish?.("finished", totals()).catch(() => {})
  // the reader reports a line it cannot split as soon as it meets it, possibly before the lines
  // above it were checked: the merchant reads the report in file order
  report.rejected.sort((a, b) => a.line - b.line)
  if (store?.runId) report.run_id = store.runId()
  return report
}
