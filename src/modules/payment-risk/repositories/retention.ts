import { RiskSettings as EngineSettings } from "../../../engine"
import { daysBefore, RetentionPeriods } from "../../../engine/privacy/retention"
import { bulkEntityId } from "../entity-id"
import { auditChanges } from "../types/audit-changes"
import { ERASED_CART_TOKEN, IS_ERASED_CART } from "./erasure"
import { refreshCartFigures } from "./figures"
import { Db, rowCount } from "./sql"

/** Rows the retention job deleted (assessments: scrubbed) per table. */
export type RetentionResult = {
  credit_queries: number
  credit_limit_events: number
  review_events: number
  outcomes: number
  receivables: number
  list_entries_backfilled: number
  list_entries: number
  list_audits: number
  cart_evaluations: number
  order_figures: number
  figure_gaps: number
}

/** rows deleted per statement by the retention job, so no delete holds its locks for long */
export const PURGE_BATCH = 5000
/**
 * Tables and the time column their retention counts from: a fixed list, never taken from a
 * request (identity observations count from their last sighting, as the probing limit does).
 */
const PURGED_TABLES = {
  credit_queries: ["payment_risk_credit_query", "created_at"],
  credit_limit_events: ["payment_risk_credit_limit_event", "created_at"],
  review_events: ["payment_risk_review_event", "created_at"],
  outcomes: ["payment_risk_outcome", "occurred_at"],
  // a claim untouched for the outcomes' period (its payments and stages are outcomes)
  receivables: ["payment_risk_receivable", "updated_at"],
  list_audits: ["payment_risk_negative_list_audit", "created_at"],
  // the figures: an evaluated cart by when it was evaluated, an order by when it was placed
  cart_evaluations: ["payment_risk_cart_evaluation", "evaluated_at"],
  order_figures: ["payment_risk_order_figure", "placed_at"],
  figure_gaps: ["payment_risk_figure_gap", "day"],
} as const

/** Deletes the table's rows older than `days` before `now`, a batch per statement; returns how many. */
async function purgeTable(knex: Db, table: keyof typeof PURGED_TABLES, days: number, now: Date): Promise<number> {
  const [name, column] = PURGED_TABLES[table]
  const before = daysBefore(now, days)
  let total = 0
  for (;;) {
    const deleted = rowCount(await knex.raw(`delete from ?? where id in (select id from ?? where ?? < ? limit ?)`, [name, name, column, before, PURGE_BATCH]))
    total += deleted
    if (deleted < PURGE_BATCH) return total
  }
}

/**
 * Deletes the evaluated carts' rows older than `days`, then their summaries
 * (payment_risk_cart_figure): a cart without rows left loses its summary, a cart evaluated
 * before and after the limit gets it recomputed from the rows it keeps. Returns the rows deleted.
 */
async function purgeCartEvaluations(knex: Db, days: number, now: Date): Promise<number> {
  const deleted = await purgeTable(knex, "cart_evaluations", days, now)
  if (!deleted) return 0
  await knex.raw(
    `delete from payment_risk_cart_figure f
      where not exists (select 1 from payment_risk_cart_evaluation e where e.deleted_at is null and coalesce(e.cart_id, e.id) = f.cart_id)`
  )
  const { rows } = await knex.raw(`select cart_id from payment_risk_cart_figure where first_evaluated_at < ? and deleted_at is null`, [daysBefore(now, days)])
  for (let i = 0; i < rows.length; i += PURGE_BATCH) {
    await refreshCartFigures(knex, rows.slice(i, i + PURGE_BATCH).map((row: { cart_id: string }) => row.cart_id))
  }
  return deleted
}

/**
 * Deletes entries expired longer than the grace period, and entries an earlier version only
 * soft-deleted, a batch per transaction; each expired one gets a "delete" audit row without
 * values (a soft-deleted one got its row when it was deleted). Returns how many.
 */
async function purgeListEntries(knex: Db, expiredBefore: Date, now: Date): Promise<number> {
  let entries = 0
  for (;;) {
    const { rows } = await knex.raw(
      `select id, deleted_at from payment_risk_negative_list_entry where deleted_at is not null or expires_at < ? order by id limit ?`,
      [expiredBefore, PURGE_BATCH]
    )
    if (!rows.length) break
    await knex.transaction(async (trx) => {
      const ids = rows.map((row: { id: string }) => row.id)
      await trx.raw(`delete from payment_risk_negative_list_entry where id = any(?::text[])`, [ids])
      const expired = rows.filter((row: { deleted_at: Date | null }) => !row.deleted_at).map((row: { id: string }) => row.id)
      if (expired.length) {
        await trx("payment_risk_negative_list_audit").insert(
          expired.map((id: string) => ({
            id: bulkEntityId("prnla", now.getTime()),
            entry_id: id,
            action: "delete",
            actor_id: null,
            changes: JSON.stringify(auditChanges(null, null)),
            created_at: now,
            updated_at: now,
          }))
        )
      }
    })
    entries += rows.length
    if (rows.length < PURGE_BATCH) break
  }
  return entries
}

/**
 * The retention job's deletes, each table on its own and in batches (hard deletes): credit
 * queries and limit events, review events and audit rows past their period; list entries
 * without an expiry get one (backfilledListEntryExpiry); entries expired longer than the grace
 * period, and entries an earlier version only soft-deleted, are deleted, each with a "delete"
 * audit row without values.
 */
export async function purgeExpiredData(knex: Db, periods: RetentionPeriods, now: Date, settings: EngineSettings): Promise<RetentionResult> {
  const backfilled = await knex.raw(
    `update payment_risk_negative_list_entry
        set expires_at = greatest(created_at + make_interval(days => ?), ?::timestamptz), updated_at = ?
      where expires_at is null and deleted_at is null`,
    [settings.retention.list_entry_days, new Date(now.getTime() + settings.retention.list_entry_grace_days * 86_400_000), now]
  )
  const entries = await purgeListEntries(knex, daysBefore(now, periods.list_entry_grace_days), now)
  const figuresDays = periods.figures_days
  return {
    credit_queries: await purgeTable(knex, "credit_queries", periods.credit_query_days, now),
    credit_limit_events: await purgeTable(knex, "credit_limit_events", periods.credit_query_days, now),
    review_events: await purgeTable(knex, "review_events", periods.review_event_days, now),
    outcomes: await purgeTable(knex, "outcomes", periods.outcome_days, now),
    receivables: await purgeTable(knex, "receivables", periods.outcome_days, now),
    list_entries_backfilled: rowCount(backfilled),
    list_entries: entries,
    list_audits: await purgeTable(knex, "list_audits", periods.list_audit_days, now),
    cart_evaluations: await purgeCartEvaluations(knex, figuresDays, now),
    order_figures: await purgeTable(knex, "order_figures", figuresDays, now),
    figure_gaps: await purgeTable(knex, "figure_gaps", figuresDays, now),
  }
}

/** Figures rows the daily job unlinked from their order and cart (`retention.assessment_days`). */
export type FiguresUnlinked = { order_figures_unlinked: number; cart_evaluations_unlinked: number }

/**
 * The figures keep the judgement of an order (score, rules held and flagged, causes, list
 * matches) for `retention.figures_days`, but linked to the order and cart only as long as the
 * assessment is (`retention.assessment_days`): order figures placed before `before` lose their
 * order id; carts evaluated before `before` get one random token for the cart id on all their
 * rows (so each still counts as one cart) and lose their order id. A batch of carts per statement.
 */
export async function unlinkExpiredFigures(knex: Db, before: Date): Promise<FiguresUnlinked> {
  let orders = 0
  for (;;) {
    const n = rowCount(
      await knex.raw(
        `update payment_risk_order_figure set order_id = null, updated_at = now()
          where id in (select id from payment_risk_order_figure where order_id is not null and placed_at < ? limit ?)`,
        [before, PURGE_BATCH]
      )
    )
    orders += n
    if (n < PURGE_BATCH) break
  }
  let carts = 0
  for (;;) {
    const { rows } = await knex.raw(
      `with carts as (
         select distinct cart_id from payment_risk_cart_evaluation
          where cart_id is not null and not (${IS_ERASED_CART}) and evaluated_at < ?
          limit ?
       ), tokens as (
         select cart_id, ${ERASED_CART_TOKEN} as token from carts
       ), figures as (
         update payment_risk_cart_figure f set cart_id = t.token, updated_at = now()
           from tokens t
          where f.cart_id = t.cart_id
       )
       update payment_risk_cart_evaluation e
          set cart_id = t.token, order_id = null, updated_at = now()
         from tokens t
        where e.cart_id = t.cart_id
       returning t.token`,
      [before, PURGE_BATCH]
    )
    const unlinked = new Set(rows.map((row: { token: string }) => row.token)).size
    carts += rows.length
    if (unlinked < PURGE_BATCH) break
  }
  return { order_figures_unlinked: orders, cart_evaluations_unlinked: carts }
}

