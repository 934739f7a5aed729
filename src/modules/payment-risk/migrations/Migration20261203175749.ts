import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203175749 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_negative_list_entry" add column if not exists "action" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_negative_list_entry" drop column if exists "action";`);
  }

}
