import { from as copyFrom } from "pg-copy-streams"
import type { PoolClient } from "pg"
import { bulkEntityId } from "../entity-id"
import { PreparedEntry } from "../negative-list-types"
import { auditChanges } from "../types/audit-changes"
import { wellFormedJson } from "../types/json"
import { ENTRY_RECORD_COLUMNS, sameEntryKey, upsertEntriesWithAudit } from "./negative-list"
import { Db } from "./sql"

/**
 * The CSV import's bulk load (issue 18): one database session per import run; each batch is
 * written in one transaction — COPY into a session-local staging table, the same upsert as
 * `insertListEntries` (an entry equal to a stored one updates it, one audit row per entry) from
 * there, and the run's progress row — so a crash (kill -9) leaves whole batches only and the run
 * row says up to which line they reach.
 */

const STAGING = "payment_risk_import_batch"
const RUN_TABLE = "payment_risk_negative_list_import"

/** `?` bindings of the shared upsert as PostgreSQL's `$n` (the statement has no other `?`). */
const numbered = (sql: string) => {
  let n = 0
  return sql.replace(/\?/g, () => `$${++n}`)
}
const UPSERT_FROM_STAGING = numbered(upsertEntriesWithAudit(`select * from pg_temp.${STAGING}`))

/** COPY's text format: backslash, tab, newline and carriage return escaped, null as \N. */
function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return "\\N"
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : value
}

/** A text[] literal (`{"pc:de:10115:5","st:…"}`), quotes and backslashes escaped inside the elements. */
const arrayLiteral = (items: string[]) => `{${items.map((item) => `"${item.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`

/** The staging table's line for one entry, in ENTRY_RECORD_COLUMNS order. */
function copyLine(entry: PreparedEntry, id: string, auditId: string, expiresAt: Date): string {
  const stored = { ...entry, expires_at: entry.expires_at ?? expiresAt }
  return [
    id, entry.kind, entry.first_name, entry.last_name, entry.company, entry.address_1, entry.address_2, entry.postal_code,
    entry.city, entry.country_code, entry.value, entry.display_hint, entry.key_id, entry.reason, entry.source, entry.note,
    stored.expires_at.toISOString(), arrayLiteral(entry.lookup_keys), entry.search_text, auditId,
    wellFormedJson(auditChanges(null, stored)),
  ]
    .map(copyText)
    .join("\t")
}

/** How far a run got when a batch is committed. */
export type ImportProgress = { last_line: number; rejected: number }
export type ImportTotals = ImportProgress & { imported: number; updated: number }

/** A run's row as the admin sees it; a run whose session is gone reads `interrupted`. */
export type ImportRun = {
  id: string
  status: "running" | "finished" | "failed" | "interrupted"
  actor_id: string | null
  batch_size: number
  last_line: number
  batches: number
  imported: number
  updated: number
  rejected: number
  error: string | null
  started_at: Date
  finished_at: Date | null
  updated_at: Date
}

export type ImportWriter = {
  /** the run's id once a batch recorded it, else null (nothing stored, no run row) */
  runId(): string | null
  /** Stores a batch (entries, audit rows, progress) in one transaction; returns what it added and updated. */
  writeBatch(rows: PreparedEntry[], progress: ImportProgress): Promise<{ inserted: number; updated: number }>
  /** The run's last word (only if a batch recorded it): finished, or failed with the reason. */
  finish(status: "finished" | "failed", totals: ImportTotals, error?: string | null): Promise<void>
  /** Gives the session back to the pool (the staging table is dropped first). */
  release(): Promise<void>
}

/**
 * Opens an import run on a session of its own (taken from the pool for the run's length).
 * `defaultExpiry(now)` is the expiry of an entry the file gives none.
 */
export async function openImportWriter(
  knex: Db,
  { actorId, batchSize, defaultExpiry }: { actorId: string | null; batchSize: number; defaultExpiry: (now: Date) => Date }
): Promise<ImportWriter> {
  const client = (await knex.client.acquireConnection()) as PoolClient
  let broken = false
  try {
    await client.query(`drop table if exists pg_temp.${STAGING}`)
    await client.query(`create temp table ${STAGING} (${ENTRY_RECORD_COLUMNS}) on commit delete rows`)
  } catch (error) {
    await knex.client.releaseConnection(client)
    throw error
  }
  const runId = bulkEntityId("prnli")
  const startedAt = new Date()
  let recorded = false

  const copy = (lines: string[]) =>
    new Promise<void>((resolve, reject) => {
      const stream = client.query(copyFrom(`copy pg_temp.${STAGING} from stdin`))
      stream.on("error", reject)
      stream.on("finish", () => resolve())
      // one write per 1,000 lines: few chunks, none large
      for (let i = 0; i < lines.length; i += 1000) stream.write(lines.slice(i, i + 1000).join("\n") + "\n")
      stream.end()
    })

  return {
    runId: () => (recorded ? runId : null),
    async writeBatch(rows, progress) {
      if (!rows.length) return { inserted: 0, updated: 0 }
      const unique = new Map<string, PreparedEntry>()
      for (const row of rows) unique.set(sameEntryKey(row), row)
      const repeated = rows.length - unique.size
      const now = new Date()
      const expiry = defaultExpiry(now)
      const lines = [...unique.values()].map((row) => copyLine(row, bulkEntityId("prnle", now.getTime()), bulkEntityId("prnla", now.getTime()), expiry))
      // New entries' lookup keys wait in the GIN index's pending list, which every lookup reads
      // whole: merged before each batch, the next batch's lookups of equal entries stay index
      // lookups (~8 ms → < 1 ms a row at 20,000 entries). Best effort: without the right to do
      // it the import is only slower.
      await client.query(`select gin_clean_pending_list(to_regclass('"IDX_payment_risk_negative_list_entry_lookup_keys"'))`).catch(() => {})
      try {
        await client.query("begin")
        // the upsert's estimated cost on a young list (no statistics yet) made PostgreSQL compile
        // it (JIT: ~1.6 s a batch for a statement of ~0.2 s)
        await client.query("set local jit = off")
        await copy(lines)
        const result = await client.query(UPSERT_FROM_STAGING, [actorId, now, actorId, actorId, now, now, actorId, now, now])
        const counts = result.rows[0] as { inserted: number; updated: number }
        const updated = counts.updated + repeated
        await client.query(
          `insert into ${RUN_TABLE} (id, status, actor_id, batch_size, last_line, batches, imported, updated, rejected, backend_pid, backend_start, started_at, created_at, updated_at)
           select $1, 'running', $2, $3, $4, 1, $5, $6, $7, pg_backend_pid(), (select backend_start from pg_stat_activity where pid = pg_backend_pid()), $9, $8, $8
           on conflict (id) do update set last_line = excluded.last_line, batches = ${RUN_TABLE}.batches + 1,
             imported = ${RUN_TABLE}.imported + excluded.imported, updated = ${RUN_TABLE}.updated + excluded.updated,
             rejected = excluded.rejected, updated_at = excluded.updated_at`,
          [runId, actorId, batchSize, progress.last_line, counts.inserted, updated, progress.rejected, now, startedAt]
        )
        await client.query("commit")
        recorded = true
        return { inserted: counts.inserted, updated }
      } catch (error) {
        await client.query("rollback").catch(() => {
          broken = true
        })
        throw error
      }
    },
    async finish(status, totals, error = null) {
      if (!recorded || broken) return
      await client.query(
        `update ${RUN_TABLE} set status = $2, last_line = greatest(last_line, $3), imported = $4, updated = $5, rejected = $6,
           error = $7, finished_at = now(), updated_at = now() where id = $1`,
        [runId, status, totals.last_line, totals.imported, totals.updated, totals.rejected, error]
      )
    },
    async release() {
      if (!broken) await client.query(`drop table if exists pg_temp.${STAGING}`).catch(() => {})
      await knex.client.releaseConnection(client)
    },
  }
}

/**
 * The last `limit` runs, newest first. A run still `running` whose database session is gone (the
 * server died, kill -9) reads `interrupted`: its committed batches are in the list up to `last_line`.
 */
export async function listImportRuns(knex: Db, limit: number, offset: number): Promise<{ runs: ImportRun[]; count: number }> {
  const { rows } = await knex.raw(
    `select r.id, r.actor_id, r.batch_size, r.last_line, r.batches, r.imported, r.updated, r.rejected, r.error,
            r.started_at, r.finished_at, r.updated_at,
            case when r.status = 'running' and not exists (
              select 1 from pg_stat_activity a where a.pid = r.backend_pid and a.backend_start = r.backend_start
            ) then 'interrupted' else r.status end as status
     from ${RUN_TABLE} r order by r.started_at desc, r.id desc limit ? offset ?`,
    [limit, offset]
  )
  const counted = await knex.raw(`select count(*)::int as count from ${RUN_TABLE}`)
  return { runs: rows as ImportRun[], count: (counted.rows[0] as { count: number }).count }
}
