import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203094521 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "payment_risk_credit_limit_event" ("id" text not null, "cart_id" text not null, "limit_name" text check ("limit_name" in ('identities_per_cart', 'identities_per_customer', 'identities_per_ip', 'queries_per_cart')) not null, "max" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_credit_limit_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_limit_event_deleted_at" ON "payment_risk_credit_limit_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_limit_event_created_at" ON "payment_risk_credit_limit_event" ("created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_limit_event_cart_id_created_at" ON "payment_risk_credit_limit_event" ("cart_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_risk_credit_reservation" ("id" text not null, "cart_id" text not null, "identity_hash" text not null, "ip_key" text null, "customer_id" text null, "paid" boolean not null default false, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_credit_reservation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_reservation_deleted_at" ON "payment_risk_credit_reservation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_reservation_cart_id_created_at" ON "payment_risk_credit_reservation" ("cart_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_reservation_ip_key_created_at" ON "payment_risk_credit_reservation" ("ip_key", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_reservation_customer_id_created_at" ON "payment_risk_credit_reservation" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_reservation_created_at" ON "payment_risk_credit_reservation" ("created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "payment_risk_credit_query" add column if not exists "failure_kind" text check ("failure_kind" in ('transport', 'timeout', 'server_error', 'client_error', 'invalid_answer', 'provider_error')) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_credit_limit_event" cascade;`);

    this.addSql(`drop table if exists "payment_risk_credit_reservation" cascade;`);

    this.addSql(`alter table if exists "payment_risk_credit_query" drop column if exists "failure_kind";`);
  }

}
