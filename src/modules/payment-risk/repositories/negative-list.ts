import { Context } from "@medusajs/framework/types"
import { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import { backfilledListEntryExpiry, newListEntryExpiry } from "../../../engine/privacy/retention"
import { bulkEntityId } from "../entity-id"
import { PreparedEntry } from "../negative-list-types"
import type PaymentRiskModuleService from "../service"
import { auditChanges } from "../types/audit-changes"
import { wellFormedJson } from "../types/json"
import { Db } from "./sql"

type Entries = Pick<
  PaymentRiskModuleService,
  "getSettings" | "createNegativeListEntries" | "updateNegativeListEntries" | "retrieveNegativeListEntry" | "deleteNegativeListEntries" | "createNegativeListAudits"
>
type Ctx = Context<EntityManager>

/**
 * Creates an entry and its audit record (masked values) within the caller's transaction. An
 * entry given without an expiry expires after the retention settings' `list_entry_days`;
 * `order_id` links an entry taken from an order (review → list), so the shopper's erasure finds it.
 */
export async function createListEntry(service: Entries, data: PreparedEntry, actorId: string | null, link: { order_id?: string | null }, ctx: Ctx) {
  const stored = { ...data, expires_at: data.expires_at ?? newListEntryExpiry(await service.getSettings()) }
  const entry = await service.createNegativeListEntries(
    { ...stored, order_id: link.order_id ?? null, created_by: actorId, updated_by: actorId },
    ctx
  )
  await service.createNegativeListAudits(
    { entry_id: entry.id, action: "create", actor_id: actorId, changes: auditChanges(null, stored) },
    ctx
  )
  return entry
}

/**
 * Updates an entry and records which fields changed (masked values), within the caller's
 * transaction. An entry never loses its expiry: a cleared date becomes the default again,
 * counted from the entry's creation (backfilledListEntryExpiry).
 */
export async function updateListEntry(service: Entries, id: string, data: PreparedEntry, actorId: string | null, ctx: Ctx) {
  const before = await service.retrieveNegativeListEntry(id, {}, ctx)
  const stored = {
    ...data,
    expires_at: data.expires_at ?? backfilledListEntryExpiry(await service.getSettings(), new Date(before.created_at)),
  }
  const entry = await service.updateNegativeListEntries({ id, ...stored, updated_by: actorId }, ctx)
  await service.createNegativeListAudits(
    { entry_id: id, action: "update", actor_id: actorId, changes: auditChanges(before, stored) },
    ctx
  )
  return entry
}

/**
 * Deletes an entry for good (no soft delete: a deleted entry keeps no personal data) and
 * records who deleted it when, without values, within the caller's transaction.
 */
export async function deleteListEntry(service: Entries, id: string, actorId: string | null, ctx: Ctx) {
  await service.retrieveNegativeListEntry(id, { select: ["id"] }, ctx)
  await service.deleteNegativeListEntries([id], ctx)
  await service.createNegativeListAudits({ entry_id: id, action: "delete", actor_id: actorId, changes: {} }, ctx)
}

/** Columns of an imported entry with their types, as the JSON records of a batch carry them. */
export const ENTRY_RECORD_COLUMNS =
  "id text, kind text, first_name text, last_name text, company text, address_1 text, address_2 text, " +
  "postal_code text, city text, country_code text, value text, display_hint text, key_id text, reason text, source text, " +
  "note text, expires_at timestamptz, lookup_keys text[], search_text text, audit_id text, changes jsonb"
const ENTRY_COLUMNS =
  "id, kind, first_name, last_name, company, address_1, address_2, postal_code, city, country_code, value, " +
  "display_hint, key_id, reason, source, note, expires_at, lookup_keys, search_text"

/** The same entry, field by field (case and surrounding spaces of typed text ignored). */
const SAME_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code"]
const SAME_COLUMNS = SAME_FIELDS.map((column) => `e.${column}`).join(", ")
const SAME_ENTRY = SAME_FIELDS
  .map((column) => `lower(trim(coalesce(e.${column}, ''))) = lower(trim(coalesce(b.${column}, '')))`)
  .join(" and ")

/**
 * A batch of entries with one audit row each, from `batch` (a select of ENTRY_RECORD_COLUMNS: one
 * JSON parameter, or the CSV import's COPY staging table; bindings after the batch's own: actor,
 * now, actor ×2, now ×2, actor, now ×2). A row equal to a stored entry (same kind, same value or
 * hash, same person and address) updates that entry's reason, note and expiry (its source — a
 * chargeback, a return debit — stays) instead of
 * adding a second one — so re-importing an export changes nothing but what was edited in the
 * file. The stored entry is found through the indexes the check uses: the value index for
 * single-value kinds, the GIN index on lookup keys for person and address entries.
 */
export const upsertEntriesWithAudit = (batch: string) => `
  with batch as (${batch}),
  matched as (
    select b.*, existing.id as existing_id from batch b
    left join lateral (
      -- two branches, each fetching by its index — the value index for single values, the GIN
      -- index on lookup keys for persons and addresses — and filtering the few candidates after
      -- (OFFSET 0 keeps the planner from merging the filters into the fetch). Given all conditions
      -- at once, with the statistics of a young list (an import into an empty list) it chose the
      -- kind index, and every row read all entries of its kind (~4 ms a row at 20,000 entries).
      -- The branch that does not apply is skipped for the row (a one-time filter on b.value).
      select id, created_at from (
        select e.* from (
          select e.id, e.created_at, e.kind, e.value, ${SAME_COLUMNS} from payment_risk_negative_list_entry e
          where b.value is not null and e.value = b.value and e.deleted_at is null offset 0
        ) e where e.kind = b.kind and ${SAME_ENTRY}
        union all
        select e.* from (
          select e.id, e.created_at, e.kind, e.value, ${SAME_COLUMNS} from payment_risk_negative_list_entry e
          where b.value is null and e.lookup_keys && b.lookup_keys and e.deleted_at is null offset 0
        ) e where e.value is null and e.kind = b.kind and ${SAME_ENTRY}
      ) same
      order by same.created_at
      limit 1
    ) existing on true
  ),
  updated as (
    update payment_risk_negative_list_entry e
    set reason = m.reason, note = m.note, expires_at = m.expires_at,
        display_hint = coalesce(m.display_hint, e.display_hint), updated_by = ?::text, updated_at = ?::timestamptz
    from matched m where m.existing_id is not null and e.id = m.existing_id
    returning e.id
  ),
  entries as (
    insert into payment_risk_negative_list_entry (${ENTRY_COLUMNS}, created_by, updated_by, created_at, updated_at)
    select ${ENTRY_COLUMNS}, ?::text, ?::text, ?::timestamptz, ?::timestamptz from matched where existing_id is null
  ),
  audit as (
    insert into payment_risk_negative_list_audit (id, entry_id, action, actor_id, changes, created_at, updated_at)
    select audit_id, coalesce(existing_id, id), case when existing_id is null then 'create' else 'update' end, ?::text, changes, ?::timestamptz, ?::timestamptz
    from matched
  )
  select count(*) filter (where existing_id is null)::int as inserted, count(*) filter (where existing_id is not null)::int as updated from matched`
const UPSERT_ENTRIES_WITH_AUDIT = upsertEntriesWithAudit(`select * from json_to_recordset(?::json) as r(${ENTRY_RECORD_COLUMNS})`)

/**
 * Stores a batch of prepared entries and their audit records with one statement, the rows as a
 * single JSON parameter instead of two multi-row inserts with ~20 bound parameters per row (a
 * 20,000-row import went from ~1,450 to ~1,850 rows/s with this alone); an import of a million
 * rows must not build a million ORM entities either. `defaultExpiry` is given to entries without
 * one. A row equal to a stored entry updates it (see UPSERT_ENTRIES_WITH_AUDIT); rows equal to
 * each other within the batch are stored once (the last one wins). Returns how many entries
 * were added and how many updated.
 */
export async function insertListEntries(
  knex: Db,
  rows: PreparedEntry[],
  actorId: string | null,
  now: Date,
  defaultExpiry: Date
): Promise<{ inserted: number; updated: number }> {
  const unique = new Map<string, PreparedEntry>()
  for (const row of rows) unique.set(sameEntryKey(row), row)
  const repeated = rows.length - unique.size
  // ids of the ORM's format (see bulkEntityId); the audit row is what createListEntry records
  const records = [...unique.values()].map((row) => {
    const stored = { ...row, expires_at: row.expires_at ?? defaultExpiry }
    return {
      ...stored,
      id: bulkEntityId("prnle", now.getTime()),
      audit_id: bulkEntityId("prnla", now.getTime()),
      changes: auditChanges(null, stored),
    }
  })
  const result = await knex.raw(UPSERT_ENTRIES_WITH_AUDIT, [wellFormedJson(records), actorId, now, actorId, actorId, now, now, actorId, now, now])
  const counts = (result.rows?.[0] ?? { inserted: 0, updated: 0 }) as { inserted: number; updated: number }
  return { inserted: counts.inserted, updated: counts.updated + repeated }
}

/** What makes two prepared rows the same entry (as SAME_ENTRY compares stored ones). */
export function sameEntryKey(row: PreparedEntry): string {
  const text = (value: string | null | undefined) => (value ?? "").trim().toLowerCase()
  return JSON.stringify([row.kind, row.value ?? null, ...["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code"].map((column) => text((row as Record<string, unknown>)[column] as string | null))])
}
