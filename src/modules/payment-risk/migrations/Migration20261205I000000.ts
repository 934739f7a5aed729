import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261205I000000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_payment_risk_cart_figure_marked" ON "payment_risk_cart_figure" ("currency_code", "first_evaluated_at") WHERE deleted_at IS NULL AND (restricted OR credit_ran OR cardinality(rules_held) > 0 OR list_hits IS NOT NULL);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_payment_risk_cart_figure_marked";`);
  }

}
