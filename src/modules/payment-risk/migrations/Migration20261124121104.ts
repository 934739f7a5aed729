import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124121104 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "payment_risk_negative_list_audit" ("id" text not null, "entry_id" text not null, "action" text check ("action" in ('create', 'update', 'delete')) not null, "actor_id" text null, "changes" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_negative_list_audit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_negative_list_audit_deleted_at" ON "payment_risk_negative_list_audit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_negative_list_audit_entry_id" ON "payment_risk_negative_list_audit" ("entry_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "payment_risk_negative_list_entry" ("id" text not null, "kind" text check ("kind" in ('person', 'address', 'email', 'email_domain', 'phone', 'iban', 'card', 'ip', 'customer')) not null, "first_name" text null, "last_name" text null, "company" text null, "address_1" text null, "address_2" text null, "postal_code" text null, "city" text null, "country_code" text null, "value" text null, "display_hint" text null, "reason" text not null, "source" text check ("source" in ('manual', 'chargeback', 'return_debit', 'dunning', 'cod_refused', 'fraud_review', 'import')) not null default 'manual', "note" text null, "expires_at" timestamptz null, "lookup_keys" text[] not null, "search_text" text not null, "created_by" text null, "updated_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_negative_list_entry_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_negative_list_entry_deleted_at" ON "payment_risk_negative_list_entry" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_negative_list_entry_lookup_keys" ON "payment_risk_negative_list_entry" USING GIN ("lookup_keys") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_negative_list_entry_kind" ON "payment_risk_negative_list_entry" ("kind") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_negative_list_entry_value" ON "payment_risk_negative_list_entry" ("value") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_negative_list_audit" cascade;`);

    this.addSql(`drop table if exists "payment_risk_negative_list_entry" cascade;`);
  }

}
