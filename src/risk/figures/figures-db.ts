import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

type Row = Record<string, unknown>
export type FiguresDb = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: Row[] }> }

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
