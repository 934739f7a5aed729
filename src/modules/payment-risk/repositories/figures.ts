import { generateEntityId } from "@medusajs/framework/utils"
import type { EvaluationRecord } from "../../../engine"
import { Db, rowCount } from "./sql"

/**
 * The writing side of the merchant's figures (issue 17): one row per evaluated cart and decision
 * (payment_risk_cart_evaluation) and one per placed order (payment_risk_order_figure). No
 * personal data: ids, classes, check and rule ids, amounts. Every statement has bound parameters.
 */

/**
 * How long a figures write may wait for a lock, and run at all: it is written in the background
 * on a pooled connection, so a write stuck behind a lock or an overloaded server gives its
 * connection back quickly (the row is lost and logged, the shopper's answer never waited for it).
 */
export const FIGURES_LOCK_TIMEOUT = "200ms"
export const FIGURES_STATEMENT_TIMEOUT = "2s"

/** What a figures insert found when it was written. */
export type CartEvaluationWrite = "inserted" | "credit_added" | "unchanged" | "cart_completed"

/**
 * Inserts the evaluation row unless the cart already has one for this decision (a reload of the
 * payment step adds nothing); an evaluation with paid credit queries adds them and their cost to
 * the existing row instead (a shopper retyping her birth date makes a new paid query under the
 * same decision). Nothing is written for a cart that was completed before the evaluation started
 * (`startedAt`): a shopper calling the payment step with an old cart id must not add rows to a
 * completed cart. A row added after its cart became an order (the completion's row, written in
 * the background, may land after `order.placed`) takes the completion from its sibling rows, else
 * from the order's figure found through Medusa's order–cart link. Runs with a short lock and
 * statement timeout in its own transaction.
 */
export async function insertCartEvaluation(knex: Db, row: EvaluationRecord, startedAt: Date): Promise<CartEvaluationWrite> {
  const now = new Date()
  return await knex.transaction(async (trx) => {
    await trx.raw(`set local lock_timeout = '${FIGURES_LOCK_TIMEOUT}'`)
    await trx.raw(`set local statement_timeout = '${FIGURES_STATEMENT_TIMEOUT}'`)
    const completed = await trx.raw(`select 1 from cart where id = ? and completed_at is not null and completed_at <= ?`, [row.cart_id, startedAt])
    if (completed.rows.length) return "cart_completed"
    const { rows } = await trx.raw(
      `insert into payment_risk_cart_evaluation as e
         (id, cart_id, decision_key, stage, evaluated_at, currency_code, total, raw_total, restricted, fallback, causes,
          hidden_classes, offered_classes, rules_held, score, review, credit_ran, credit_cached, credit_failed, credit_cost,
          credit_queries, list_matches, completed_at, order_id, completed_class, completed_provider_id, created_at, updated_at)
       select ?, ?, ?, ?, ?, ?, t.total, jsonb_build_object('value', t.total::text, 'precision', 20), ?, ?, ?::text[],
              ?::text[], ?::text[], ?::text[], ?, ?, ?, ?, ?, ?, ?,
              ?::jsonb, done.completed_at, done.order_id, done.completed_class, done.completed_provider_id, ?, ?
         from (select ?::numeric as total) t
         left join lateral (
           select d.completed_at, d.order_id, d.completed_class, d.completed_provider_id
             from (select s.completed_at, s.order_id, s.completed_class, s.completed_provider_id, 0 as preference
                     from payment_risk_cart_evaluation s
                    where s.cart_id = ? and s.completed_at is not null and s.deleted_at is null
                   union all
                   select f.placed_at, f.order_id, f.payment_class, f.provider_id, 1
                     from order_cart oc
                     join payment_risk_order_figure f on f.order_id = oc.order_id and f.deleted_at is null
                    where oc.cart_id = ? and oc.deleted_at is null) d
            order by d.preference
            limit 1
         ) done on true
       on conflict (cart_id, decision_key) where cart_id is not null and deleted_at is null
       do update set credit_cost = e.credit_cost + excluded.credit_cost,
                     credit_queries = e.credit_queries + excluded.credit_queries,
                     credit_ran = e.credit_ran or excluded.credit_ran,
                     updated_at = excluded.updated_at
        where excluded.credit_queries > 0
       returning (xmax = 0) as inserted`,
      [
        generateEntityId(undefined, "prce"), row.cart_id, row.decision_key, row.stage, row.evaluated_at, row.currency_code,
        row.restricted, row.fallback, row.causes,
        row.hidden_classes, row.offered_classes, row.rules_held, Math.round(row.score), row.review, row.credit_ran, row.credit_cached, row.credit_failed,
        row.credit_cost, row.credit_queries,
        row.list_matches ? JSON.stringify(row.list_matches) : null, now, now,
        String(row.total),
        row.cart_id, row.cart_id,
      ]
    )
    if (!rows.length) return "unchanged"
    return rows[0].inserted ? "inserted" : "credit_added"
  })
}

/**
 * Whether the cart had a paid credit query that was answered (not a cache hit, no error): the
 * paid query is normally made while listing, and the completion gets the cached answer.
 */
export async function cartHadPaidCreditQuery(knex: Db, cartId: string): Promise<boolean> {
  const { rows } = await knex.raw(
    `select 1 from payment_risk_credit_query where cart_id = ? and cached = false and error is null and deleted_at is null limit 1`,
    [cartId]
  )
  return rows.length > 0
}

/** One placed order for the figures (amount in major units, currency lower case). */
export type OrderFigureInput = {
  order_id: string
  placed_at: Date
  currency_code: string
  amount: number
  payment_class: string | null
  provider_id: string | null
  score: number
  rules_held: string[]
  flagged_by: string[]
  review: boolean
  credit_checked: boolean
}

/** Inserts the order's figure unless it has one (event redelivery); the new row's id, or null when it existed. */
export async function insertOrderFigure(knex: Db, row: OrderFigureInput): Promise<string | null> {
  const now = new Date()
  const id = generateEntityId(undefined, "prof")
  const { rows } = await knex.raw(
    `insert into payment_risk_order_figure
       (id, order_id, placed_at, currency_code, amount, raw_amount, payment_class, provider_id, score, rules_held, flagged_by,
        review, credit_checked, created_at, updated_at)
     select ?, ?, ?, ?, t.amount, jsonb_build_object('value', t.amount::text, 'precision', 20), ?, ?, ?, ?::text[], ?::text[], ?, ?, ?, ?
       from (select ?::numeric as amount) t
     on conflict (order_id) where order_id is not null and deleted_at is null do nothing
     returning id`,
    [
      id, row.order_id, row.placed_at, row.currency_code.toLowerCase(), row.payment_class, row.provider_id, Math.round(row.score),
      row.rules_held, row.flagged_by, row.review, row.credit_checked, now, now, String(row.amount),
    ]
  )
  return rows.length ? (rows[0].id as string) : null
}

export type CartCompletion = {
  cart_id: string
  order_id: string
  completed_at: Date
  completed_class: string | null
  completed_provider_id: string | null
}

/** Marks the cart's evaluation rows completed by its order; returns the ids of the rows it changed (already completed rows are left). */
export async function completeCartEvaluations(knex: Db, c: CartCompletion): Promise<string[]> {
  const { rows } = await knex.raw(
    `update payment_risk_cart_evaluation
        set completed_at = ?, order_id = ?, completed_class = ?, completed_provider_id = ?, updated_at = now()
      where cart_id = ? and completed_at is null and deleted_at is null
      returning id`,
    [c.completed_at, c.order_id, c.completed_class, c.completed_provider_id, c.cart_id]
  )
  return rows.map((row: { id: string }) => row.id)
}

/**
 * Completes the open evaluation rows of carts that became an order with a figure (through
 * Medusa's order–cart link), for rows evaluated since `since`: the daily job's repair for a
 * completion whose write failed or landed after `order.placed`. Returns how many rows it changed.
 */
export async function completeOpenCartEvaluations(knex: Db, since: Date): Promise<number> {
  return rowCount(
    await knex.raw(
      `update payment_risk_cart_evaluation e
          set completed_at = f.placed_at, order_id = f.order_id, completed_class = f.payment_class,
              completed_provider_id = f.provider_id, updated_at = now()
         from order_cart oc
         join payment_risk_order_figure f on f.order_id = oc.order_id and f.deleted_at is null
        where e.cart_id = oc.cart_id and oc.deleted_at is null
          and e.completed_at is null and e.deleted_at is null and e.evaluated_at >= ?`,
      [since]
    )
  )
}
