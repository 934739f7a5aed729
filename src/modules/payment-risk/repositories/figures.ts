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
 * from the order's figure found through Medusa's order–cart link. The cart's summary
 * (payment_risk_cart_figure) is recomputed in the same transaction, after waiting for another
 * transaction writing the same cart (`lockCartFigure`). Runs with a short lock and statement
 * timeout in its own transaction.
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
    await lockCartFigure(trx, row.cart_id)
    await refreshCartFigures(trx, [row.cart_id])
    return rows[0].inserted ? "inserted" : "credit_added"
  })
}

/**
 * The per-cart summary of the evaluation rows (payment_risk_cart_figure), as the overview reads
 * it, computed from the rows that pass `where` (a condition on the evaluation row `e`; its
 * bindings are repeated for each part). A cart is its cart id (the row id for a row whose cart
 * id was removed): first evaluation and its currency; restricted when any row is, completed when
 * its order was placed; the abandonment sample as the read side defines it (latest row left
 * prepayment alone, or paid by prepayment after such a row); the causes of its restricted rows
 * and those that were a rule holding on the same row; the rules held; the credit queries and
 * their cost (sums), the rows answered from the cache or failed; the latest row a credit check
 * restricted (hidden classes, total); the list matches, each (kind, source) once.
 */
function cartFigureUpsert(where: string) {
  return `
  with e as materialized (
    select coalesce(cart_id, id) as k, id, evaluated_at, currency_code, total, restricted, causes, hidden_classes, offered_classes,
           rules_held, credit_ran, credit_cached, credit_failed, credit_cost, credit_queries, list_matches, completed_at, completed_class
      from payment_risk_cart_evaluation e
     where e.deleted_at is null and (${where})
  ), base as (
    select k, min(evaluated_at) as first_at, (array_agg(currency_code order by evaluated_at, id))[1] as currency_code,
           bool_or(restricted) as restricted, bool_or(completed_at is not null) as completed, max(completed_class) as completed_class,
           ${CART_PREPAYMENT_SAMPLE} as sample,
           bool_or(credit_ran or credit_queries > 0) as credit_ran, sum(credit_queries)::int as credit_queries, sum(credit_cost) as credit_cost,
           (count(*) filter (where credit_cached and (credit_ran or credit_queries > 0)))::int as credit_cached,
           (count(*) filter (where credit_failed and (credit_ran or credit_queries > 0)))::int as credit_failed
      from e group by k
  ), causes as (
    select k, array_agg(distinct c order by c) as causes, coalesce(array_agg(distinct c order by c) filter (where c = any(rules_held)), '{}') as held
      from e cross join lateral unnest(e.causes) c where restricted group by k
  ), rules as (
    select k, array_agg(distinct h order by h) as rules_held from e cross join lateral unnest(e.rules_held) h group by k
  ), credit as (
    select distinct on (k) k, hidden_classes, total from e
     where restricted and 'credit_check' = any(causes) and cardinality(hidden_classes) > 0
     order by k, evaluated_at desc, id desc
  ), lists as (
    select k, jsonb_agg(distinct jsonb_build_object('kind', x->>'kind', 'source', x->'source')) as hits
      from e cross join lateral jsonb_array_elements(e.list_matches) x
     where jsonb_typeof(e.list_matches) = 'array' group by k
  )
  insert into payment_risk_cart_figure as f
    (id, cart_id, first_evaluated_at, currency_code, restricted, completed, completed_class, prepayment_sample, causes, causes_held,
     rules_held, credit_ran, credit_queries, credit_cost, credit_cached, credit_failed, credit_hidden_classes, credit_total, raw_credit_total,
     list_hits, created_at, updated_at)
  select 'prcf_' || replace(gen_random_uuid()::text, '-', ''), b.k, b.first_at, b.currency_code, b.restricted, b.completed, b.completed_class,
         b.sample, coalesce(c.causes, '{}'), coalesce(c.held, '{}'), coalesce(r.rules_held, '{}'), b.credit_ran, b.credit_queries,
         coalesce(b.credit_cost, 0), b.credit_cached, b.credit_failed, cr.hidden_classes, cr.total,
         case when cr.k is null then null else jsonb_build_object('value', cr.total::text, 'precision', 20) end,
         l.hits, now(), now()
    from base b
    left join causes c on c.k = b.k
    left join rules r on r.k = b.k
    left join credit cr on cr.k = b.k
    left join lists l on l.k = b.k
  on conflict (cart_id) where deleted_at is null
  do update set first_evaluated_at = excluded.first_evaluated_at, currency_code = excluded.currency_code, restricted = excluded.restricted,
                completed = excluded.completed, completed_class = excluded.completed_class, prepayment_sample = excluded.prepayment_sample,
                causes = excluded.causes, causes_held = excluded.causes_held, rules_held = excluded.rules_held, credit_ran = excluded.credit_ran,
                credit_queries = excluded.credit_queries, credit_cost = excluded.credit_cost, credit_cached = excluded.credit_cached,
                credit_failed = excluded.credit_failed, credit_hidden_classes = excluded.credit_hidden_classes, credit_total = excluded.credit_total,
                raw_credit_total = excluded.raw_credit_total, list_hits = excluded.list_hits, updated_at = excluded.updated_at`
}

/**
 * Per cart (an aggregate over its rows): the cart is a sample of the measured abandonment — its
 * latest row left it with prepayment alone (restricted, only prepayment offered), or it was paid
 * by prepayment after such a row. A cart once left with prepayment alone and then completed with
 * invoice (its decision changed) is not one: the shopper was not made to choose prepayment.
 */
export const CART_PREPAYMENT_SAMPLE = `coalesce(
  max(evaluated_at) filter (where restricted and offered_classes = '{prepayment}'::text[]) = max(evaluated_at)
  or (bool_or(restricted and offered_classes = '{prepayment}'::text[]) and bool_or(completed_class = 'prepayment')), false)`

/**
 * Waits (within the transaction's lock timeout) for another transaction writing the same cart's
 * figures, so the summary recomputed after it sees that transaction's rows. Ends with the transaction.
 */
export async function lockCartFigure(trx: Db, cartId: string): Promise<void> {
  await trx.raw(`select pg_advisory_xact_lock(hashtext('payment_risk_cart_figure'), hashtext(?))`, [cartId])
}

/**
 * Recomputes the summary rows of these carts (cart ids, tokens, or the row id of a row without
 * cart id) from their evaluation rows; a cart without rows left loses its summary.
 */
export async function refreshCartFigures(knex: Db, cartIds: string[]): Promise<void> {
  const keys = [...new Set(cartIds.filter(Boolean))]
  if (!keys.length) return
  await knex.raw(
    `delete from payment_risk_cart_figure f
      where f.cart_id = any(?::text[]) and f.deleted_at is null
        and not exists (select 1 from payment_risk_cart_evaluation e
                         where e.deleted_at is null and (e.cart_id = f.cart_id or (e.cart_id is null and e.id = f.cart_id)))`,
    [keys]
  )
  await knex.raw(cartFigureUpsert(`e.cart_id = any(?::text[]) or (e.cart_id is null and e.id = any(?::text[]))`), [keys, keys])
}

/**
 * Rebuilds every cart's summary from the evaluation rows, set-based and idempotent (the
 * migration script for rows written before the summary existed; the bench after seeding): the
 * summaries of carts without rows are deleted, the others recomputed. Returns the carts summarised.
 */
export async function rebuildCartFigures(knex: Db): Promise<number> {
  return await knex.transaction(async (trx) => {
    await trx.raw(`set local work_mem = '64MB'`)
    await trx.raw(`set local jit = off`)
    await trx.raw(
      `delete from payment_risk_cart_figure f
        where not exists (select 1 from payment_risk_cart_evaluation e
                           where e.deleted_at is null and coalesce(e.cart_id, e.id) = f.cart_id)`
    )
    return rowCount(await trx.raw(cartFigureUpsert(`true`)))
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

/** Cart evaluations lost for the figures on a UTC day in a currency. */
export type LostEvaluations = { day: Date; currency_code: string; count: number }

/** Adds lost evaluations to their day's and currency's count (one statement; the upsert adds across instances). */
export async function addLostEvaluations(knex: Db, lost: LostEvaluations[]): Promise<void> {
  const byKey = new Map<string, { day: string; currency_code: string; count: number }>()
  for (const entry of lost) {
    if (!(entry.count > 0)) continue
    const day = entry.day.toISOString()
    const currency = entry.currency_code.toLowerCase()
    const key = `${day} ${currency}`
    const sum = byKey.get(key) ?? { day, currency_code: currency, count: 0 }
    sum.count += entry.count
    byKey.set(key, sum)
  }
  if (!byKey.size) return
  // in key order: two instances adding to the same days lock them in the same order
  const rows = [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, row]) => ({ id: generateEntityId(undefined, "prfg"), ...row }))
  await knex.transaction(async (trx) => {
    await trx.raw(`set local lock_timeout = '${FIGURES_LOCK_TIMEOUT}'`)
    await trx.raw(`set local statement_timeout = '${FIGURES_STATEMENT_TIMEOUT}'`)
    await trx.raw(
      `insert into payment_risk_figure_gap as g (id, day, currency_code, evaluations_lost, created_at, updated_at)
       select l.id, l.day, l.currency_code, l.count, now(), now()
         from jsonb_to_recordset(?::jsonb) as l(id text, day timestamptz, currency_code text, count int)
       on conflict (day, currency_code) where deleted_at is null
       do update set evaluations_lost = g.evaluations_lost + excluded.evaluations_lost, updated_at = excluded.updated_at`,
      [JSON.stringify(rows)]
    )
  })
}

export type CartCompletion = {
  cart_id: string
  order_id: string
  completed_at: Date
  completed_class: string | null
  completed_provider_id: string | null
}

/**
 * Marks the cart's evaluation rows completed by its order, and recomputes the cart's summary in
 * the same transaction; returns the ids of the rows it changed (already completed rows are left).
 */
export async function completeCartEvaluations(knex: Db, c: CartCompletion): Promise<string[]> {
  return await knex.transaction(async (trx) => {
    const { rows } = await trx.raw(
      `update payment_risk_cart_evaluation
          set completed_at = ?, order_id = ?, completed_class = ?, completed_provider_id = ?, updated_at = now()
        where cart_id = ? and completed_at is null and deleted_at is null
        returning id`,
      [c.completed_at, c.order_id, c.completed_class, c.completed_provider_id, c.cart_id]
    )
    if (rows.length) {
      await lockCartFigure(trx, c.cart_id)
      await refreshCartFigures(trx, [c.cart_id])
    }
    return rows.map((row: { id: string }) => row.id)
  })
}

/**
 * Completes the open evaluation rows of carts that became an order with a figure (through
 * Medusa's order–cart link), for rows evaluated since `since`: the daily job's repair for a
 * completion whose write failed or landed after `order.placed`. Returns how many rows it changed.
 */
export async function completeOpenCartEvaluations(knex: Db, since: Date): Promise<number> {
  return await knex.transaction(async (trx) => {
    const { rows } = await trx.raw(
      `update payment_risk_cart_evaluation e
          set completed_at = f.placed_at, order_id = f.order_id, completed_class = f.payment_class,
              completed_provider_id = f.provider_id, updated_at = now()
         from order_cart oc
         join payment_risk_order_figure f on f.order_id = oc.order_id and f.deleted_at is null
        where e.cart_id = oc.cart_id and oc.deleted_at is null
          and e.completed_at is null and e.deleted_at is null and e.evaluated_at >= ?
        returning e.cart_id`,
      [since]
    )
    await refreshCartFigures(trx, rows.map((row: { cart_id: string }) => row.cart_id))
    return rows.length
  })
}

/** The order rollups grouped as the triggers keep them, from the order figures (for the check and the rebuild). */
const ROLLUP_FROM_FIGURES = `
select currency_code, payment_risk_quarter_hour(placed_at) as bucket, coalesce(payment_class, '') as payment_class,
       coalesce(provider_id, '') as provider_id, count(*)::int as orders, sum(amount) as amount
  from payment_risk_order_figure where deleted_at is null group by 1, 2, 3, 4`
const FLAG_ROLLUP_FROM_FIGURES = `
select f.currency_code, payment_risk_quarter_hour(f.placed_at) as bucket, r.rule_id, count(*)::int as orders
  from payment_risk_order_figure f cross join lateral unnest(f.flagged_by) as r(rule_id)
 where f.deleted_at is null and r.rule_id is not null group by 1, 2, 3`

/**
 * Whether the order rollups (payment_risk_order_rollup, payment_risk_order_flag_rollup, kept by
 * triggers) differ from the order figures they sum — after the triggers were switched off, say,
 * or rows written with `session_replication_role = replica`. One statement, so the figures and
 * the rollups are read in one snapshot (the triggers write both in the writer's transaction): a
 * write going on meanwhile is never a difference. Reads every figure once (the daily job).
 */
export async function orderRollupsDiffer(knex: Db): Promise<boolean> {
  return await knex.transaction(async (trx) => {
    await trx.raw(`set local work_mem = '64MB'`)
    await trx.raw(`set local jit = off`)
    const { rows } = await trx.raw(
      `with kept as (select currency_code, bucket, payment_class, provider_id, orders, amount from payment_risk_order_rollup),
            summed as (${ROLLUP_FROM_FIGURES}),
            kept_flags as (select currency_code, bucket, rule_id, orders from payment_risk_order_flag_rollup),
            summed_flags as (${FLAG_ROLLUP_FROM_FIGURES})
       select exists (select 1 from kept full join summed using (currency_code, bucket, payment_class, provider_id)
                       where kept.orders is distinct from summed.orders or kept.amount is distinct from summed.amount)
           or exists (select 1 from kept_flags full join summed_flags using (currency_code, bucket, rule_id)
                       where kept_flags.orders is distinct from summed_flags.orders) as differ`
    )
    return rows[0]?.differ === true
  })
}

/**
 * Rebuilds the order rollups from the order figures, with the figures locked against writes
 * meanwhile (SHARE: a figure written now waits until the rebuild commits, then its trigger adds
 * it to the rebuilt rollup). Returns the rollup rows written.
 */
export async function rebuildOrderRollups(knex: Db): Promise<number> {
  return await knex.transaction(async (trx) => {
    await trx.raw(`set local work_mem = '64MB'`)
    await trx.raw(`set local jit = off`)
    await trx.raw(`lock table payment_risk_order_figure in share mode`)
    await trx.raw(`delete from payment_risk_order_rollup`)
    await trx.raw(`delete from payment_risk_order_flag_rollup`)
    const orders = rowCount(
      await trx.raw(`insert into payment_risk_order_rollup (currency_code, bucket, payment_class, provider_id, orders, amount) ${ROLLUP_FROM_FIGURES}`)
    )
    const flags = rowCount(await trx.raw(`insert into payment_risk_order_flag_rollup (currency_code, bucket, rule_id, orders) ${FLAG_ROLLUP_FROM_FIGURES}`))
    return orders + flags
  })
}
