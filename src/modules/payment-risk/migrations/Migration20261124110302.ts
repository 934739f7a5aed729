import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124110302 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_settings" drop constraint if exists "payment_risk_settings_scope_unique";`);
    this.addSql(`alter table if exists "payment_risk_provider_class" drop constraint if exists "payment_risk_provider_class_provider_id_unique";`);
    this.addSql(`alter table if exists "payment_risk_assessment" drop constraint if exists "payment_risk_assessment_cart_id_unique";`);
    this.addSql(`create table if not exists "payment_risk_assessment" ("id" text not null, "cart_id" text not null, "order_id" text null, "customer_id" text null, "email" text null, "identity_key" text not null, "selected_provider_id" text null, "outcome" text check ("outcome" in ('accepted', 'refused', 'abandoned')) not null, "fallback" boolean not null default false, "decision" jsonb not null, "engine_version" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_assessment_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_risk_assessment_cart_id_unique" ON "payment_risk_assessment" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_assessment_deleted_at" ON "payment_risk_assessment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_assessment_order_id" ON "payment_risk_assessment" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_assessment_identity_key_outcome" ON "payment_risk_assessment" ("identity_key", "outcome") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_risk_provider_class" ("id" text not null, "provider_id" text not null, "risk_class" text check ("risk_class" in ('prepayment', 'guaranteed', 'cash_on_delivery', 'invoice', 'direct_debit', 'card', 'other')) not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_provider_class_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_risk_provider_class_provider_id_unique" ON "payment_risk_provider_class" ("provider_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_provider_class_deleted_at" ON "payment_risk_provider_class" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_risk_settings" ("id" text not null, "scope" text not null, "values" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_risk_settings_scope_unique" ON "payment_risk_settings" ("scope") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_settings_deleted_at" ON "payment_risk_settings" ("deleted_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_assessment" cascade;`);

    this.addSql(`drop table if exists "payment_risk_provider_class" cascade;`);

    this.addSql(`drop table if exists "payment_risk_settings" cascade;`);
  }

}
