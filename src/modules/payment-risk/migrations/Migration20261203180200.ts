import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203180200 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_receivable" drop constraint if exists "payment_risk_receivable_order_id_unique";`);
    this.addSql(`create table if not exists "payment_risk_receivable" ("id" text not null, "order_id" text not null, "currency_code" text not null, "debtor_type" text check ("debtor_type" in ('consumer', 'business')) not null, "principal" numeric not null, "invoice_date" timestamptz not null, "hold" text check ("hold" in ('active', 'paused', 'handed_over', 'written_off')) not null default 'active', "address_research" boolean not null default false, "reopened_by" text null, "raw_principal" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_receivable_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_receivable_deleted_at" ON "payment_risk_receivable" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_risk_receivable_order_id_unique" ON "payment_risk_receivable" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_receivable_hold" ON "payment_risk_receivable" ("hold") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_receivable" cascade;`);
  }

}
