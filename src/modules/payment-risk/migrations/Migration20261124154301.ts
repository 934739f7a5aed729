import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261124154301 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "payment_risk_credit_query" ("id" text not null, "provider_id" text not null, "identity_hash" text not null, "cart_id" text null, "result" text check ("result" in ('none', 'soft', 'medium', 'hard')) null, "score" real null, "traffic_light" text check ("traffic_light" in ('green', 'yellow', 'red')) null, "reference" text null, "cost" real not null default 0, "latency_ms" integer not null default 0, "cached" boolean not null default false, "error" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_credit_query_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_query_deleted_at" ON "payment_risk_credit_query" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_query_identity_hash_created_at" ON "payment_risk_credit_query" ("identity_hash", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_query_provider_id_created_at" ON "payment_risk_credit_query" ("provider_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_credit_query" cascade;`);
  }

}
