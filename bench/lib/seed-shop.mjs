/**
 * A shop with a past: customers and their orders written straight into Medusa's core tables
 * with `generate_series` (the workflows would take hours for 300,000 orders). Only what the
 * plugin reads is filled, as Medusa itself stores it:
 *   - `customer` (email, has_account)
 *   - `order` (customer_id, email, status, currency, region, created_at): the history query
 *     filters on customer_id OR email (src/risk/readers/load-customer-history.ts)
 *   - `payment_collection` + link `order_payment_collection`: amount / captured / refunded,
 *     from which the engine counts paid orders
 *   - `order_summary` (totals.current_order_total): the store's average order value
 *     (src/risk/readers/average-order-value.ts)
 *   - `order_address` (billing and shipping, the customer's own, see `addressOf`): a paid order
 *     vouches for a guest cart only when it was billed to the same person at the same address
 *     (src/engine/identity/recognise-history.ts)
 * Customer i has 1 + (i mod 5) orders (3 on average). About 5 % of orders are canceled, 5 %
 * await payment, a few are partly refunded, except for customers with i mod 5 = 2 ("regulars"):
 * exactly 3 orders, all paid, the shoppers of the measured carts.
 */

const DOMAINS = ["gmx.de", "web.de", "t-online.de", "gmail.com", "example.org"]

export const customerId = (i) => `cus_bench_${i}`
export const customerEmail = (i) => `kunde${i}@${DOMAINS[i % DOMAINS.length]}`
/**
 * Customer i's address (the seeded orders' billing and shipping address; the measured carts
 * use it too): a person and house of her own, so no address collects many shoppers' orders.
 */
export const addressOf = (i) => ({
  first_name: `Vorname${i}`,
  last_name: `Nachname${i}`,
  address_1: `Ringstraße ${1 + (i % 180)}`,
  postal_code: String(10000 + (i % 80000)),
  city: "München",
  country_code: "de",
})

/** The n-th regular (0-based): a customer with three paid orders. */
export const regular = (n) => 5 * n + 2

/** Inserts `customers` customers and their orders; returns the row counts. */
export async function seedShop(client, { customers, regionId, currency = "eur" }) {
  await client.query("begin")
  try {
    await client.query(
      `insert into customer (id, email, first_name, last_name, has_account, created_at, updated_at)
       select 'cus_bench_' || i,
              'kunde' || i || '@' || ($2::text[])[1 + i % 5],
              'Vorname' || i, 'Nachname' || i, true,
              now() - interval '800 days', now() - interval '800 days'
         from generate_series(0, $1::int - 1) as i`,
      [customers, DOMAINS]
    )
    // one row per order: its customer, amount, status and age
    await client.query(
      `create temp table bench_order on commit drop as
       select row_number() over (order by c.i, n) as seq, c.i as customer_idx, n,
              (20 + ((c.i * 37 + n * 101) % 480))::numeric as amount,
              case when c.i % 5 = 2 then 'paid'
                   when (c.i + n) % 20 = 0 then 'canceled'
                   when (c.i + n) % 20 = 1 then 'awaiting'
                   when (c.i + n) % 50 = 3 then 'refunded'
                   else 'paid' end as state,
              now() - ((c.i * 13 + n * 97) % 730) * interval '1 day' - n * interval '1 hour' as created_at
         from generate_series(0, $1::int - 1) as c(i)
         cross join lateral generate_series(1, 1 + c.i % 5) as n`,
      [customers]
    )
    // the customer's own address on every order (as addressOf), billing and shipping alike
    await client.query(
      `insert into order_address (id, first_name, last_name, address_1, postal_code, city, country_code, created_at, updated_at)
       select 'ordaddr_bench_' || seq, 'Vorname' || customer_idx, 'Nachname' || customer_idx,
              'Ringstraße ' || (1 + customer_idx % 180), (10000 + customer_idx % 80000)::text, 'München', 'de', created_at, created_at
         from bench_order`
    )
    const orders = (
      await client.query(
        `insert into "order" (id, region_id, customer_id, email, currency_code, status, version, is_draft_order, created_at, updated_at, canceled_at,
                              billing_address_id, shipping_address_id)
         select 'order_bench_' || seq, $1, 'cus_bench_' || customer_idx,
                'kunde' || customer_idx || '@' || ($3::text[])[1 + customer_idx % 5], $2,
                (case state when 'canceled' then 'canceled' when 'awaiting' then 'pending' else 'completed' end)::order_status_enum,
                1, false, created_at, created_at, case when state = 'canceled' then created_at end,
                'ordaddr_bench_' || seq, 'ordaddr_bench_' || seq
           from bench_order`,
        [regionId, currency, DOMAINS]
      )
    ).rowCount
    await client.query(
      `insert into payment_collection (id, currency_code, amount, raw_amount, authorized_amount, raw_authorized_amount,
                                       captured_amount, raw_captured_amount, refunded_amount, raw_refunded_amount,
                                       status, completed_at, created_at, updated_at)
       select 'pay_col_bench_' || seq, $1, amount, jsonb_build_object('value', amount::text, 'precision', 20),
              p.authorized, jsonb_build_object('value', p.authorized::text, 'precision', 20),
              p.captured, jsonb_build_object('value', p.captured::text, 'precision', 20),
              p.refunded, jsonb_build_object('value', p.refunded::text, 'precision', 20),
              case state when 'canceled' then 'canceled' when 'awaiting' then 'authorized' else 'completed' end,
              case when state in ('paid', 'refunded') then created_at end, created_at, created_at
         from bench_order
         cross join lateral (select
           case when state = 'canceled' then 0 else amount end as authorized,
           case when state in ('paid', 'refunded') then amount else 0 end as captured,
           case when state = 'refunded' then round(amount / 2, 2) else 0 end as refunded) p`,
      [currency]
    )
    await client.query(
      `insert into order_payment_collection (id, order_id, payment_collection_id)
       select 'ordpay_bench_' || seq, 'order_bench_' || seq, 'pay_col_bench_' || seq from bench_order`
    )
    await client.query(
      `insert into order_summary (id, order_id, version, totals, created_at, updated_at)
       select 'ordsum_bench_' || seq, 'order_bench_' || seq, 1,
              jsonb_build_object(
                'current_order_total', amount, 'raw_current_order_total', jsonb_build_object('value', amount::text, 'precision', 20),
                'original_order_total', amount, 'raw_original_order_total', jsonb_build_object('value', amount::text, 'precision', 20),
                'paid_total', case when state in ('paid', 'refunded') then amount else 0 end,
                'refunded_total', case when state = 'refunded' then round(amount / 2, 2) else 0 end,
                'pending_difference', case when state = 'awaiting' then amount else 0 end),
              created_at, created_at
         from bench_order`
    )
    await client.query("commit")
    for (const table of ["customer", "order_address", '"order"', "payment_collection", "order_payment_collection", "order_summary"]) {
      await client.query(`analyze ${table}`)
    }
    return { customers, orders }
  } catch (error) {
    await client.query("rollback").catch(() => {})
    throw error
  }
}

/** The shopper's paid orders as the plugin's history query sees them (sanity check before measuring). */
export async function historyOf(client, i) {
  const { rows } = await client.query(
    `select o.id, o.status, pc.amount, pc.captured_amount
       from "order" o
       join order_payment_collection l on l.order_id = o.id and l.deleted_at is null
       join payment_collection pc on pc.id = l.payment_collection_id
      where o.deleted_at is null and (o.customer_id = $1 or o.email ilike $2)`,
    [customerId(i), customerEmail(i)]
  )
  return rows
}

/**
 * The plan of the history lookup as src/risk/readers/load-customer-history.ts sends it (order ids by
 * customer id or lower(email), served by Medusa's customer_id index and the plugin's
 * IDX_payment_risk_order_email_lower from its migration script).
 */
export async function explainHistory(client, i) {
  const { rows } = await client.query(
    `explain (analyze, buffers, format text)
     select id from "order" where deleted_at is null and (customer_id = $1 or lower(email) = $2)`,
    [customerId(i), customerEmail(i).toLowerCase()]
  )
  return rows.map((row) => row["QUERY PLAN"]).join("\n")
}
