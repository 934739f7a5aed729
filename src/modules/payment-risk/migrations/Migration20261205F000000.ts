import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205F000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_cart_evaluation" add column if not exists "credit_queries" integer not null default 0;`);
    // the order figure asks whether its cart had a paid credit query (and the backfill, per order)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_credit_query_cart_id_created_at" ON "payment_risk_credit_query" ("cart_id", "created_at") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_payment_risk_credit_query_cart_id_created_at";`);
    this.addSql(`alter table if exists "payment_risk_cart_evaluation" drop column if exists "credit_queries";`);
  }

}
