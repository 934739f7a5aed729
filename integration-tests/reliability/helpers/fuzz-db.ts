import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Medusa tables a plugin route could touch by mistake, besides the plugin's own. */
const MEDUSA_TABLES = ["order", "cart", "payment_session", "payment_collection", "order_fulfillment", "fulfillment"]

export type DbSnapshot = Record<string, { rows: number; md5: string }>

/** The plugin's tables (payment_risk_*) and the relevant Medusa tables that exist. */
export async function watchedTables(container: MedusaContainer): Promise<string[]> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(
    `select table_name from information_schema.tables
     where table_schema = current_schema() and (table_name like 'payment\\_risk\\_%' or table_name = any(?))
     order by table_name`,
    [MEDUSA_TABLES]
  )
  return rows.map((row: { table_name: string }) => row.table_name)
}

/**
 * Row count and an md5 over every row's full text, ordered: any insert, update (even of a
 * timestamp) or delete changes it.
 */
export async function snapshotDb(container: MedusaContainer, tables: string[]): Promise<DbSnapshot> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const snapshot: DbSnapshot = {}
  for (const table of tables) {
    const { rows } = await pg.raw(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5 from "${table}" t`
    )
    snapshot[table] = { rows: rows[0].rows, md5: rows[0].md5 }
  }
  return snapshot
}

/** Tables whose count or checksum differ, e.g. `payment_risk_cart_signal 3→4 rows`. */
export function diffSnapshots(before: DbSnapshot, after: DbSnapshot): string[] {
  return Object.keys({ ...before, ...after }).flatMap((table) => {
    const a = before[table]
    const b = after[table]
    if (a && b && a.rows === b.rows && a.md5 === b.md5) return []
    return [`${table} ${a?.rows ?? "-"}→${b?.rows ?? "-"} rows${a && b && a.rows === b.rows ? " (content changed)" : ""}`]
  })
}
