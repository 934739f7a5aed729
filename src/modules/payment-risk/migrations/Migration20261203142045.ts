import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203142045 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_outcome" drop constraint if exists "payment_risk_outcome_source_external_id_unique";`);
    this.addSql(`create table if not exists "payment_risk_outcome" ("id" text not null, "order_id" text not null, "kind" text check ("kind" in ('payment_received', 'return_debit', 'chargeback', 'chargeback_reversed', 'cod_refused', 'dunning_stage', 'handed_over', 'written_off', 'address_unknown')) not null, "reason_code" text null, "amount" numeric null, "fee" numeric null, "currency_code" text null, "occurred_at" timestamptz not null, "source" text check ("source" in ('admin', 'webhook', 'job')) not null, "external_id" text null, "note" text null, "created_by" text null, "list_entry_ids" text[] not null, "raw_amount" jsonb null, "raw_fee" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_outcome_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_outcome_deleted_at" ON "payment_risk_outcome" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_outcome_order_id_occurred_at" ON "payment_risk_outcome" ("order_id", "occurred_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_risk_outcome_source_external_id_unique" ON "payment_risk_outcome" ("source", "external_id") WHERE external_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_outcome" cascade;`);
  }

}
