import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import type PaymentRiskModuleService from "../service"
import { Db } from "./sql"

/** columns a velocity count may read: a fixed list, never taken from a request */
const SIGNAL_COLUMNS = ["email_key", "phone_key", "address_key", "ip_key", "customer_id"] as const

/** One cart's signal row: keyed hashes only. `completed_at` undefined leaves it as it is. */
export type CartSignalRow = {
  cart_id: string
  customer_id: string | null
  email_key: string | null
  phone_key: string | null
  address_key: string | null
  ip_key: string | null
  contents_key: string | null
  completed_at?: Date | null
}

/** One velocity count: rows with `column = value` created (carts) or completed (orders) since `since`. */
export type SignalCount = {
  column: "email_key" | "phone_key" | "address_key" | "ip_key" | "customer_id"
  value: string
  source: "orders" | "carts"
  since: Date
}

/** A billing identity seen on a cart (keyed hashes; `ip_key` null when the request had none). */
export type ObservedIdentity = { cart_id: string; identity_key: string; email_key: string | null; customer_id: string | null; ip_key: string | null }

type Signals = Pick<PaymentRiskModuleService, "listCartSignals" | "updateCartSignals">

/**
 * Creates or refreshes the cart's signal row in one statement (keys are keyed hashes, never
 * clear values). An IP already recorded is kept when the caller knows none (completion);
 * `completed_at` changes only when given.
 */
export async function upsertCartSignal(knex: Db, row: CartSignalRow): Promise<void> {
  const now = new Date()
  const setCompleted = row.completed_at !== undefined
  await knex.raw(
    `insert into payment_risk_cart_signal
       (id, cart_id, customer_id, email_key, phone_key, address_key, ip_key, contents_key, completed_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (cart_id) where deleted_at is null do update set
       customer_id = excluded.customer_id,
       email_key = excluded.email_key,
       phone_key = excluded.phone_key,
       address_key = excluded.address_key,
       ip_key = coalesce(excluded.ip_key, payment_risk_cart_signal.ip_key),
       contents_key = excluded.contents_key,
       completed_at = case when ? then excluded.completed_at else payment_risk_cart_signal.completed_at end,
       updated_at = excluded.updated_at`,
    [
      generateEntityId(undefined, "prsig"), row.cart_id, row.customer_id, row.email_key, row.phone_key,
      row.address_key, row.ip_key, row.contents_key, row.completed_at ?? null, now, now, setCompleted,
    ]
  )
}

/** Clears `completed_at` of a cart whose completion failed after it was accepted. */
export async function clearCartSignalCompletion(service: Signals, cartId: string): Promise<void> {
  await service.updateCartSignals({ selector: { cart_id: cartId }, data: { completed_at: null } })
}

/** Links the signal to the order placed from the cart (for the order-placed subscriber). */
export async function setCartSignalOrder(service: Signals, cartId: string, orderId: string): Promise<void> {
  await service.updateCartSignals({ selector: { cart_id: cartId }, data: { order_id: orderId } })
}

/** The IP key recorded for a cart while it was shopped (completion does not know the IP). */
export async function getCartSignalIpKey(service: Signals, cartId: string): Promise<string | null> {
  const [row] = await service.listCartSignals({ cart_id: cartId }, { take: 1, select: ["id", "ip_key"] })
  return row?.ip_key ?? null
}

/**
 * Velocity counts in one query with bound parameters: for each request, the other carts with
 * the same key created in the window (`carts`) or completed in it (`orders`). The column names
 * come from SIGNAL_COLUMNS only.
 */
export async function countCartSignals(knex: Db, counts: SignalCount[], excludeCartId: string): Promise<number[]> {
  if (!counts.length) {
    return []
  }
  for (const count of counts) {
    if (!SIGNAL_COLUMNS.includes(count.column)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `unknown signal column ${count.column}`)
    }
  }
  const selects = counts.map(
    (count, index) =>
      `count(*) filter (where ${count.column} = ? and ${count.source === "orders" ? "completed_at" : "created_at"} >= ?)::int as c${index}`
  )
  const pairs = [...new Map(counts.map((count) => [`${count.column}\u0000${count.value}`, count])).values()]
  const since = new Date(Math.min(...counts.map((count) => count.since.getTime())))
  const result = await knex.raw(
    `select ${selects.join(", ")}
     from payment_risk_cart_signal
     where deleted_at is null and cart_id <> ?
       and (${pairs.map((pair) => `${pair.column} = ?`).join(" or ")})
       and (created_at >= ? or completed_at >= ?)`,
    [
      ...counts.flatMap((count) => [count.value, count.since]),
      excludeCartId,
      ...pairs.map((pair) => pair.value),
      since,
      since,
    ]
  )
  const row = result.rows[0] ?? {}
  return counts.map((_, index) => Number(row[`c${index}`]) || 0)
}

/**
 * Records that the cart showed this billing identity (from this IP) and counts, in the same
 * statement, the distinct identities on the cart and from the IP since `since` (the new one
 * included). Keyed hashes only. The insert commits before the count of any later request, so
 * the counts hold across instances.
 */
export async function observeIdentity(
  knex: Db,
  row: ObservedIdentity,
  since: Date
): Promise<{ on_cart: number; from_ip: number }> {
  const now = new Date()
  const ipKey = row.ip_key ?? ""
  await knex.raw(
    `insert into payment_risk_identity_observation (id, cart_id, identity_key, email_key, customer_id, ip_key, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (cart_id, identity_key, ip_key) where deleted_at is null do update set updated_at = excluded.updated_at`,
    [generateEntityId(undefined, "prido"), row.cart_id, row.identity_key, row.email_key, row.customer_id, ipKey, now, now]
  )
  const result = await knex.raw(
    `select
       (select count(distinct identity_key)::int from payment_risk_identity_observation
         where deleted_at is null and cart_id = ? and updated_at >= ?) as on_cart,
       (select count(distinct identity_key)::int from payment_risk_identity_observation
         where deleted_at is null and ip_key = ? and ip_key <> '' and updated_at >= ?) as from_ip`,
    [row.cart_id, since, ipKey, since]
  )
  const counts = result.rows[0] ?? {}
  return { on_cart: Number(counts.on_cart) || 0, from_ip: Number(counts.from_ip) || 0 }
}
