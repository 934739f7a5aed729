import type { BacktestOrder, OutcomeBucket, PaymentClass } from "../../engine"
import { FiguresDb, FiguresPeriod, num } from "./figures-db"
import { loadOrdersWithAftermath } from "./order-aftermath"

/** Orders read per statement while replaying (each with its stored input of a few kB). */
export const REPLAY_BATCH = 2000

/**
 * The placed orders of a period (their figures rows) with the stored replayable input of their
 * assessment (null when there is none: not replayable), the figure's `credit_checked` and the
 * bucket of what happened to them, a batch at a time in placement order (keyset on placed_at, id:
 * every batch is one index range, and only one batch of inputs is held at a time). The buckets
 * are read first, in one statement for the orders that have an aftermath
 * (`loadOrdersWithAftermath`); every other order was paid fine.
 *
 * The key is carried as PostgreSQL's own text of `placed_at` (microseconds) and bound back as
 * timestamptz: a JavaScript Date keeps milliseconds only, so the last row of a batch came back
 * in the next one, and a batch of rows within one millisecond never advanced. A batch that does
 * not advance the key is an error, never a loop.
 */
export async function* streamPeriodOrders(db: FiguresDb, period: FiguresPeriod, batchSize = REPLAY_BATCH): AsyncGenerator<BacktestOrder[]> {
  const buckets = new Map<string, OutcomeBucket>((await loadOrdersWithAftermath(db, period)).map((order) => [order.order_id, order.aftermath.bucket]))
  let after: { placed_at: string; id: string } | null = null
  for (;;) {
    const { rows }: { rows: Array<Record<string, unknown>> } = await db.raw(
      `select f.id, f.order_id, f.placed_at::text as placed_key, f.amount::text as amount, f.currency_code, f.payment_class, f.credit_checked,
              (select a.replayable from payment_risk_assessment a
                where a.order_id = f.order_id and a.deleted_at is null
                order by (a.replayable is null), a.created_at desc limit 1) as replayable
         from payment_risk_order_figure f
        where f.deleted_at is null and f.order_id is not null
          and f.placed_at >= ? and f.placed_at < ? and f.currency_code = ?
          ${after ? "and (f.placed_at, f.id) > (?::timestamptz, ?)" : ""}
        order by f.placed_at, f.id
        limit ?`,
      [period.from, period.to, period.currency_code, ...(after ? [after.placed_at, after.id] : []), batchSize]
    )
    if (!rows.length) return
    yield rows.map((row) => {
      const amount = num(row.amount)
      return {
        order_id: String(row.order_id),
        amount,
        currency_code: String(row.currency_code),
        replayable: row.replayable ?? null,
        outcome: buckets.get(String(row.order_id)) ?? "paid_fine",
        payment_class: (row.payment_class as PaymentClass | null) ?? null,
        credit_checked: row.credit_checked === true,
      }
    })
    if (rows.length < batchSize) return
    const last = rows[rows.length - 1]
    const next = { placed_at: String(last.placed_key), id: String(last.id) }
    if (after && next.placed_at === after.placed_at && next.id === after.id) {
      throw new Error(`figures: the orders of the period did not advance past ${next.placed_at} (${next.id})`)
    }
    after = next
  }
}
