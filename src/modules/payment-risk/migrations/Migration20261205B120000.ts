import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * One row per CSV import run of the negative list (issue 18): how far it got, written in the same
 * transaction as each batch of entries and audit rows, so after a crash (kill -9) the row says
 * exactly which lines are in the list. `backend_pid` / `backend_start` name the database session
 * that writes the batches: a run still `running` whose session is gone was interrupted (read as
 * such by src/modules/payment-risk/repositories/negative-list-import.ts).
 *
 * Written by hand: the table is reached with raw SQL from that repository only (no ORM model, so
 * the module service's model list stays as it is). A run is recorded with its first committed
 * batch, so an import that stores nothing (a refused file, only rejected rows) leaves no row.
 */
export class Migration20261205B120000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "payment_risk_negative_list_import" (
      "id" text not null,
      "status" text check ("status" in ('running', 'finished', 'failed')) not null default 'running',
      "actor_id" text null,
      "batch_size" integer not null,
      "last_line" integer not null default 0,
      "batches" integer not null default 0,
      "imported" integer not null default 0,
      "updated" integer not null default 0,
      "rejected" integer not null default 0,
      "error" text null,
      "backend_pid" integer null,
      "backend_start" timestamptz null,
      "started_at" timestamptz not null default now(),
      "finished_at" timestamptz null,
      "created_at" timestamptz not null default now(),
      "updated_at" timestamptz not null default now(),
      constraint "payment_risk_negative_list_import_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_negative_list_import_started_at" ON "payment_risk_negative_list_import" ("started_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_negative_list_import" cascade;`);
  }

}
