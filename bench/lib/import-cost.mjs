/**
 * Where the import's time goes, per row: the stages of src/risk/negative-list/import-csv.ts
 * timed in process on the same CSV with the built code (csv-parse with the import's options,
 * the route's zod row schema, the engine's prepareEntryData), and the database part as the
 * module service does it (knex insert of 1,000 entries + 1,000 audit rows per transaction,
 * rolled back here). The server also uploads, schedules and collects garbage: the remainder.
 */
import path from "node:path"
import { Readable } from "node:stream"
import { createRequire } from "node:module"
import { built, HASH_SECRET, REPO } from "./host.mjs"

const require = createRequire(import.meta.url)
const COLUMNS = ["kind", "first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code", "value", "reason", "source", "expires_at", "note"]

const perRow = (startNs, rows) => Number((Number(process.hrtime.bigint() - startNs) / 1000 / rows).toFixed(1))

export async function importCost({ csv, rows, databaseUrl, serverRowsPerSecond }) {
  const { parse } = require(path.join(REPO, "node_modules", "csv-parse"))
  const { AdminImportNegativeListRow } = built("src/api/admin/payment-risk/negative-list/validators.js")
  const engine = built("src/engine/index.js")
  const { AUDITED_FIELDS } = built("src/modules/payment-risk/negative-list-types.js")

  const stages = async () => {
    let start = process.hrtime.bigint()
    const records = []
    const parser = Readable.from([csv]).pipe(parse({ columns: true, bom: true, trim: true, skip_empty_lines: true, skip_records_with_error: true, info: true }))
    for await (const { record } of parser) records.push(record)
    const parse_us = perRow(start, records.length)

    start = process.hrtime.bigint()
    const parsed = records.map((record) => {
      const cells = {}
      for (const column of COLUMNS) if (record[column]) cells[column] = record[column]
      return AdminImportNegativeListRow.safeParse(cells)
    })
    const validate_us = perRow(start, records.length)
    if (parsed.some((p) => !p.success)) throw new Error("import-cost: a row did not validate")

    start = process.hrtime.bigint()
    const prepared = parsed.map((p) => engine.prepareEntryData(p.data, HASH_SECRET))
    const prepare_us = perRow(start, records.length)
    if (prepared.some((p) => !p.ok)) throw new Error("import-cost: a row could not be prepared")
    return { parse_us, validate_us, prepare_us, prepared }
  }
  await stages() // warm-up, as the server had its warm-up import
  const { parse_us, validate_us, prepare_us, prepared } = await stages()

  const knex = require(path.join(REPO, "node_modules", "knex"))({ client: "pg", connection: databaseUrl, pool: { min: 1, max: 1 } })
  const now = new Date()
  const start = process.hrtime.bigint()
  try {
    for (let from = 0; from < prepared.length; from += 1000) {
      const entries = prepared.slice(from, from + 1000).map((p, k) => ({ ...p.entry, id: `prnle_cost_${from + k}`, created_by: null, updated_by: null, created_at: now, updated_at: now }))
      const trx = await knex.transaction()
      try {
        await trx("payment_risk_negative_list_entry").insert(entries)
        await trx("payment_risk_negative_list_audit").insert(
          entries.map((entry) => ({
            id: `prnla_cost_${entry.id}`,
            entry_id: entry.id,
            action: "create",
            actor_id: null,
            changes: JSON.stringify(Object.fromEntries(AUDITED_FIELDS.filter((f) => (entry[f] ?? null) !== null).map((f) => [f, [null, entry[f] instanceof Date ? entry[f].toISOString() : entry[f]]]))),
            created_at: now,
            updated_at: now,
          }))
        )
      } finally {
        // rolled back either way: the list keeps its size, and a failed insert frees the connection
        await trx.rollback().catch(() => {})
      }
    }
  } finally {
    await knex.destroy()
  }
  const database_us = perRow(start, prepared.length)
  const server_us = Number((1e6 / serverRowsPerSecond).toFixed(1))
  const rest_us = Number((server_us - parse_us - validate_us - prepare_us - database_us).toFixed(1))
  const cost = { rows, server_us, parse_us, validate_us, prepare_us, database_us, rest_us }
  return { ...cost, table: importCostTable(cost) }
}

/** The stages table of RESULTS.md from the figures (also for re-rendering a stored run). */
export function importCostTable({ rows, server_us, parse_us, validate_us, prepare_us, database_us }) {
  const share = (us) => `${Math.round((100 * us) / server_us)} %`
  return `Where the import's CPU time goes (the stages timed one by one in the bench process on ${rows.toLocaleString("en")} of the same rows, bench/lib/import-cost.mjs):

| stage (per row) | µs | share of the server's ${server_us} µs per row |
|---|---:|---:|
| CSV parsing (csv-parse, the import's options; the server's main thread) | ${parse_us} | ${share(parse_us)} |
| row validation (the route's zod schema \`AdminImportNegativeListRow\`; the server's worker thread) | ${validate_us} | ${share(validate_us)} |
| \`prepareEntryData\` (normalise, hash, lookup keys, search text; the server's worker thread) | ${prepare_us} | ${share(prepare_us)} |
| for comparison: plain multi-row inserts of entry + audit row, 1,000 per transaction (the server instead COPYs each 5,000-row batch into a staging table and upserts from it with the audit rows and the run's progress in one transaction) | ${database_us} | ${share(database_us)} |

The server's stages overlap: the main thread parses and writes while the worker validates and prepares the next chunk.`
}
