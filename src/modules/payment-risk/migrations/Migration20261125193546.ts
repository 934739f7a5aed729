import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125193546 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "payment_risk_security_tip" ("id" text not null, "title" text not null, "body" text not null, "locale" text not null, "placement" text check ("placement" in ('checkout', 'payment', 'account', 'order_confirmation', 'footer')) not null, "rank" integer not null default 0, "active" boolean not null default true, "valid_from" timestamptz null, "valid_until" timestamptz null, "default_key" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_security_tip_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_security_tip_deleted_at" ON "payment_risk_security_tip" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_security_tip_placement_locale_active" ON "payment_risk_security_tip" ("placement", "locale", "active") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_security_tip_default_key" ON "payment_risk_security_tip" ("default_key") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_security_tip" cascade;`);
  }

}
