import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Row = Record<string, unknown>
export type FiguresDb = {
  raw: (sql: string, bindings: unknown[]) => Promise<{ rows: Row[] }>
  transaction: <T>(work: (trx: FiguresDb) => Promise<T>) => Promise<T>
}

/**
 * Memory for one grouping statement (PostgreSQL's default of 4 MB makes a 90-day group of
 * 300,000 carts spill to disk), and hash aggregation for its small outer groups (the planner
 * cannot estimate their number and would sort 300,000 rows to find 30 groups) — both set for
 * this statement's transaction only.
 */
export async function groupingRaw(db: FiguresDb, sql: string, bindings: unknown[]): Promise<{ rows: Row[] }> {
  return await db.transaction(async (trx) => {
    await trx.raw(`set local work_mem = '64MB'`, [])
    await trx.raw(`set local enable_sort = off`, [])
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
