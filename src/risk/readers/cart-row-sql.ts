import { BigNumber, decorateCartTotals } from "@medusajs/framework/utils"
import type { CartRow } from "./load-cart-snapshot"

/**
 * What the cart reader needs of a cart, in one statement on Medusa's own tables (cart module:
 * cart, cart_address, cart_line_item and its tax lines and adjustments, cart_shipping_method
 * and its tax lines and adjustments, credit_line; the links cart–payment collection and
 * region–payment provider; payment module: payment_collection, payment_session,
 * payment_provider). Soft-deleted rows are left out as Query leaves them out.
 *
 * Why not `query.graph` with `total`: that loads every column of every line, shipping method,
 * tax line and adjustment through the ORM in a dozen statements and decorates all of Medusa's
 * totals; the engine reads the total and a few columns. The total is still Medusa's: the
 * lines' amounts (with their `raw_` precision), tax rates and adjustments go into Medusa's own
 * `decorateCartTotals`, exactly as the cart module's `listCarts` does when a total is selected
 * (without the region: the cart module never loads it, so `automatic_taxes` is not applied).
 */
export const CART_ROW_SQL = `
select
  c.id, c.currency_code, c.email, c.customer_id, c.region_id, c.sales_channel_id, c.metadata, c.locale, c.completed_at,
  (select row_to_json(a) from (
     select first_name, last_name, company, address_1, address_2, postal_code, city, province, country_code, phone
     from cart_address where id = c.billing_address_id and deleted_at is null) a) as billing_address,
  (select row_to_json(a) from (
     select first_name, last_name, company, address_1, address_2, postal_code, city, province, country_code, phone
     from cart_address where id = c.shipping_address_id and deleted_at is null) a) as shipping_address,
  (select coalesce(json_agg(json_build_object(
       'id', i.id, 'product_id', i.product_id, 'variant_id', i.variant_id, 'title', i.title,
       'quantity', i.quantity, 'unit_price', i.unit_price, 'raw_unit_price', i.raw_unit_price,
       'is_tax_inclusive', i.is_tax_inclusive,
       'tax_lines', (select coalesce(json_agg(json_build_object('rate', t.rate)), '[]'::json)
                     from cart_line_item_tax_line t where t.item_id = i.id and t.deleted_at is null),
       'adjustments', (select coalesce(json_agg(json_build_object('amount', d.amount, 'raw_amount', d.raw_amount, 'is_tax_inclusive', d.is_tax_inclusive)), '[]'::json)
                       from cart_line_item_adjustment d where d.item_id = i.id and d.deleted_at is null)
     ) order by i.created_at, i.id), '[]'::json)
   from cart_line_item i where i.cart_id = c.id and i.deleted_at is null) as items,
  (select coalesce(json_agg(json_build_object(
       'id', m.id, 'amount', m.amount, 'raw_amount', m.raw_amount, 'is_tax_inclusive', m.is_tax_inclusive,
       'tax_lines', (select coalesce(json_agg(json_build_object('rate', t.rate)), '[]'::json)
                     from cart_shipping_method_tax_line t where t.shipping_method_id = m.id and t.deleted_at is null),
       'adjustments', (select coalesce(json_agg(json_build_object('amount', d.amount, 'raw_amount', d.raw_amount)), '[]'::json)
                       from cart_shipping_method_adjustment d where d.shipping_method_id = m.id and d.deleted_at is null)
     ) order by m.created_at, m.id), '[]'::json)
   from cart_shipping_method m where m.cart_id = c.id and m.deleted_at is null) as shipping_methods,
  (select coalesce(json_agg(json_build_object('amount', l.amount, 'raw_amount', l.raw_amount)), '[]'::json)
   from credit_line l where l.cart_id = c.id and l.deleted_at is null) as credit_lines,
  (select coalesce(json_agg(json_build_object('id', p.id, 'is_enabled', p.is_enabled) order by p.id), '[]'::json)
   from region_payment_provider r join payment_provider p on p.id = r.payment_provider_id and p.deleted_at is null
   where r.region_id = c.region_id and r.deleted_at is null) as payment_providers,
  (select json_build_object('id', pc.id, 'payment_sessions',
       (select coalesce(json_agg(json_build_object('provider_id', s.provider_id, 'status', s.status, 'data', s.data) order by s.created_at, s.id), '[]'::json)
        from payment_session s where s.payment_collection_id = pc.id and s.deleted_at is null))
   from cart_payment_collection cpc join payment_collection pc on pc.id = cpc.payment_collection_id and pc.deleted_at is null
   where cpc.cart_id = c.id and cpc.deleted_at is null
   order by cpc.created_at desc limit 1) as payment_collection
from cart c
where c.id = ? and c.deleted_at is null`

/** The region's payment providers as CART_ROW_SQL reads them, for a cart row that lacks them (the complete-cart hook's). */
export const REGION_PROVIDERS_SQL = `
select p.id, p.is_enabled
from region_payment_provider r join payment_provider p on p.id = r.payment_provider_id and p.deleted_at is null
where r.region_id = ? and r.deleted_at is null
order by p.id`

type Priced = { raw_unit_price?: unknown; raw_amount?: unknown }

type ItemRow = {
  id: string
  product_id?: string | null
  variant_id?: string | null
  title?: string | null
  quantity: unknown
  unit_price: unknown
  is_tax_inclusive?: boolean
  tax_lines: unknown[]
  adjustments: unknown[]
}

/** The row of CART_ROW_SQL as the driver returns it (JSON columns parsed). */
export type CartSqlRow = Omit<CartRow, "total" | "region" | "items"> & {
  items: Array<ItemRow & Priced>
  shipping_methods: Array<Priced & { id: string; amount: unknown; is_tax_inclusive?: boolean; tax_lines: unknown[]; adjustments: unknown[] }>
  credit_lines: Array<Priced & { amount: unknown }>
  payment_providers: Array<{ id: string; is_enabled?: boolean }>
}

/**
 * Medusa's cart total for the lines read by CART_ROW_SQL: `decorateCartTotals` on a copy of
 * the priced parts (it decorates its argument), as the cart module computes `total`.
 */
export function cartTotalOf(row: Pick<CartSqlRow, "currency_code" | "items" | "shipping_methods" | "credit_lines">): number {
  const cartLike = JSON.parse(
    JSON.stringify({
      currency_code: row.currency_code,
      items: row.items,
      shipping_methods: row.shipping_methods,
      credit_lines: row.credit_lines,
    })
  ) as Parameters<typeof decorateCartTotals>[0]
  const decorated = decorateCartTotals(cartLike)
  return new BigNumber(decorated.total as BigNumber).numeric
}

/** The reader's cart row (CartRow, as Query gave it) from the SQL row. */
export function cartRowOf(row: CartSqlRow): CartRow {
  return {
    ...row,
    total: cartTotalOf(row),
    items: row.items.map(({ product_id, variant_id, title, quantity, unit_price }) => ({ product_id, variant_id, title, quantity, unit_price })),
    region: { payment_providers: row.payment_providers },
  }
}
