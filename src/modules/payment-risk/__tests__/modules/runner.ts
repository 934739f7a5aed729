import path from "node:path"
import { moduleIntegrationTestRunner, SuiteOptions } from "@medusajs/test-utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { PAYMENT_RISK_MODULE } from "../.."
import { PreparedEntry } from "../../negative-list-types"
import PaymentRiskModuleService from "../../service"

/**
 * The module tier (TEST_TYPE=integration:modules): the payment-risk module alone, loaded by
 * moduleIntegrationTestRunner against the PostgreSQL the HTTP tier uses (DB_HOST/DB_PORT/
 * DB_USERNAME/DB_PASSWORD from integration-tests/global-setup.js). Its schema comes from the
 * module's migrations, as a store's does (partial unique indexes, GIN index), fresh per test.
 */
export function paymentRiskModuleSuite(testSuite: (options: SuiteOptions<PaymentRiskModuleService> & { db: () => Knex }) => void) {
  moduleIntegrationTestRunner<PaymentRiskModuleService>({
    moduleName: PAYMENT_RISK_MODULE,
    resolve: path.join(__dirname, "../.."),
    pathToMigrations: path.join(__dirname, "../../migrations"),
    moduleOptions: { hash_secret: "module-tier-test-secret-0123456789" },
    testSuite: (options) => testSuite({ ...options, db: () => options.MikroOrmWrapper.getManager().getKnex() as Knex }),
  })
}

/** A prepared negative-list entry (as prepareEntryData makes them) with the given lookup keys. */
export function preparedEntry(overrides: Partial<PreparedEntry> = {}): PreparedEntry {
  return {
    kind: "email",
    first_name: null,
    last_name: null,
    company: null,
    address_1: null,
    address_2: null,
    postal_code: null,
    city: null,
    country_code: null,
    value: "kunigunde@example.com",
    display_hint: null,
    key_id: null,
    reason: "chargeback",
    source: "manual",
    note: null,
    expires_at: null,
    lookup_keys: ["email:kunigunde@example.com"],
    search_text: "kunigunde@example.com",
    ...overrides,
  }
}

/** Rows of a table, by a raw query with bound parameters. */
export async function rows<T = Record<string, unknown>>(db: Knex, sql: string, bindings: unknown[] = []): Promise<T[]> {
  return (await db.raw(sql, bindings as Knex.RawBinding[])).rows
}

export const DAY = 86_400_000
