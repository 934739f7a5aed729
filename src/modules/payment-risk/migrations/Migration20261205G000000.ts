import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205G000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_cart_figure" drop constraint if exists "payment_risk_cart_figure_cart_id_unique";`);
    this.addSql(`create table if not exists "payment_risk_cart_figure" ("id" text not null, "cart_id" text not null, "first_evaluated_at" timestamptz not null, "currency_code" text not null, "restricted" boolean not null default false, "completed" boolean not null default false, "completed_class" text null, "prepayment_sample" boolean not null default false, "causes" text[] not null, "causes_held" text[] not null, "rules_held" text[] not null, "credit_ran" boolean not null default false, "credit_queries" integer not null default 0, "credit_cost" real not null default 0, "credit_cached" integer not null default 0, "credit_failed" integer not null default 0, "credit_hidden_classes" text[] null, "credit_total" numeric null, "list_hits" jsonb null, "raw_credit_total" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_cart_figure_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_figure_deleted_at" ON "payment_risk_cart_figure" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_risk_cart_figure_cart_id_unique" ON "payment_risk_cart_figure" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_figure_first_evaluated_at_currency_code" ON "payment_risk_cart_figure" ("first_evaluated_at", "currency_code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_cart_figure" cascade;`);
  }

}
