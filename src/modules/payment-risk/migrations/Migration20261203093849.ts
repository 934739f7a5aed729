import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203093849 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_identity_observation" drop constraint if exists "payment_risk_identity_observation_cart_id_identity_key_ip_key_unique";`);
    this.addSql(`create table if not exists "payment_risk_identity_observation" ("id" text not null, "cart_id" text not null, "identity_key" text not null, "email_key" text null, "customer_id" text null, "ip_key" text not null default '', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "payment_risk_identity_observation_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_identity_observation_deleted_at" ON "payment_risk_identity_observation" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_payment_risk_identity_observation_cart_id_identity_key_ip_key_unique" ON "payment_risk_identity_observation" ("cart_id", "identity_key", "ip_key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_identity_observation_ip_key_updated_at" ON "payment_risk_identity_observation" ("ip_key", "updated_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_identity_observation_email_key" ON "payment_risk_identity_observation" ("email_key") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "payment_risk_credit_query" drop constraint if exists "payment_risk_credit_query_result_check";`);

    this.addSql(`alter table if exists "payment_risk_credit_query" add constraint "payment_risk_credit_query_result_check" check("result" in ('none', 'soft', 'medium', 'hard', 'unknown'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "payment_risk_identity_observation" cascade;`);

    this.addSql(`alter table if exists "payment_risk_credit_query" drop constraint if exists "payment_risk_credit_query_result_check";`);

    this.addSql(`alter table if exists "payment_risk_credit_query" add constraint "payment_risk_credit_query_result_check" check("result" in ('none', 'soft', 'medium', 'hard'));`);
  }

}
