import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261203105426 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_credit_query" add column if not exists "key_id" text null;`);

    this.addSql(`alter table if exists "payment_risk_negative_list_entry" add column if not exists "key_id" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_credit_query" drop column if exists "key_id";`);

    this.addSql(`alter table if exists "payment_risk_negative_list_entry" drop column if exists "key_id";`);
  }

}
