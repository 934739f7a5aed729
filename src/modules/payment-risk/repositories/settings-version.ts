import type { Db } from "./sql"

/**
 * The settings row holding the version token of the settings, rules and provider classes
 * (Migration20261205A0001): every write to those tables gives it a new random token in the
 * same transaction (database triggers, so no write path can forget).
 */
export const CONFIG_VERSION_SCOPE = "config_version"

/**
 * The current version token, or null where there is none (a database without the migration,
 * e.g. a schema made from the models): then nothing is kept in memory. One statement on the
 * unique scope index; it reads payment_risk_settings, so a broken settings table fails here as
 * it failed the uncached read.
 */
export async function readConfigVersion(knex: Db): Promise<string | null> {
  const { rows } = (await knex.raw(
    `select "values"->>'token' as token from payment_risk_settings where scope = ? and deleted_at is null`,
    [CONFIG_VERSION_SCOPE]
  )) as { rows: Array<{ token: string | null }> }
  return rows[0]?.token ?? null
}

/**
 * Values read from the database, kept per version token: a part is loaded once per token (and
 * shared by the requests that ask at the same moment) and dropped when the token changes. A
 * failed load is not kept. Without a token every call loads. Exact: a request that read token T
 * gets what was loaded after T was read, never anything older.
 */
export class VersionedCache {
  private token: string | null = null
  private parts = new Map<string, Promise<unknown>>()

  get<T>(token: string | null, key: string, load: () => Promise<T>): Promise<T> {
    if (token === null) {
      return load()
    }
    if (token !== this.token) {
      this.token = token
      this.parts = new Map()
    }
    const parts = this.parts
    const cached = parts.get(key) as Promise<T> | undefined
    if (cached) {
      return cached
    }
    const loading = load()
    parts.set(key, loading)
    loading.catch(() => {
      if (parts.get(key) === loading) parts.delete(key)
    })
    return loading
  }
}
