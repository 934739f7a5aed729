import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Trigram index for the admin's free-text search over the negative list (`search_text ILIKE
 * '%…%'`), so searching a list of a million entries does not scan it. pg_trgm is a trusted
 * extension (PostgreSQL 13+): a database owner may create it. Where it is not available the
 * search still works, only without the index (a notice says so).
 * Not declared in the model (the DSL cannot name the operator class).
 */
export class Migration20261124160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      DO $$
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX IF NOT EXISTS "IDX_payment_risk_negative_list_entry_search_trgm"
          ON "payment_risk_negative_list_entry" USING GIN ("search_text" gin_trgm_ops)
          WHERE deleted_at IS NULL;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'medusa-payment-risk: pg_trgm not available (%), negative-list search runs without index', SQLERRM;
      END
      $$;
    `)
  }

  override async down(): Promise<void> {
    this.addSql(`DROP INDEX IF EXISTS "IDX_payment_risk_negative_list_entry_search_trgm";`)
  }
}
