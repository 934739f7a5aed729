import { scrubAssessmentRows } from "./assessments"
import { Db, rowCount } from "./sql"

/**
 * One shopper's rows in the plugin's tables, as the erasure workflow found them
 * (src/workflows/privacy/steps/find-shopper-data.ts): ids and keyed hashes, no clear values.
 */
export type ShopperErasurePlan = {
  customer_ids: string[]
  cart_ids: string[]
  order_ids: string[]
  /** keyed hashes of the shopper's emails, as velocity signals and identity observations hold them */
  email_keys: string[]
  assessment_ids: string[]
  /** keyed hashes of the person + address the credit bureau was asked about */
  credit_identity_hashes: string[]
  /** negative-list entries to delete with their audit rows (none with `keep_negative_list`) */
  list_entry_ids: string[]
  /** the shopper's entries kept on the list (`keep_negative_list`) */
  kept_list_entry_ids: string[]
}

/**
 * The cart id the figures keep for an erased cart: one random token per cart ('erased:<uuid>'),
 * the same on all its rows, so "carts evaluated" (distinct cart ids) stays right and nothing
 * points to the cart any more. SQL expression; a cart's token is chosen once per statement.
 */
export const ERASED_CART_TOKEN = `'erased:' || gen_random_uuid()::text`

/** Is this cart id already a token (not to be replaced again)? SQL condition on `cart_id`. */
export const IS_ERASED_CART = `left(cart_id, 7) = 'erased:'`

/**
 * Her carts' evaluation rows (by cart or order): cart id → the cart's token, no order id, times
 * cut to the day; the carts' summaries (payment_risk_cart_figure) get the same token and their
 * first evaluation cut to the day. Bindings: cart ids, order ids.
 */
const ANONYMISE_CART_EVALUATIONS = `
  with matched as (
    select id, cart_id from payment_risk_cart_evaluation
     where cart_id = any(?::text[]) or order_id = any(?::text[])
  ), tokens as (
    select c.cart_id, ${ERASED_CART_TOKEN} as token
      from (select distinct cart_id from matched where cart_id is not null and not (${IS_ERASED_CART})) c
  ), figures as (
    update payment_risk_cart_figure f
       set cart_id = coalesce(t.token, f.cart_id), first_evaluated_at = date_trunc('day', f.first_evaluated_at), updated_at = now()
      from (select distinct coalesce(cart_id, id) as k from matched) mk
      left join tokens t on t.cart_id = mk.k
     where f.cart_id = mk.k
  )
  update payment_risk_cart_evaluation e
     set cart_id = coalesce(t.token, m.cart_id), order_id = null,
         evaluated_at = date_trunc('day', e.evaluated_at), completed_at = date_trunc('day', e.completed_at), updated_at = now()
    from matched m
    left join tokens t on t.cart_id = m.cart_id
   where e.id = m.id`

export type ShopperErasureResult = {
  /** assessments scrubbed to anonymous figures */
  erased: number
  signals_deleted: number
  identity_observations_deleted: number
  credit_queries_deleted: number
  credit_reservations_deleted: number
  credit_limit_events_deleted: number
  review_events_deleted: number
  outcomes_deleted: number
  receivables_deleted: number
  /** dunning emails of her orders in Medusa's notification table (they hold her name and email) */
  dunning_notifications_deleted: number
  list_entries_deleted: number
  list_audits_deleted: number
  list_entries_kept: number
  /** her carts' evaluation rows kept for the figures with a random token for the cart id, no order id, times cut to the day */
  cart_evaluations_anonymised: number
  /** her orders' figure rows kept without their order id, the time cut to the day */
  order_figures_anonymised: number
}

/**
 * Removes one shopper from the plugin's tables in one transaction (all or nothing): her
 * assessments are scrubbed, and her velocity signals, identity observations, credit queries,
 * reservations and limit events, the review events, outcomes and receivables of her orders, and the list entries of
 * the plan with their audit rows are hard-deleted. The figures of her carts and orders stay, without
 * their cart and order ids and with their times cut to the day (they hold nothing else that points
 * to her): each cart's rows get one random token instead of the cart id (ERASED_CART_TOKEN), so a
 * cart evaluated three times still counts as one cart.
 */
export async function eraseShopperRecords(knex: Db, plan: ShopperErasurePlan): Promise<ShopperErasureResult> {
  const { cart_ids: carts, customer_ids: customers, email_keys: emailKeys, credit_identity_hashes: hashes } = plan
  return await knex.transaction(async (trx) => {
    const deleted = async (sql: string, bindings: string[][]) => rowCount(await trx.raw(sql, bindings))
    const erased = await scrubAssessmentRows(trx, plan.assessment_ids)
    const signals = await deleted(
      `delete from payment_risk_cart_signal where cart_id = any(?::text[]) or customer_id = any(?::text[]) or email_key = any(?::text[])`,
      [carts, customers, emailKeys]
    )
    const observations = await deleted(
      `delete from payment_risk_identity_observation where cart_id = any(?::text[]) or customer_id = any(?::text[]) or email_key = any(?::text[])`,
      [carts, customers, emailKeys]
    )
    const queries = await deleted(
      `delete from payment_risk_credit_query where cart_id = any(?::text[]) or identity_hash = any(?::text[])`,
      [carts, hashes]
    )
    const reservations = await deleted(
      `delete from payment_risk_credit_reservation where cart_id = any(?::text[]) or customer_id = any(?::text[]) or identity_hash = any(?::text[])`,
      [carts, customers, hashes]
    )
    const limitEvents = await deleted(`delete from payment_risk_credit_limit_event where cart_id = any(?::text[])`, [carts])
    const reviewEvents = await deleted(
      `delete from payment_risk_review_event where order_id = any(?::text[]) or assessment_id = any(?::text[])`,
      [plan.order_ids, plan.assessment_ids]
    )
    const outcomes = await deleted(`delete from payment_risk_outcome where order_id = any(?::text[])`, [plan.order_ids])
    const receivables = await deleted(`delete from payment_risk_receivable where order_id = any(?::text[])`, [plan.order_ids])
    const notifications = await deleteDunningNotifications(trx, plan.order_ids)
    const audits = await deleted(`delete from payment_risk_negative_list_audit where entry_id = any(?::text[])`, [plan.list_entry_ids])
    const entries = await deleted(`delete from payment_risk_negative_list_entry where id = any(?::text[])`, [plan.list_entry_ids])
    const evaluations = rowCount(await trx.raw(ANONYMISE_CART_EVALUATIONS, [carts, plan.order_ids]))
    const orderFigures = await deleted(
      `update payment_risk_order_figure set order_id = null, placed_at = date_trunc('day', placed_at), updated_at = now()
        where order_id = any(?::text[])`,
      [plan.order_ids]
    )
    return {
      erased,
      signals_deleted: signals,
      identity_observations_deleted: observations,
      credit_queries_deleted: queries,
      credit_reservations_deleted: reservations,
      credit_limit_events_deleted: limitEvents,
      review_events_deleted: reviewEvents,
      outcomes_deleted: outcomes,
      receivables_deleted: receivables,
      dunning_notifications_deleted: notifications,
      list_entries_deleted: entries,
      list_audits_deleted: audits,
      list_entries_kept: plan.kept_list_entry_ids.length,
      cart_evaluations_anonymised: evaluations,
      order_figures_anonymised: orderFigures,
    }
  })
}

/**
 * The dunning emails the plugin sent about these orders (idempotency key
 * `payment-risk:dunning:<order>:<stage>`), from Medusa's notification table when the store has
 * the Notification Module (no table: nothing to delete).
 */
async function deleteDunningNotifications(trx: Db, orderIds: string[]): Promise<number> {
  if (!orderIds.length) return 0
  const { rows } = await trx.raw(`select to_regclass('notification') is not null as present`)
  if (!rows[0]?.present) return 0
  const patterns = orderIds.map((id) => `payment-risk:dunning:${id.replace(/[\\%_]/g, "\\$&")}:%`)
  return rowCount(await trx.raw(`delete from notification where idempotency_key like any(?::text[])`, [patterns]))
}

export type ShopperKeysFilter = { cart_ids: string[]; customer_ids: string[] }

/**
 * The shopper's keyed hashes in the tracking tables, for an erasure: the credit identities
 * asked for her carts or account, and the IP keys recorded for her carts.
 */
export async function findShopperKeys(
  knex: Db,
  filter: ShopperKeysFilter
): Promise<{ credit_identity_hashes: string[]; ip_keys: string[] }> {
  const { cart_ids: carts, customer_ids: customers } = filter
  const credit = await knex.raw(
    `select identity_hash as key from payment_risk_credit_query where cart_id = any(?::text[])
     union select identity_hash from payment_risk_credit_reservation where cart_id = any(?::text[]) or customer_id = any(?::text[])`,
    [carts, carts, customers]
  )
  const ips = await knex.raw(
    `select ip_key as key from payment_risk_cart_signal where ip_key is not null and (cart_id = any(?::text[]) or customer_id = any(?::text[]))
     union select ip_key from payment_risk_identity_observation where ip_key <> '' and (cart_id = any(?::text[]) or customer_id = any(?::text[]))
     union select ip_key from payment_risk_credit_reservation where ip_key is not null and (cart_id = any(?::text[]) or customer_id = any(?::text[]))`,
    [carts, customers, carts, customers, carts, customers]
  )
  const keys = (result: { rows: Array<{ key: string }> }) => result.rows.map((row) => row.key)
  return { credit_identity_hashes: keys(credit), ip_keys: keys(ips) }
}
