import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * The version of what the checkout reads on every request — the settings, the rules and the
 * provider classes — so each instance can keep them in memory and still see a change made
 * anywhere at once (issue 18): a row `scope = 'config_version'` in payment_risk_settings holds a
 * random token, and every write to payment_risk_settings, payment_risk_rule or
 * payment_risk_provider_class gives it a new one in the same transaction. A request reads the
 * token (one statement on the unique scope index) and reloads only when it changed.
 *
 * Triggers, not code in each write path: the ORM's CRUD, the settings' raw SQL, the rules'
 * seed, an admin's manual edit and another version of the plugin all bump it alike, so no write
 * path can forget. The triggers are DEFERRED constraint triggers (they run at commit, once per
 * transaction thanks to the `tx` guard): bumping at the first write would take the token row's
 * lock early, and a save waiting for the store row's lock (`select … for update`, see
 * updateStoredSettings) while holding it would deadlock against the transaction it waits for.
 * TRUNCATE has no constraint trigger: a plain statement trigger bumps then.
 *
 * A random token, not a counter: a database restored from a backup or recreated (as the tests
 * do) never repeats a token an instance still holds.
 *
 * Written by hand: `plugin:db:generate` cannot express triggers.
 */
export class Migration20261205A0001 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`insert into "payment_risk_settings" ("id", "scope", "values")
      values ('prset_config_version', 'config_version', jsonb_build_object('token', md5(random()::text || clock_timestamp()::text), 'tx', ''))
      on conflict ("scope") where "deleted_at" is null do nothing;`);
    this.addSql(`create or replace function "payment_risk_bump_config_version"() returns trigger language plpgsql as $$
      begin
        update "payment_risk_settings"
           set "values" = jsonb_build_object('token', md5(random()::text || clock_timestamp()::text), 'tx', txid_current()::text),
               "updated_at" = now()
         where "scope" = 'config_version' and "deleted_at" is null
           and ("values"->>'tx') is distinct from txid_current()::text;
        return null;
      end $$;`);
    for (const table of ["payment_risk_settings", "payment_risk_rule", "payment_risk_provider_class"]) {
      this.addSql(`drop trigger if exists "${table}_config_version" on "${table}";`);
      this.addSql(`create constraint trigger "${table}_config_version" after insert or update or delete on "${table}"
        deferrable initially deferred for each row execute function "payment_risk_bump_config_version"();`);
      this.addSql(`drop trigger if exists "${table}_config_version_truncate" on "${table}";`);
      this.addSql(`create trigger "${table}_config_version_truncate" after truncate on "${table}"
        for each statement execute function "payment_risk_bump_config_version"();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ["payment_risk_settings", "payment_risk_rule", "payment_risk_provider_class"]) {
      this.addSql(`drop trigger if exists "${table}_config_version" on "${table}";`);
      this.addSql(`drop trigger if exists "${table}_config_version_truncate" on "${table}";`);
    }
    this.addSql(`drop function if exists "payment_risk_bump_config_version"();`);
    this.addSql(`delete from "payment_risk_settings" where "scope" = 'config_version';`);
  }

}
