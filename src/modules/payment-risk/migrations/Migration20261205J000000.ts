import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205J000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_figure_gap" drop constraint if exists "payment_risk_figure_gap_day_currency_code_unique";`);
    this.addSql(`create table if not exists "payment_risk_figure_gap" ("id" text not null, "day" timestamptz not null, "currency_code" text not null, "evaluations_lost" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_figure_gap_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_figure_gap_deleted_at" ON "payment_risk_figure_gap" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_risk_figure_gap_day_currency_code_unique" ON "payment_risk_figure_gap" ("day", "currency_code") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_figure_gap" cascade;`);
  }

}
