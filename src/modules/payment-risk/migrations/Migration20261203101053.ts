import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203101053 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_negative_list_entry" add column if not exists "order_id" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_negative_list_entry_order_id" ON "payment_risk_negative_list_entry" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_payment_risk_negative_list_entry_order_id";`);
    this.addSql(`alter table if exists "payment_risk_negative_list_entry" drop column if exists "order_id";`);
  }

}
