import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125192701 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_cart_signal" drop constraint if exists "payment_risk_cart_signal_cart_id_unique";`);
    this.addSql(`create table if not exists "payment_risk_cart_signal" ("id" text not null, "cart_id" text not null, "customer_id" text null, "email_key" text null, "phone_key" text null, "address_key" text null, "ip_key" text null, "contents_key" text null, "order_id" text null, "completed_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_cart_signal_pkey" primary key ("id"));`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_risk_cart_signal_cart_id_unique" ON "payment_risk_cart_signal" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_signal_deleted_at" ON "payment_risk_cart_signal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_signal_email_key_created_at" ON "payment_risk_cart_signal" ("email_key", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_signal_phone_key_created_at" ON "payment_risk_cart_signal" ("phone_key", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_signal_address_key_created_at" ON "payment_risk_cart_signal" ("address_key", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_signal_ip_key_created_at" ON "payment_risk_cart_signal" ("ip_key", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_signal_customer_id_created_at" ON "payment_risk_cart_signal" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_signal_contents_key_completed_at" ON "payment_risk_cart_signal" ("contents_key", "completed_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_risk_review_event" ("id" text not null, "order_id" text not null, "assessment_id" text null, "action" text check ("action" in ('flagged', 'approved', 'cancelled', 'listed', 'noted')) not null, "actor_id" text null, "note" text null, "details" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_review_event_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_review_event_deleted_at" ON "payment_risk_review_event" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_review_event_order_id_created_at" ON "payment_risk_review_event" ("order_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_risk_rule" ("id" text not null, "name" text not null, "description" text null, "priority" integer not null default 100, "enabled" boolean not null default true, "valid_from" timestamptz null, "valid_until" timestamptz null, "conditions" jsonb not null, "actions" jsonb not null, "default_key" text null, "created_by" text null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_rule_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_rule_deleted_at" ON "payment_risk_rule" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_rule_enabled_priority" ON "payment_risk_rule" ("enabled", "priority") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_rule_default_key" ON "payment_risk_rule" ("default_key") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "payment_risk_assessment" add column if not exists "risk_score" integer not null default 0, add column if not exists "review_status" text check ("review_status" in ('none', 'pending', 'approved', 'cancelled')) not null default 'none';`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_assessment_review_status_created_at" ON "payment_risk_assessment" ("review_status", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_cart_signal" cascade;`);

    this.addSql(`drop table if exists "payment_risk_review_event" cascade;`);

    this.addSql(`drop table if exists "payment_risk_rule" cascade;`);

    this.addSql(`drop index if exists "IDX_payment_risk_assessment_review_status_created_at";`);
    this.addSql(`alter table if exists "payment_risk_assessment" drop column if exists "risk_score", drop column if exists "review_status";`);
  }

}
