/**
 * Moves what the history seed just created back to the day it happens in the story.
 *
 * Medusa has no way to place an order, take a payment or create a customer "as of" an earlier
 * day: every workflow stamps `created_at` (and `completed_at`, `captured_at` …) with the clock.
 * So right after a workflow ran, these bound-parameter UPDATEs set those timestamps to the
 * story's moment — in Medusa's tables (order, cart, payment, capture, customer) and in the
 * plugin's own (assessment and velocity signal of the cart; negative-list entries of an
 * outcome). Dates the plugin computes with (a receivable's invoice date, an outcome's
 * `occurred_at`, a dunning stage's day) are never set here: they go through the module's
 * service and the workflows' own inputs.
 */
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Knex = { raw(sql: string, bindings?: unknown[]): Promise<unknown> }

const db = (container: MedusaContainer) => container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex

/** Rows written by the workflow that just ran (a minute is ample; earlier rows were moved already). */
const FRESH = "created_at > now() - interval '5 minutes'"

/** An order placed from `cartId` at `at`: the order, its cart, payment collection, sessions and payments, its assessment and velocity signal. */
export async function backdateOrder(container: MedusaContainer, ids: { order_id: string; cart_id: string; payment_collection_id: string }, at: Date) {
  const knex = db(container)
  const cartOpened = new Date(at.getTime() - 9 * 60_000)
  await knex.raw(`update "order" set created_at = ?, updated_at = ? where id = ?`, [at, at, ids.order_id])
  for (const table of ["order_summary", "order_item", "order_shipping", "order_change", "order_transaction"]) {
    await knex.raw(`update ${table} set created_at = ?, updated_at = ? where order_id = ?`, [at, at, ids.order_id])
  }
  await knex.raw(`update cart set created_at = ?, updated_at = ?, completed_at = ? where id = ?`, [cartOpened, at, at, ids.cart_id])
  await knex.raw(`update payment_collection set created_at = ?, updated_at = ?, completed_at = case when completed_at is null then null else ?::timestamptz end where id = ?`, [cartOpened, at, at, ids.payment_collection_id])
  await knex.raw(`update payment_session set created_at = ?, updated_at = ?, authorized_at = case when authorized_at is null then null else ?::timestamptz end where payment_collection_id = ?`, [cartOpened, at, at, ids.payment_collection_id])
  await knex.raw(`update payment set created_at = ?, updated_at = ? where payment_collection_id = ?`, [at, at, ids.payment_collection_id])
  await knex.raw(`update payment_risk_assessment set created_at = ?, updated_at = ? where cart_id = ?`, [at, at, ids.cart_id])
  await knex.raw(`update payment_risk_cart_signal set created_at = ?, updated_at = ?, completed_at = case when completed_at is null then null else ?::timestamptz end where cart_id = ?`, [cartOpened, at, at, ids.cart_id])
}

/** The captures just taken on the order's payments, and the order transactions they wrote. */
export async function backdateCaptures(container: MedusaContainer, ids: { order_id: string; payment_collection_id: string }, at: Date) {
  const knex = db(container)
  await knex.raw(
    `update capture set created_at = ?, updated_at = ? where ${FRESH} and payment_id in (select id from payment where payment_collection_id = ?)`,
    [at, at, ids.payment_collection_id]
  )
  await knex.raw(`update payment set captured_at = ? where payment_collection_id = ? and captured_at > now() - interval '5 minutes'`, [at, ids.payment_collection_id])
  await knex.raw(`update order_transaction set created_at = ?, updated_at = ? where ${FRESH} and order_id = ?`, [at, at, ids.order_id])
}

/** A customer who has been with the shop since `at`. */
export async function backdateCustomer(container: MedusaContainer, customerId: string, at: Date) {
  const knex = db(container)
  await knex.raw(`update customer set created_at = ?, updated_at = ? where id = ?`, [at, at, customerId])
  await knex.raw(`update customer_address set created_at = ?, updated_at = ? where customer_id = ?`, [at, at, customerId])
}

/** The negative-list entries an outcome created, and their audit lines, dated like the outcome. */
export async function backdateListEntries(container: MedusaContainer, entryIds: string[], at: Date) {
  if (!entryIds.length) return
  const knex = db(container)
  await knex.raw(`update payment_risk_negative_list_entry set created_at = ?, updated_at = ? where id = any(?)`, [at, at, entryIds])
  await knex.raw(`update payment_risk_negative_list_audit set created_at = ?, updated_at = ? where entry_id = any(?)`, [at, at, entryIds])
}

/** The dunning emails the daily run just handed to the Notification Module, dated on the run's day. */
export async function backdateDunningEmails(container: MedusaContainer, at: Date) {
  await db(container).raw(
    `update notification set created_at = ?, updated_at = ? where ${FRESH} and template = 'payment-risk.dunning-stage'`,
    [at, at]
  )
}
