import { generateEntityId } from "@medusajs/framework/utils"
import type { EvaluationRecord } from "../../../engine"
import { Db, rowCount } from "./sql"

/**
 * The writing side of the merchant's figures (issue 17): one row per evaluated cart and decision
 * (payment_risk_cart_evaluation) and one per placed order (payment_risk_order_figure). No
 * personal data: ids, classes, check and rule ids, amounts. Every statement has bound parameters.
 */

/**
 * Inserts the evaluation row unless the cart already has one for this decision (a reload of the
 * payment step adds nothing). The credit cost is what the cart's paid queries since `creditSince`
 * cost (the queries of this evaluation; a cache hit is free). A row added after its cart became
 * an order (the completion's row, written in the background, may land after `order.placed`) takes
 * the completion from its sibling rows. Returns whether a row was inserted.
 */
export async function insertCartEvaluation(knex: Db, row: EvaluationRecord, creditSince: Date | null): Promise<boolean> {
  const now = new Date()
  const paidCredit = row.credit_ran && !row.credit_cached && creditSince !== null
  const result = await knex.raw(
    `insert into payment_risk_cart_evaluation
       (id, cart_id, decision_key, stage, evaluated_at, currency_code, total, raw_total, restricted, fallback, causes,
        hidden_classes, offered_classes, rules_held, score, review, credit_ran, credit_cached, credit_failed, credit_cost,
        list_matches, completed_at, order_id, completed_class, completed_provider_id, created_at, updated_at)
     select ?, ?, ?, ?, ?, ?, t.total, jsonb_build_object('value', t.total::text, 'precision', 20), ?, ?, ?::text[],
            ?::text[], ?::text[], ?::text[], ?, ?, ?, ?, ?,
            case when ? then coalesce((select sum(q.cost) from payment_risk_credit_query q
                                        where q.cart_id = ? and q.created_at >= ? and q.cached = false and q.deleted_at is null), 0)
                 else ? end,
            ?::jsonb, done.completed_at, done.order_id, done.completed_class, done.completed_provider_id, ?, ?
       from (select ?::numeric as total) t
       left join lateral (
         select e.completed_at, e.order_id, e.completed_class, e.completed_provider_id
           from payment_risk_cart_evaluation e
          where e.cart_id = ? and e.completed_at is not null and e.deleted_at is null
          limit 1
       ) done on true
     on conflict (cart_id, decision_key) where cart_id is not null and deleted_at is null do nothing`,
    [
      generateEntityId(undefined, "prce"), row.cart_id, row.decision_key, row.stage, row.evaluated_at, row.currency_code,
      row.restricted, row.fallback, row.causes,
      row.hidden_classes, row.offered_classes, row.rules_held, Math.round(row.score), row.review, row.credit_ran, row.credit_cached, row.credit_failed,
      paidCredit, row.cart_id, creditSince ?? now,
      row.credit_cost,
      row.list_matches ? JSON.stringify(row.list_matches) : null, now, now,
      String(row.total),
      row.cart_id,
    ]
  )
  return rowCount(result) > 0
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

/** Compensation of insertOrderFigure: deletes the row it inserted. */
export async function deleteOrderFigure(knex: Db, id: string): Promise<void> {
  await knex.raw(`delete from payment_risk_order_figure where id = ?`, [id])
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

/** Compensation of completeCartEvaluations: the rows it changed are open again. */
export async function reopenCartEvaluations(knex: Db, ids: string[]): Promise<number> {
  if (!ids.length) return 0
  return rowCount(
    await knex.raw(
      `update payment_risk_cart_evaluation
          set completed_at = null, order_id = null, completed_class = null, completed_provider_id = null, updated_at = now()
        where id = any(?::text[])`,
      [ids]
    )
  )
}
