import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Row = Record<string, unknown>
export type FiguresDb = {
  raw: (sql: string, bindings: unknown[]) => Promise<{ rows: Row[] }>
  transaction: <T>(work: (trx: FiguresDb) => Promise<T>) => Promise<T>
}

/**
 * A grouping statement of the figures, in its own transaction with two settings that end with it
 * (`SET LOCAL`: nothing leaks to the pool's other users, the shoppers' statements keep the
 * server's defaults):
 * - `work_mem = 64MB`: a 90-day period of ~350,000 carts grouped per cart needs ~60 MB of hash
 *   table; with PostgreSQL's default of 4 MB the hash spills to disk in batches (several times
 *   slower). It is an upper bound per hash, not an allocation: the overview runs four grouping
 *   statements side by side, so one admin request may use up to ~256 MB of the server's memory
 *   for about a second; the statements of the shop keep the server's 4 MB;
 * - `jit = off`: the grouping plans are costed high enough to be compiled, and compiling them
 *   took ~0.8 s — longer than running them (measured: 2.1 s → 1.2 s for the carts of 90 days).
 */
export async function groupingRaw(db: FiguresDb, sql: string, bindings: unknown[]): Promise<{ rows: Row[] }> {
  return await db.transaction(async (trx) => {
    await trx.raw(`set local work_mem = '64MB'`, [])
    await trx.raw(`set local jit = off`, [])
    return await trx.raw(sql, bindings)
  })
}

/** The database connection the figures read with (bound parameters only). */
export const figuresDb = (container: MedusaContainer) => container.resolve<FiguresDb>(ContainerRegistrationKeys.PG_CONNECTION)

/** The period and currency of a figure (from inclusive, to exclusive; currency lower case). */
export type FiguresPeriod = { from: Date; to: Date; currency_code: string }

/** A numeric column read as text (to keep its precision) as a number; 0 when absent. */
export const num = (value: unknown): number => {
  const n = typeof value === "number" ? value : Number.parseFloat(String(value ?? ""))
  return Number.isFinite(n) ? n : 0
}

/** A JSON aggregate column (null when the aggregate had no rows) as a list. */
export const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : [])
