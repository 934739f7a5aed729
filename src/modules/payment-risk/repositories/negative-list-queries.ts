import { Knex } from "@medusajs/framework/mikro-orm/knex"
import { Db } from "./sql"
import type { StoredPersonAddress } from "../../../engine/negative-list/types"

export type ListEntryFilters = { kind?: string; source?: string; q?: string; expired?: boolean }

/** What an export holds: hashed values only (IBAN/card as keyed hash + display hint). */
export const EXPORT_COLUMNS = [
  "id", "kind", "first_name", "last_name", "company", "address_1", "address_2", "postal_code",
  "city", "country_code", "value", "display_hint", "reason", "source", "expires_at", "note",
  "created_at", "created_by", "key_id",
]

/** What the erasure looks for on the negative list (normalised as entries store them). */
export type ShopperListCriteria = {
  emails: string[]
  customer_ids: string[]
  phones: string[]
  order_ids: string[]
  iban_hashes: string[]
  card_hashes: string[]
  /** lookup keys of the shopper's addresses: candidates for person entries (scored by the caller) */
  address_keys: string[]
}

export type ListEntryCandidate = StoredPersonAddress & {
  id: string
  kind: string
  value: string | null
  order_id: string | null
}

const ENTRIES = "payment_risk_negative_list_entry"

/**
 * Entries sharing at least one lookup key with the subject, not deleted and not expired:
 * one GIN-indexed overlap query with bound parameters, never a scan of the list. Ordered by
 * the number of keys shared, so many entries under one crowded key (a postcode, a surname)
 * cannot push the real match beyond the limit.
 */
export async function findListCandidates(knex: Db, keys: string[], limit: number): Promise<Array<Record<string, unknown>>> {
  return await knex(ENTRIES)
    .select(
      "id", "kind", "first_name", "last_name", "company", "address_1", "address_2",
      "postal_code", "city", "country_code", "value", "display_hint", "key_id", "expires_at", "reason",
      "source", "note", "created_at", "created_by", "action"
    )
    .whereRaw("lookup_keys && ?::text[]", [keys])
    .whereNull("deleted_at")
    .andWhere((q) => q.whereNull("expires_at").orWhere("expires_at", ">", new Date()))
    .orderByRaw("(select count(*) from unnest(lookup_keys) as k where k = any(?::text[])) desc, created_at desc, id", [keys])
    .limit(limit)
}

/** One page of entries for an export, by id after `after` (keyset), filtered as the list is. */
export async function listEntryPage(knex: Db, filters: ListEntryFilters, after: string, pageSize: number): Promise<Array<Record<string, unknown>>> {
  const query = knex(ENTRIES)
    .select(EXPORT_COLUMNS)
    .whereNull("deleted_at")
    .andWhere("id", ">", after)
    .orderBy("id")
    .limit(pageSize)
  if (filters.kind) query.andWhere("kind", filters.kind)
  if (filters.source) query.andWhere("source", filters.source)
  if (filters.q) query.andWhereRaw("search_text ilike ?", [`%${filters.q}%`])
  if (filters.expired === true) query.andWhere("expires_at", "<=", new Date())
  if (filters.expired === false) query.andWhere((q) => q.whereNull("expires_at").orWhere("expires_at", ">", new Date()))
  return await query
}

/** Exact-IP entries (no ranges), deleted or expired included, a page at a time by id. */
export async function listIpEntries(knex: Db, after: string, limit: number): Promise<Array<{ id: string; value: string }>> {
  return await knex(ENTRIES)
    .select("id", "value")
    .where("kind", "ip")
    .whereNotNull("value")
    .whereRaw("position('/' in value) = 0")
    .andWhere("id", ">", after)
    .orderBy("id")
    .limit(limit)
}

/**
 * Negative-list entries that may be the shopper's, deleted or expired ones included: exact
 * values (email, customer, phone, IBAN/card hashes), entries taken from her orders, and
 * person entries sharing a lookup key with her addresses (the caller keeps certain matches).
 */
export async function findShopperListEntries(knex: Db, c: ShopperListCriteria): Promise<ListEntryCandidate[]> {
  const exact = (kind: string, values: string[]) => (q: Knex.QueryBuilder) => q.where("kind", kind).whereRaw("value = any(?::text[])", [values])
  return await knex(ENTRIES)
    .select(
      "id", "kind", "first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city",
      "country_code", "value", "order_id"
    )
    .where((q) =>
      q
        .whereRaw("order_id = any(?::text[])", [c.order_ids])
        .orWhere(exact("email", c.emails))
        .orWhere(exact("customer", c.customer_ids))
        .orWhere(exact("phone", c.phones))
        .orWhere(exact("iban", c.iban_hashes))
        .orWhere(exact("card", c.card_hashes))
        .orWhere((p) => p.where("kind", "person").whereRaw("lookup_keys && ?::text[]", [c.address_keys]))
    )
    .limit(10_000)
}
