import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205D000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_order_figure" drop constraint if exists "payment_risk_order_figure_order_id_unique";`);
    this.addSql(`alter table if exists "payment_risk_cart_evaluation" drop constraint if exists "payment_risk_cart_evaluation_cart_id_decision_key_unique";`);
    this.addSql(`create table if not exists "payment_risk_cart_evaluation" ("id" text not null, "cart_id" text null, "decision_key" text not null, "stage" text check ("stage" in ('listing', 'completion')) not null, "evaluated_at" timestamptz not null, "currency_code" text not null, "total" numeric not null, "restricted" boolean not null, "fallback" boolean not null default false, "causes" text[] not null, "hidden_classes" text[] not null, "offered_classes" text[] not null, "rules_held" text[] not null, "score" integer not null default 0, "review" boolean not null default false, "credit_ran" boolean not null default false, "credit_cached" boolean not null default false, "credit_failed" boolean not null default false, "credit_cost" real not null default 0, "list_matches" jsonb null, "completed_at" timestamptz null, "order_id" text null, "completed_class" text null, "completed_provider_id" text null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_cart_evaluation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_evaluation_deleted_at" ON "payment_risk_cart_evaluation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_risk_cart_evaluation_cart_id_decision_key_unique" ON "payment_risk_cart_evaluation" ("cart_id", "decision_key") WHERE cart_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_evaluation_evaluated_at_currency_code" ON "payment_risk_cart_evaluation" ("evaluated_at", "currency_code") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_evaluation_order_id" ON "payment_risk_cart_evaluation" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_risk_order_figure" ("id" text not null, "order_id" text null, "placed_at" timestamptz not null, "currency_code" text not null, "amount" numeric not null, "payment_class" text null, "provider_id" text null, "score" integer not null default 0, "rules_held" text[] not null, "flagged_by" text[] not null, "review" boolean not null default false, "credit_checked" boolean not null default false, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_order_figure_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_order_figure_deleted_at" ON "payment_risk_order_figure" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_risk_order_figure_order_id_unique" ON "payment_risk_order_figure" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_order_figure_placed_at_currency_code" ON "payment_risk_order_figure" ("placed_at", "currency_code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_cart_evaluation" cascade;`);

    this.addSql(`drop table if exists "payment_risk_order_figure" cascade;`);
  }

}
