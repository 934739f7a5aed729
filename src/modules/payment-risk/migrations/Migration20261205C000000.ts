import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205C000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_assessment" add column if not exists "replayable" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "payment_risk_assessment" drop column if exists "replayable";`);
  }

}
