import { generateEntityId } from "@medusajs/framework/utils"
import { BREAKER_FAILURE_KINDS, CreditLimitName, CreditLimits, exceededCreditLimit } from "../../../engine"
import type PaymentRiskModuleService from "../service"
import { Db } from "./sql"

/** Who a credit check is about and for (keyed hashes only), for the abuse limits. */
export type CreditRequest = {
  cart_id: string
  identity_hash: string
  ip_key: string | null
  customer_id: string | null
  /** a query to a bureau (false: a cache hit) */
  paid: boolean
}

export type CreditReservationResult = { ok: true; reservation_id: string } | { ok: false; limit: CreditLimitName; max: number }

/** the abuse limits' rolling window */
export const CREDIT_LIMIT_WINDOW_SECONDS = 3600
/** reservation rows are kept this long (far beyond the window), then deleted */
const CREDIT_RESERVATION_KEEP_SECONDS = 86_400

type Queries = Pick<PaymentRiskModuleService, "listCreditQueries">

/**
 * The newest answered query for this identity within `days`, if any. `identityHashes` are the
 * identity's hashes under every configured secret, so the cache survives a rotation while the
 * earlier secret is kept.
 */
export async function findCachedCreditAnswer(service: Queries, identityHashes: string[], days: number) {
  if (days <= 0 || !identityHashes.length) return null
  const [row] = await service.listCreditQueries(
    {
      identity_hash: identityHashes,
      error: null,
      result: { $ne: null },
      created_at: { $gte: new Date(Date.now() - days * 86_400_000) },
    },
    { take: 1, order: { created_at: "DESC" } }
  )
  return row ?? null
}

/**
 * Circuit breaker: open when the provider's last `failures` own queries all failed with a kind
 * that says the bureau is unwell (transport error, timeout, 5xx) and the newest is younger than
 * the cool-down. A 4xx, an invalid answer or a provider's own error counts like an answer (the
 * bureau is up, and a shopper's input may have caused it), so no shopper can open the breaker.
 * Read from the table, so it holds across instances.
 */
export async function isCreditProviderTripped(service: Queries, providerId: string, failures: number, cooldownSeconds: number): Promise<boolean> {
  const rows = await service.listCreditQueries(
    { provider_id: providerId, cached: false },
    { take: failures, order: { created_at: "DESC" }, select: ["id", "failure_kind", "created_at"] }
  )
  if (rows.length < failures || rows.some((row) => !row.failure_kind || !BREAKER_FAILURE_KINDS.includes(row.failure_kind))) return false
  return new Date(rows[0].created_at).getTime() > Date.now() - cooldownSeconds * 1000
}

/** The rolling hour's reservations for the request's cart, IP and customer (bindings in this order). */
const COUNT_RESERVATIONS = `
  select
    count(*) filter (where cart_id = ? and paid)::int as cart_queries,
    count(distinct identity_hash) filter (where cart_id = ?)::int as cart_identities,
    coalesce(bool_or(cart_id = ? and identity_hash = ?), false) as cart_knows_identity,
    count(distinct identity_hash) filter (where ip_key = ?)::int as ip_identities,
    coalesce(bool_or(ip_key = ? and identity_hash = ?), false) as ip_knows_identity,
    count(distinct identity_hash) filter (where customer_id = ?)::int as customer_identities,
    coalesce(bool_or(customer_id = ? and identity_hash = ?), false) as customer_knows_identity
  from payment_risk_credit_reservation
  where deleted_at is null
    and created_at >= now() - make_interval(secs => ?::int)
    and (cart_id = ? or ip_key = ? or customer_id = ?)`

/**
 * The abuse limits of the credit check, exact across instances: one transaction takes
 * advisory locks on the cart, IP and customer keys (sorted, so two requests cannot deadlock),
 * counts the rolling hour's reservations for them (distinct identities per key, whether this
 * identity is among them, the cart's paid queries), and either inserts this request's
 * reservation or records the limit event. Only keyed hashes are stored.
 */
export async function reserveCreditQuery(knex: Db, request: CreditRequest, limits: CreditLimits): Promise<CreditReservationResult> {
  const lockKeys = [
    `cart:${request.cart_id}`,
    ...(request.ip_key ? [`ip:${request.ip_key}`] : []),
    ...(request.customer_id ? [`customer:${request.customer_id}`] : []),
  ].sort()
  return await knex.transaction(async (trx) => {
    for (const key of lockKeys) {
      await trx.raw("select pg_advisory_xact_lock(hashtextextended(?, 0))", [`payment_risk_credit:${key}`])
    }
    const counted = await trx.raw(COUNT_RESERVATIONS, [
      request.cart_id, request.cart_id, request.cart_id, request.identity_hash,
      request.ip_key, request.ip_key, request.identity_hash,
      request.customer_id, request.customer_id, request.identity_hash,
      CREDIT_LIMIT_WINDOW_SECONDS, request.cart_id, request.ip_key, request.customer_id,
    ])
    const row = counted.rows[0] ?? {}
    const limit = exceededCreditLimit(
      {
        cart_queries: Number(row.cart_queries) || 0,
        cart_identities: Number(row.cart_identities) || 0,
        cart_knows_identity: row.cart_knows_identity === true,
        ip_identities: request.ip_key ? Number(row.ip_identities) || 0 : null,
        ip_knows_identity: row.ip_knows_identity === true,
        customer_identities: request.customer_id ? Number(row.customer_identities) || 0 : null,
        customer_knows_identity: row.customer_knows_identity === true,
      },
      limits,
      request.paid
    )
    if (limit) {
      await trx.raw(
        `insert into payment_risk_credit_limit_event (id, cart_id, limit_name, max, created_at, updated_at)
         values (?, ?, ?, ?, now(), now())`,
        [generateEntityId(undefined, "prcle"), request.cart_id, limit, limits[limit]]
      )
      return { ok: false as const, limit, max: limits[limit] }
    }
    const id = generateEntityId(undefined, "prcr")
    await trx.raw(
      `insert into payment_risk_credit_reservation (id, cart_id, identity_hash, ip_key, customer_id, paid, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, now(), now())`,
      [id, request.cart_id, request.identity_hash, request.ip_key, request.customer_id, request.paid]
    )
    // housekeeping: a few expired rows per reservation, so the table stays small without a job
    await trx.raw(
      `delete from payment_risk_credit_reservation where id in (
         select id from payment_risk_credit_reservation where deleted_at is null and created_at < now() - make_interval(secs => ?::int) limit 20)`,
      [CREDIT_RESERVATION_KEEP_SECONDS]
    )
    return { ok: true as const, reservation_id: id }
  })
}

/** This calendar month's queries: spend, provider queries, cache hits, failures, limit hits. */
export async function creditMonthSummary(knex: Db) {
  const start = new Date()
  start.setUTCDate(1)
  start.setUTCHours(0, 0, 0, 0)
  const [row] = await knex("payment_risk_credit_query")
    .where("created_at", ">=", start)
    .whereNull("deleted_at")
    .select(
      knex.raw("round(coalesce(sum(cost), 0)::numeric, 2)::float as spend"),
      knex.raw("count(*) filter (where not cached)::int as queries"),
      knex.raw("count(*) filter (where cached)::int as cache_hits"),
      knex.raw("count(*) filter (where error is not null)::int as failures")
    )
  const [limits] = await knex("payment_risk_credit_limit_event")
    .where("created_at", ">=", start)
    .whereNull("deleted_at")
    .select(knex.raw("count(*)::int as limit_hits"))
  return { since: start.toISOString(), ...row, limit_hits: Number(limits?.limit_hits) || 0 }
}
