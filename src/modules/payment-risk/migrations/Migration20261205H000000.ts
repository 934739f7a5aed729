import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The order figures rolled up per quarter hour (issue 17, the overview of 90 days with 300,000
 * orders under 1 s): orders and amount per (currency, quarter hour, payment class, provider), and
 * the orders each rule flagged per (currency, quarter hour, rule). PostgreSQL keeps both, in the
 * transaction that writes payment_risk_order_figure: one statement-level trigger per insert,
 * update and delete adds the statement's new rows and takes away its old ones (grouped, in key
 * order, so two writers lock the same rollup rows in the same order; a TRUNCATE empties them),
 * and every writer — the order.placed workflow, the daily recovery job, the backfill script, the
 * erasure (which moves an order to the start of its day), the retention purge, a soft delete —
 * keeps the rollup exact without knowing of it. Quarter hours: every time zone in use today is a
 * whole number of quarter hours from UTC (India +5:30, Nepal +5:45), so each quarter hour lies in
 * one calendar day of the merchant's time zone. No personal data: counts and sums, no order ids.
 *
 * Plain tables rather than data models: they are aggregates the database keeps, never written or
 * read through the module's service (no id, no soft delete).
 */

/** The statement's rows that count (not soft-deleted) from one transition table, each with its sign. */
const changesFrom = (table: "new_rows" | "old_rows", sign: 1 | -1) =>
  `'select currency_code, payment_risk_quarter_hour(placed_at) as bucket, coalesce(payment_class, '''') as payment_class,
           coalesce(provider_id, '''') as provider_id, amount, flagged_by, ${sign} as sign
      from ${table} where deleted_at is null'`

export class Migration20261205H000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function "payment_risk_quarter_hour"(at timestamptz) returns timestamptz
      language sql immutable parallel safe
      as $$ select to_timestamp(floor(extract(epoch from at) / 900) * 900) $$;`)
    this.addSql(`create table if not exists "payment_risk_order_rollup" (
      "currency_code" text not null,
      "bucket" timestamptz not null,
      "payment_class" text not null default '',
      "provider_id" text not null default '',
      "orders" integer not null default 0,
      "amount" numeric not null default 0,
      constraint "payment_risk_order_rollup_pkey" primary key ("currency_code", "bucket", "payment_class", "provider_id"));`)
    this.addSql(`create table if not exists "payment_risk_order_flag_rollup" (
      "currency_code" text not null,
      "bucket" timestamptz not null,
      "rule_id" text not null,
      "orders" integer not null default 0,
      constraint "payment_risk_order_flag_rollup_pkey" primary key ("currency_code", "bucket", "rule_id"));`)
    // the changes come from the transition tables the trigger kind has (an insert has no old rows,
    // a delete no new ones, so the statement names only those: dynamic SQL), new rows +1 and old
    // rows −1; then one grouped upsert per rollup in key order, and the rollup rows the change
    // emptied go. An update that moves nothing (the order id removed) nets out and writes nothing.
    this.addSql(`create or replace function "payment_risk_order_rollup_apply"() returns trigger
      language plpgsql
      as $$
      declare
        changes text;
      begin
        changes := concat_ws(' union all ',
          case when tg_op in ('INSERT', 'UPDATE') then ${changesFrom("new_rows", 1)} end,
          case when tg_op in ('UPDATE', 'DELETE') then ${changesFrom("old_rows", -1)} end);
        execute format(
          'with c as (%s)
           insert into payment_risk_order_rollup as r (currency_code, bucket, payment_class, provider_id, orders, amount)
           select currency_code, bucket, payment_class, provider_id, sum(sign), sum(sign * amount)
             from c group by 1, 2, 3, 4
           having sum(sign) <> 0 or sum(sign * amount) <> 0
            order by 1, 2, 3, 4
           on conflict (currency_code, bucket, payment_class, provider_id)
           do update set orders = r.orders + excluded.orders, amount = r.amount + excluded.amount', changes);
        execute format(
          'with c as (%s)
           insert into payment_risk_order_flag_rollup as r (currency_code, bucket, rule_id, orders)
           select c.currency_code, c.bucket, f.rule_id, sum(c.sign)
             from c cross join lateral unnest(c.flagged_by) as f(rule_id)
            where f.rule_id is not null
            group by 1, 2, 3
           having sum(c.sign) <> 0
            order by 1, 2, 3
           on conflict (currency_code, bucket, rule_id)
           do update set orders = r.orders + excluded.orders', changes);
        execute format(
          'with c as (%s)
           delete from payment_risk_order_rollup r
            using (select distinct currency_code, bucket from c) k
            where r.currency_code = k.currency_code and r.bucket = k.bucket and r.orders = 0 and r.amount = 0', changes);
        execute format(
          'with c as (%s)
           delete from payment_risk_order_flag_rollup r
            using (select distinct currency_code, bucket from c) k
            where r.currency_code = k.currency_code and r.bucket = k.bucket and r.orders = 0', changes);
        return null;
      end
      $$;`)
    // a TRUNCATE fires no delete trigger: it empties the rollups with it (by DELETE: a TRUNCATE
    // here fails when one statement truncates the figures and the rollups together, as Medusa's
    // test utilities do with every table)
    this.addSql(`create or replace function "payment_risk_order_rollup_truncate"() returns trigger
      language plpgsql
      as $$
      begin
        delete from payment_risk_order_rollup;
        delete from payment_risk_order_flag_rollup;
        return null;
      end
      $$;`)
    for (const trigger of ["insert", "update", "delete", "truncate"]) {
      this.addSql(`drop trigger if exists "payment_risk_order_rollup_${trigger}" on "payment_risk_order_figure";`)
    }
    this.addSql(`create trigger "payment_risk_order_rollup_insert" after insert on "payment_risk_order_figure"
      referencing new table as new_rows for each statement execute function payment_risk_order_rollup_apply();`)
    this.addSql(`create trigger "payment_risk_order_rollup_update" after update on "payment_risk_order_figure"
      referencing old table as old_rows new table as new_rows for each statement execute function payment_risk_order_rollup_apply();`)
    this.addSql(`create trigger "payment_risk_order_rollup_delete" after delete on "payment_risk_order_figure"
      referencing old table as old_rows for each statement execute function payment_risk_order_rollup_apply();`)
    this.addSql(`create trigger "payment_risk_order_rollup_truncate" after truncate on "payment_risk_order_figure"
      for each statement execute function payment_risk_order_rollup_truncate();`)
    // the figures written before the rollup (the triggers hold the table's lock until this commits)
    this.addSql(`delete from "payment_risk_order_rollup";`)
    this.addSql(`delete from "payment_risk_order_flag_rollup";`)
    this.addSql(`insert into "payment_risk_order_rollup" (currency_code, bucket, payment_class, provider_id, orders, amount)
      select currency_code, payment_risk_quarter_hour(placed_at), coalesce(payment_class, ''), coalesce(provider_id, ''), count(*), sum(amount)
        from payment_risk_order_figure where deleted_at is null group by 1, 2, 3, 4;`)
    this.addSql(`insert into "payment_risk_order_flag_rollup" (currency_code, bucket, rule_id, orders)
      select f.currency_code, payment_risk_quarter_hour(f.placed_at), r.rule_id, count(*)
        from payment_risk_order_figure f cross join lateral unnest(f.flagged_by) as r(rule_id)
       where f.deleted_at is null and r.rule_id is not null group by 1, 2, 3;`)
  }

  override async down(): Promise<void> {
    for (const trigger of ["insert", "update", "delete", "truncate"]) {
      this.addSql(`drop trigger if exists "payment_risk_order_rollup_${trigger}" on "payment_risk_order_figure";`)
    }
    this.addSql(`drop function if exists "payment_risk_order_rollup_apply"();`)
    this.addSql(`drop function if exists "payment_risk_order_rollup_truncate"();`)
    this.addSql(`drop table if exists "payment_risk_order_flag_rollup";`)
    this.addSql(`drop table if exists "payment_risk_order_rollup";`)
    this.addSql(`drop function if exists "payment_risk_quarter_hour"(timestamptz);`)
  }
}
