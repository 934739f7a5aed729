import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import eraseExpiredAssessmentData from "../../src/jobs/erase-expired-assessment-data"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/*
 * Issue 17, the overview's speed: the order figures are rolled up per quarter hour by PostgreSQL
 * (payment_risk_order_rollup, payment_risk_order_flag_rollup, kept by triggers on
 * payment_risk_order_figure), and the overview reads a period's whole quarter hours from the
 * rollup and the minutes around them row by row. These tests hold the rollup to the rows it sums
 * after every kind of write the plugin makes, and the overview to exact counts at the edges of
 * odd periods and in a time zone half an hour off UTC.
 */

type Db = {
  raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<Record<string, any>> }>
  transaction: () => Promise<Db & { commit: () => Promise<void>; rollback: () => Promise<void> }>
}

type Order = { id: string; at: string; amount: number; payment_class?: string | null; provider_id?: string | null; flagged?: string[]; currency?: string }

async function insertOrders(db: Db, orders: Order[]) {
  // one statement for all of them (a statement-level trigger sees them together)
  await db.raw(
    `insert into payment_risk_order_figure
       (id, order_id, placed_at, currency_code, amount, raw_amount, payment_class, provider_id, score, rules_held, flagged_by, review, credit_checked)
     select o.id, 'order_' || o.id, o.at, o.currency, o.amount, jsonb_build_object('value', o.amount::text, 'precision', 20),
            o.payment_class, o.provider_id, 0, '{}', o.flagged, false, false
       from jsonb_to_recordset(?::jsonb) as o(id text, at timestamptz, currency text, amount numeric, payment_class text, provider_id text, flagged text[])`,
    [
      JSON.stringify(
        orders.map((o) => ({
          id: o.id,
          at: o.at,
          currency: o.currency ?? "eur",
          amount: o.amount,
          payment_class: o.payment_class === undefined ? "invoice" : o.payment_class,
          provider_id: o.provider_id === undefined ? PROVIDERS.invoice : o.provider_id,
          flagged: o.flagged ?? [],
        }))
      ),
    ]
  )
}

/** The rows the rollups hold that differ from the order figures grouped afresh (none when they agree). */
async function rollupDifferences(db: Db): Promise<number> {
  const { rows } = await db.raw(`
    with raw as (select currency_code, payment_risk_quarter_hour(placed_at) as bucket, coalesce(payment_class, '') as c, coalesce(provider_id, '') as p,
                        count(*)::int as n, sum(amount) as a
                   from payment_risk_order_figure where deleted_at is null group by 1, 2, 3, 4),
         kept as (select currency_code, bucket, payment_class, provider_id, orders, amount from payment_risk_order_rollup),
         raw_flags as (select currency_code, payment_risk_quarter_hour(placed_at) as bucket, r, count(*)::int as n
                         from payment_risk_order_figure cross join lateral unnest(flagged_by) as r where deleted_at is null and r is not null group by 1, 2, 3),
         kept_flags as (select currency_code, bucket, rule_id, orders from payment_risk_order_flag_rollup)
    select (select count(*) from (select * from raw except select * from kept) a)
         + (select count(*) from (select * from kept except select * from raw) b)
         + (select count(*) from (select * from raw_flags except select * from kept_flags) c)
         + (select count(*) from (select * from kept_flags except select * from raw_flags) d) as n`)
  return Number(rows[0].n)
}

const rollupRows = async (db: Db) =>
  (await db.raw(`select bucket, payment_class, provider_id, orders, amount::float as amount from payment_risk_order_rollup order by bucket, payment_class, provider_id`)).rows

withTestStore((ctx) => {
  const db = () => ctx.container.resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION)

  describe("the order rollup", () => {
    it("should sum the order figures per quarter hour, class and provider, and the flags per rule", async () => {
      await insertOrders(db(), [
        { id: "a", at: "2026-06-01T10:00:00.000Z", amount: 10.5, flagged: ["r1"] },
        { id: "b", at: "2026-06-01T10:14:59.999Z", amount: 20, flagged: ["r1", "r2"] },
        { id: "c", at: "2026-06-01T10:15:00.000Z", amount: 30 },
        { id: "d", at: "2026-06-01T10:16:00.000Z", amount: 40, payment_class: null, provider_id: null },
      ])
      expect(await rollupRows(db())).toEqual([
        { bucket: new Date("2026-06-01T10:00:00.000Z"), payment_class: "invoice", provider_id: PROVIDERS.invoice, orders: 2, amount: 30.5 },
        { bucket: new Date("2026-06-01T10:15:00.000Z"), payment_class: "", provider_id: "", orders: 1, amount: 40 },
        { bucket: new Date("2026-06-01T10:15:00.000Z"), payment_class: "invoice", provider_id: PROVIDERS.invoice, orders: 1, amount: 30 },
      ])
      const flags = (await db().raw(`select bucket, rule_id, orders from payment_risk_order_flag_rollup order by rule_id`)).rows
      expect(flags).toEqual([
        { bucket: new Date("2026-06-01T10:00:00.000Z"), rule_id: "r1", orders: 2 },
        { bucket: new Date("2026-06-01T10:00:00.000Z"), rule_id: "r2", orders: 1 },
      ])
    })

    it("should stay exact through the erasure, the retention run, soft deletes, upserts and changes", async () => {
      const orders: Order[] = []
      for (let i = 0; i < 60; i++) {
        orders.push({
          id: `o${i}`,
          at: new Date(Date.UTC(2026, 5, 1 + (i % 5), i % 24, (i * 7) % 60, i % 60)).toISOString(),
          amount: 5 + i,
          payment_class: ["invoice", "card", "prepayment", null][i % 4],
          provider_id: [PROVIDERS.invoice, PROVIDERS.system, PROVIDERS.prepayment, null][i % 4],
          flagged: i % 3 === 0 ? ["r1"] : i % 5 === 0 ? ["r1", "r2"] : [],
        })
      }
      await insertOrders(db(), orders)
      expect(await rollupDifferences(db())).toBe(0)

      // the shopper's erasure: order ids removed, times cut to the day (moves each order to another quarter hour)
      await db().raw(`update payment_risk_order_figure set order_id = null, placed_at = date_trunc('day', placed_at) where id in ('o1', 'o2', 'o3', 'o7')`)
      expect(await rollupDifferences(db())).toBe(0)
      // an update that moves nothing (the order id removed after the assessment's retention) changes no rollup row
      const before = await rollupRows(db())
      await db().raw(`update payment_risk_order_figure set order_id = null, updated_at = now() where id in ('o10', 'o11', 'o12')`)
      expect(await rollupRows(db())).toEqual(before)
      // a soft delete, a class and flag change, an amount change
      await db().raw(`update payment_risk_order_figure set deleted_at = now() where id = 'o20'`)
      await db().raw(`update payment_risk_order_figure set payment_class = 'card', provider_id = ?, flagged_by = '{r3}' where id in ('o21', 'o24')`, [PROVIDERS.system])
      await db().raw(`update payment_risk_order_figure set amount = amount + 0.01 where id = 'o30'`)
      expect(await rollupDifferences(db())).toBe(0)
      // the figures' own upsert (the recording uses insert … on conflict)
      await db().raw(
        `insert into payment_risk_order_figure (id, order_id, placed_at, currency_code, amount, raw_amount, payment_class, provider_id, score, rules_held, flagged_by, review, credit_checked)
         values ('o40b', 'order_o40', '2026-06-09T00:00:00Z', 'eur', 1, '{}', 'invoice', ?, 0, '{}', '{r9}', false, false)
         on conflict (order_id) where order_id is not null and deleted_at is null
         do update set placed_at = excluded.placed_at, amount = excluded.amount, flagged_by = excluded.flagged_by`,
        [PROVIDERS.invoice]
      )
      expect(await rollupDifferences(db())).toBe(0)

      // the retention run deletes the figures older than retention.figures_days (default 1,460 days)
      await db().raw(`update payment_risk_order_figure set placed_at = placed_at - interval '1500 days' where id in ('o50', 'o51', 'o52')`)
      const purged = await eraseExpiredAssessmentData(ctx.container)
      expect(purged).toBeTruthy()
      expect((await db().raw(`select count(*)::int as n from payment_risk_order_figure where id in ('o50', 'o51', 'o52')`)).rows[0].n).toBe(0)
      expect(await rollupDifferences(db())).toBe(0)
      // emptied quarter hours leave no rows behind
      expect((await db().raw(`select count(*)::int as n from payment_risk_order_rollup where orders = 0`)).rows[0].n).toBe(0)
      expect((await db().raw(`select count(*)::int as n from payment_risk_order_flag_rollup where orders = 0`)).rows[0].n).toBe(0)

      // a null among the flagging rules is no rule: the order is still recorded
      await insertOrders(db(), [{ id: "null_rule", at: "2026-06-03T08:00:00Z", amount: 3, flagged: [null as unknown as string, "r1"] }])
      expect((await db().raw(`select count(*)::int as n from payment_risk_order_figure where id = 'null_rule'`)).rows[0].n).toBe(1)
      expect(await rollupDifferences(db())).toBe(0)

      // a truncate empties the rollups with the figures, also when one statement truncates all three (as Medusa's test utilities do)
      await db().raw(`truncate payment_risk_order_figure`)
      expect(await rollupRows(db())).toEqual([])
      await insertOrders(db(), [{ id: "again", at: "2026-06-03T08:00:00Z", amount: 3, flagged: ["r1"] }])
      await db().raw(`truncate payment_risk_order_figure, payment_risk_order_rollup, payment_risk_order_flag_rollup`)
      expect(await rollupRows(db())).toEqual([])
    })

    it("should be checked and rebuilt by the daily job when it no longer adds up (the triggers were switched off)", async () => {
      await insertOrders(db(), [
        { id: "kept", at: "2026-06-01T10:01:00Z", amount: 1, flagged: ["r1"] },
        { id: "kept2", at: "2026-06-02T10:01:00Z", amount: 2 },
      ])
      expect((await eraseExpiredAssessmentData(ctx.container)).order_rollup_rows_rebuilt).toBe(0)
      // written behind the triggers' back, and one moved behind it
      await db().raw(`alter table payment_risk_order_figure disable trigger user`)
      try {
        await insertOrders(db(), [{ id: "unseen", at: "2026-06-01T10:02:00Z", amount: 5, flagged: ["r2"] }])
        await db().raw(`update payment_risk_order_figure set placed_at = '2026-06-03T00:00:00Z' where id = 'kept2'`)
      } finally {
        await db().raw(`alter table payment_risk_order_figure enable trigger user`)
      }
      expect(await rollupDifferences(db())).toBeGreaterThan(0)
      const counts = await eraseExpiredAssessmentData(ctx.container)
      // rebuilt: two order rows and two flag rows
      expect(counts.order_rollup_rows_rebuilt).toBe(4)
      expect(await rollupDifferences(db())).toBe(0)
      expect((await eraseExpiredAssessmentData(ctx.container)).order_rollup_rows_rebuilt).toBe(0)
    })

    it("should count every order of two transactions writing the same quarter hour at once", async () => {
      const first = await db().transaction()
      const second = await db().transaction()
      try {
        await insertOrders(first, [{ id: "t1", at: "2026-06-01T10:01:00Z", amount: 1 }])
        // waits for the first transaction's lock on the rollup row, then adds to it
        const writing = insertOrders(second, [{ id: "t2", at: "2026-06-01T10:02:00Z", amount: 2 }])
        await new Promise((resolve) => setTimeout(resolve, 200))
        await first.commit()
        await writing
        await second.commit()
      } catch (error) {
        await first.rollback().catch(() => {})
        await second.rollback().catch(() => {})
        throw error
      }
      expect(await rollupRows(db())).toEqual([{ bucket: new Date("2026-06-01T10:00:00.000Z"), payment_class: "invoice", provider_id: PROVIDERS.invoice, orders: 2, amount: 3 }])
    })
  })

  describe("the overview read from the rollup", () => {
    it("should count the orders at the edges of an odd period exactly, per day in a time zone half an hour off UTC", async () => {
      // Asia/Kolkata is UTC+5:30: its days start at 18:30 UTC
      await insertOrders(db(), [
        { id: "before", at: "2026-06-01T10:07:13.122Z", amount: 1 }, // a millisecond before the period
        { id: "first", at: "2026-06-01T10:07:13.123Z", amount: 2 }, // its first instant (an edge, read row by row)
        { id: "edge", at: "2026-06-01T10:14:59.999Z", amount: 4 }, // the last instant before the first whole quarter hour
        { id: "whole", at: "2026-06-01T10:15:00.000Z", amount: 8, flagged: ["r1"] }, // the first whole quarter hour (rollup)
        { id: "dayend", at: "2026-06-01T18:29:59.999Z", amount: 16, payment_class: "card", provider_id: PROVIDERS.system }, // 1 June in Kolkata
        { id: "daystart", at: "2026-06-01T18:30:00.000Z", amount: 32, payment_class: "card", provider_id: PROVIDERS.system, flagged: ["r1"] }, // 2 June in Kolkata
        { id: "rollup_end", at: "2026-06-02T12:29:59.999Z", amount: 0.5 }, // in the last whole quarter hour (rollup)
        { id: "last", at: "2026-06-02T12:43:59.999Z", amount: 64, flagged: ["r2"] }, // the period's last millisecond (an edge)
        { id: "after", at: "2026-06-02T12:44:00.000Z", amount: 128 }, // the period's end, excluded
        { id: "usd", at: "2026-06-01T12:00:00.000Z", amount: 256, currency: "usd" }, // another currency
      ])
      const query = new URLSearchParams({ from: "2026-06-01T10:07:13.123Z", to: "2026-06-02T12:44:00.000Z", currency_code: "eur", tz: "Asia/Kolkata" })
      const res = await ctx.api.get(`/admin/payment-risk/analytics?${query}`, ctx.admin)
      expect(res.status).toBe(200)
      const byClass = Object.fromEntries(res.data.by_class.map((c: { class: string; orders: number; amount: number }) => [c.class, [c.orders, c.amount]]))
      expect(byClass).toEqual({ invoice: [5, 78.5], card: [2, 48] })
      const days = Object.fromEntries(
        res.data.daily.filter((d: { orders: number }) => d.orders > 0).map((d: { date: string; orders: number; amount: number }) => [d.date, [d.orders, d.amount]])
      )
      expect(days).toEqual({ "2026-06-01": [4, 30], "2026-06-02": [3, 96.5] })
      expect(res.data.by_provider.map((p: { provider_id: string; orders: number }) => [p.provider_id, p.orders]).sort()).toEqual(
        [[PROVIDERS.invoice, 5], [PROVIDERS.system, 2]].sort()
      )

      // the same period read row by row (a period inside one quarter hour has no whole one) agrees at its own scale
      const inner = new URLSearchParams({ from: "2026-06-01T10:07:13.123Z", to: "2026-06-01T10:14:59.999Z", currency_code: "eur" })
      const small = await ctx.api.get(`/admin/payment-risk/analytics?${inner}`, ctx.admin)
      expect(small.data.by_class.map((c: { class: string; orders: number }) => [c.class, c.orders])).toEqual([["invoice", 1]])
    })

    it("should count the orders each rule flagged from the rollup and the edges", async () => {
      // rule ids need not be today's rules: a deleted rule's flags are counted under its id
      const [r1, r2] = ["prrule_spec_one", "prrule_spec_two"]
      await insertOrders(db(), [
        { id: "f1", at: "2026-06-01T10:10:00.000Z", amount: 1, flagged: [r1] }, // edge
        { id: "f2", at: "2026-06-01T11:00:00.000Z", amount: 1, flagged: [r1, r2] }, // rollup
        { id: "f3", at: "2026-06-01T11:05:00.000Z", amount: 1, flagged: [r2] }, // rollup
        { id: "f4", at: "2026-06-01T12:40:00.000Z", amount: 1, flagged: [r1] }, // edge
        { id: "f5", at: "2026-06-01T12:44:30.000Z", amount: 1, flagged: [r1] }, // the period's end, excluded
        { id: "f6", at: "2026-06-01T10:06:59.999Z", amount: 1, flagged: [r2] }, // before the period
      ])
      const query = new URLSearchParams({ from: "2026-06-01T10:07:00.000Z", to: "2026-06-01T12:44:30.000Z", currency_code: "eur" })
      const res = await ctx.api.get(`/admin/payment-risk/analytics?${query}`, ctx.admin)
      expect(res.status).toBe(200)
      const flagged = Object.fromEntries(res.data.rules.map((r: { rule_id: string; flagged: number }) => [r.rule_id, r.flagged]))
      expect(flagged[r1]).toBe(3)
      expect(flagged[r2]).toBe(2)
    })
  })
})
