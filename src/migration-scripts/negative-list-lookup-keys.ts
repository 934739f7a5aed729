import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { entryKeys, searchText } from "../engine/list-matching/keys"
import { NegativeListKind, StoredPersonAddress } from "../engine/negative-list/types"

type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: EntryRow[] }> }

type EntryRow = StoredPersonAddress & {
  id: string
  kind: NegativeListKind
  value: string | null
  display_hint: string | null
  lookup_keys: string[]
  search_text: string
}

const sameKeys = (a: string[], b: string[]) => a.length === b.length && a.every((key, i) => key === b[i])

/**
 * Recomputes `lookup_keys` and `search_text` of every stored negative-list entry with the
 * current engine (issue 14 §1: house numbers glued to the street, after "Nr." or in `address_2`;
 * letters of other languages folded), in batches by id so a list of millions is never held in
 * memory and no statement locks the table for long. Writes only rows whose keys or text changed,
 * so running it again changes nothing. Returns how many rows were read and rewritten.
 */
export async function recomputeListKeys(knex: Knex, batchSize = 1000): Promise<{ read: number; updated: number }> {
  let after = ""
  let read = 0
  let updated = 0
  for (;;) {
    const { rows } = await knex.raw(
      `select id, kind, first_name, last_name, company, address_1, address_2, postal_code, city, country_code,
              value, display_hint, lookup_keys, search_text
       from payment_risk_negative_list_entry where id > ? order by id limit ?`,
      [after, batchSize]
    )
    if (!rows.length) break
    read += rows.length
    after = rows[rows.length - 1].id
    const changed = rows
      .map((row) => ({ id: row.id, lookup_keys: entryKeys(row), search_text: searchText(row), old: row }))
      .filter((row) => !sameKeys(row.lookup_keys, row.old.lookup_keys ?? []) || row.search_text !== row.old.search_text)
      .map(({ old: _old, ...row }) => row)
    if (changed.length) {
      await knex.raw(
        `update payment_risk_negative_list_entry as e
         set lookup_keys = r.lookup_keys, search_text = r.search_text
         from json_to_recordset(?::json) as r(id text, lookup_keys text[], search_text text)
         where e.id = r.id`,
        [JSON.stringify(changed)]
      )
      updated += changed.length
    }
  }
  return { read, updated }
}

/**
 * Run once by `medusa db:migrate` (after the modules' migrations): entries stored before the
 * matching of issue 14 get the keys a check now computes for a cart, so e.g. an entry imported
 * as "Hauptstr.7" is found by "Hauptstraße 7" (its old keys had no house number).
 */
export default async function negativeListLookupKeys({ container }: { container: MedusaContainer }) {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  await recomputeListKeys(knex)
}
