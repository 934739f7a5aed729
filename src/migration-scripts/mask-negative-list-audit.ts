import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isMaskedAuditChanges, maskAuditChanges } from "../engine/privacy/mask"

type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: Array<{ id: string; action: string; changes: unknown }> }> }

/**
 * Earlier versions wrote the clear values of every changed field (names, emails, addresses,
 * notes) into the negative-list audit trail. This rewrites those rows the way new rows are
 * written: each personal value becomes a masked hint (first character and length), and a
 * "delete" row keeps no values at all. Run once by `medusa db:migrate` after the modules'
 * migrations; reads and updates the table in batches by id (keyset), so a large trail never
 * sits in memory and no statement locks it for long. Rows already masked are left alone, so a
 * second run changes nothing.
 */
export default async function maskNegativeListAudit({ container }: { container: MedusaContainer }, batchSize = 1000) {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  let after = ""
  let rewritten = 0
  for (;;) {
    const { rows } = await knex.raw(
      `select id, action, changes from payment_risk_negative_list_audit where id > ? order by id limit ?`,
      [after, batchSize]
    )
    if (!rows.length) break
    const updates = rows
      .filter((row) => (row.action === "delete" ? Object.keys(asObject(row.changes)).length > 0 : !isMaskedAuditChanges(row.changes)))
      .map((row) => ({ id: row.id, changes: row.action === "delete" ? {} : maskAuditChanges(row.changes) }))
    if (updates.length) {
      await knex.raw(
        `update payment_risk_negative_list_audit a set changes = u.changes, updated_at = now()
           from json_to_recordset(?::json) as u(id text, changes jsonb) where a.id = u.id`,
        [JSON.stringify(updates)]
      )
      rewritten += updates.length
    }
    after = rows[rows.length - 1].id
  }
  return rewritten
}

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
