import { Db, rowCount } from "./sql"

/** A negative-list IBAN/card entry with its value hashed under the current key. */
export type RekeyedListEntry = { id: string; value: string; key_id: string; lookup_keys: string[] }
/** A credit query with its identity hashed under the current key. */
export type RekeyedCreditQuery = { id: string; identity_hash: string; key_id: string }

/**
 * Moves negative-list IBAN/card entries onto the current key: `value` is the same clear value's
 * hash under the current secret (the caller proved it equal by matching the clear value under
 * an earlier one). Not an edit of the entry, so no audit row.
 */
export async function rekeyListEntries(knex: Db, rows: RekeyedListEntry[]): Promise<number> {
  const result = await knex.raw(
    `update payment_risk_negative_list_entry as e
     set value = r.value, key_id = r.key_id, lookup_keys = r.lookup_keys, updated_at = now()
     from json_to_recordset(?::json) as r(id text, value text, key_id text, lookup_keys text[])
     where e.id = r.id and e.deleted_at is null`,
    [JSON.stringify(rows)]
  )
  return rowCount(result)
}

/**
 * How many stored hashes depend on which secret: negative-list IBAN/card entries (not deleted)
 * and answered credit queries (the cache), by key id (`legacy` for values from before per-purpose keys).
 */
export async function countHashKeyUse(knex: Db): Promise<{ list_entries: Record<string, number>; credit_queries: Record<string, number> }> {
  const byKey = (rows: Array<{ key_id: string; count: number }>) => Object.fromEntries(rows.map((row) => [row.key_id, Number(row.count)]))
  const entries = await knex("payment_risk_negative_list_entry")
    .select(knex.raw("coalesce(key_id, 'legacy') as key_id"), knex.raw("count(*)::int as count"))
    .whereIn("kind", ["iban", "card"])
    .whereNull("deleted_at")
    .groupByRaw("1")
  const queries = await knex("payment_risk_credit_query")
    .select(knex.raw("coalesce(key_id, 'legacy') as key_id"), knex.raw("count(*)::int as count"))
    .whereNull("deleted_at")
    .whereNotNull("result")
    .groupByRaw("1")
  return { list_entries: byKey(entries), credit_queries: byKey(queries) }
}

/** Answered credit queries not on the current key that still have a cart, a page at a time by id. */
export async function listCreditQueriesToRekey(
  knex: Db,
  currentKeyId: string,
  after: string,
  limit: number
): Promise<Array<{ id: string; cart_id: string; identity_hash: string }>> {
  return await knex("payment_risk_credit_query")
    .select("id", "cart_id", "identity_hash")
    .whereNull("deleted_at")
    .whereNotNull("result")
    .whereNotNull("cart_id")
    .andWhere((q) => q.whereNull("key_id").orWhere("key_id", "<>", currentKeyId))
    .andWhere("id", ">", after)
    .orderBy("id")
    .limit(limit)
}

/** Writes credit queries' identity hashes recomputed under the current key. */
export async function rekeyCreditQueries(knex: Db, rows: RekeyedCreditQuery[]): Promise<number> {
  const result = await knex.raw(
    `update payment_risk_credit_query as q
     set identity_hash = r.identity_hash, key_id = r.key_id
     from json_to_recordset(?::json) as r(id text, identity_hash text, key_id text)
     where q.id = r.id`,
    [JSON.stringify(rows)]
  )
  return rowCount(result)
}
