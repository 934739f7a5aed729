import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Knex = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rowCount?: number }> }

/**
 * Run once by `medusa db:migrate`: hashes stored before per-purpose keys (issue 14 §4) get the key
 * id `legacy` — HMAC-SHA256 with the secret itself over `purpose:value`. They cannot be
 * recomputed (the clear IBAN, card or identity is not stored), and need not be: every check also
 * computes the legacy hash under each configured secret, so they keep matching. Batched by id.
 */
export default async function hashKeyIds({ container }: { container: MedusaContainer }) {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  for (const [table, where] of [
    ["payment_risk_negative_list_entry", "kind in ('iban', 'card') and value is not null"],
    ["payment_risk_credit_query", "true"],
  ] as const) {
    for (;;) {
      const result = await knex.raw(
        `update ${table} set key_id = 'legacy' where id in (select id from ${table} where key_id is null and ${where} limit 5000)`
      )
      if (!result.rowCount) break
    }
  }
}
