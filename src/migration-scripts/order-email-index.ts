import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Knex = { raw: (sql: string) => Promise<unknown> }

/**
 * The order history of a shopper is looked up by `lower(email)` on every decision
 * (src/utils/load-customer-history.ts). Medusa has no index on `order.email`, so without this
 * one each lookup reads the whole order table (≈ 100 ms at 300,000 orders). An index only,
 * on Medusa's table, built CONCURRENTLY so a live store keeps taking orders meanwhile; run once
 * by `medusa db:migrate` after the modules' migrations (migration scripts run outside a
 * transaction). Dropping it changes nothing but speed.
 */
export default async function createOrderEmailIndex({ container }: { container: MedusaContainer }) {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  // an earlier CONCURRENTLY build that was interrupted leaves an invalid index behind
  await knex.raw(`
    do $$ begin
      if exists (select 1 from pg_index i join pg_class c on c.oid = i.indexrelid
                 where c.relname = 'IDX_payment_risk_order_email_lower' and not i.indisvalid) then
        drop index "IDX_payment_risk_order_email_lower";
      end if;
    end $$`)
  await knex.raw(
    `create index concurrently if not exists "IDX_payment_risk_order_email_lower" on "order" (lower(email)) where deleted_at is null`
  )
}
