import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: unknown[] }> }

/** The order an event is about: found once, or not (unknown), or more than one (ambiguous). */
export type FoundOrder =
  | { found: "one"; order_id: string; currency_code: string | null }
  | { found: "none" }
  | { found: "ambiguous"; count: number }

const answer = (rows: unknown[]): FoundOrder => {
  const orders = rows as Array<{ order_id: string; currency_code: string | null }>
  if (!orders.length) return { found: "none" }
  if (orders.length > 1) return { found: "ambiguous", count: orders.length }
  return { found: "one", order_id: orders[0].order_id, currency_code: orders[0].currency_code ?? null }
}

/**
 * Orders of the payment collections, through Medusa's order ↔ payment collection link. The
 * collections are collected first (`= any(array(…))`, evaluated once): as `in (…)` the planner
 * misjudged how many there are and read the whole link table (EXPLAIN at 200,000 orders).
 */
const ORDERS_OF_COLLECTIONS = `
  select distinct o.id as order_id, o.currency_code
  from order_payment_collection opc
  join "order" o on o.id = opc.order_id and o.deleted_at is null
  where opc.deleted_at is null and opc.payment_collection_id = any(array(COLLECTIONS))`

/**
 * The lookup of a provider's payment id (SQL and bindings): payments and payment sessions of a
 * Stripe provider whose `data->>'id'` is the id — found through the plugin's expression indexes
 * on `(data->>'id')` of both tables (migration Migration20261204170000), not a scan.
 */
export function providerPaymentLookup(providerPaymentId: string): { sql: string; bindings: string[] } {
  // only Stripe's own payments: a shopper can put any `data` on a session of another provider
  // (Medusa keeps the caller's data), and a copied intent id would make the lookup ambiguous
  const collections = `
    select payment_collection_id from payment where deleted_at is null and provider_id like 'pp\\_stripe%' and data->>'id' = ?
    union
    select payment_collection_id from payment_session where deleted_at is null and provider_id like 'pp\\_stripe%' and data->>'id' = ?`
  return { sql: ORDERS_OF_COLLECTIONS.replace("COLLECTIONS", collections), bindings: [providerPaymentId, providerPaymentId] }
}

/**
 * The order whose payment a payment provider knows by its own id, e.g. a Stripe payment intent:
 * Medusa's Stripe provider keeps the intent as the payment's and the payment session's `data`
 * (`data.id` = `pi_…`) — only payments of a Stripe provider (`pp_stripe…`) count. Read only, with
 * bound parameters.
 */
export async function findOrderByProviderPaymentId(container: MedusaContainer, providerPaymentId: string): Promise<FoundOrder> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { sql, bindings } = providerPaymentLookup(providerPaymentId)
  const { rows } = await knex.raw(sql, bindings)
  return answer(rows)
}

/** The order of a Medusa payment (`pay_…`). */
export async function findOrderByPaymentId(container: MedusaContainer, paymentId: string): Promise<FoundOrder> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const collections = `select payment_collection_id from payment where deleted_at is null and id = ?`
  const { rows } = await knex.raw(ORDERS_OF_COLLECTIONS.replace("COLLECTIONS", collections), [paymentId])
  return answer(rows)
}

/** An order by its id (only if it exists and is not deleted). */
export async function findOrderById(container: MedusaContainer, orderId: string): Promise<FoundOrder> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(`select id as order_id, currency_code from "order" where deleted_at is null and id = ?`, [orderId])
  return answer(rows)
}
