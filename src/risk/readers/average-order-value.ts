import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Below this many orders in a currency an average says nothing: `cart.total_vs_average` is unavailable. */
export const MIN_ORDERS_FOR_AVERAGE = 10
/** The average covers the store's most recent orders in the currency. */
export const AVERAGE_SAMPLE_SIZE = 1000
/** Each instance recomputes a currency's average at most this often. */
export const AVERAGE_CACHE_MS = 5 * 60 * 1000

const cache = new Map<string, { at: number; value: Promise<number | null> }>()

type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> }

/**
 * The store's average order value in a currency (major units, like cart totals): the current
 * total (`current_order_total` of the latest summary version; a value that is not a number is
 * skipped) of the most recent orders that are neither canceled nor drafts.
 * One query with bound parameters on Medusa's order tables; `null` below MIN_ORDERS_FOR_AVERAGE.
 */
async function queryAverage(container: MedusaContainer, currency: string): Promise<number | null> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  // (no "?" in the SQL text but the bindings: knex reads every "?" as one)
  const { rows } = await knex.raw(
    `select avg(t.total)::float as average, count(*)::int as orders
       from (
         select (select case when v ~ '^-{0,1}[0-9]+([.][0-9]+){0,1}$' then v::numeric end
                   from (select coalesce(s.totals->'raw_current_order_total'->>'value', s.totals->>'current_order_total') as v
                           from order_summary s
                          where s.order_id = o.id and s.deleted_at is null
                          order by s.version desc limit 1) latest) as total
           from "order" o
          where o.deleted_at is null and o.currency_code = ? and o.status not in ('canceled', 'draft')
            and coalesce(o.is_draft_order, false) = false
          order by o.created_at desc
          limit ?
       ) t
      where t.total is not null`,
    [currency.toLowerCase(), AVERAGE_SAMPLE_SIZE]
  )
  const row = rows[0] ?? {}
  const count = Number(row.orders) || 0
  const average = Number(row.average)
  return count >= MIN_ORDERS_FOR_AVERAGE && Number.isFinite(average) && average > 0 ? average : null
}

/** The cached average (one query per currency and instance every few minutes; failures are not cached). */
export function averageOrderValue(container: MedusaContainer, currency: string, now = Date.now()): Promise<number | null> {
  const key = currency.toLowerCase()
  const hit = cache.get(key)
  if (hit && now - hit.at < AVERAGE_CACHE_MS) {
    return hit.value
  }
  const value = queryAverage(container, key)
  cache.set(key, { at: now, value })
  value.catch(() => cache.delete(key))
  return value
}

