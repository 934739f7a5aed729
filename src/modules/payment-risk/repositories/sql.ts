import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** The module's knex (from the facade's `sharedContext.manager` / `.transactionManager`) or a transaction of it. */
export type Db = Knex

/** Rows a raw insert, update or delete touched. */
export const rowCount = (result: { rowCount?: number | null }): number => Number(result.rowCount) || 0
