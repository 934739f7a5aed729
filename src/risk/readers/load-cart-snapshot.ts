import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AddressSnapshot, CartSnapshot, paymentDataFromSessions, SessionPaymentData } from "../../engine"
import { toAmount } from "../../engine/amount"
import { redactPaymentNumbers } from "../../engine/payment-data/redact-log"
import { retryOnConnectionLoss } from "./retry-on-connection-loss"
import { CART_ROW_SQL, CartSqlRow, cartRowOf, REGION_PROVIDERS_SQL } from "./cart-row-sql"

/** What the engine reads of a cart or an order alike: money, shopper, addresses, items, region's providers. */
export const SHOPPER_FIELDS = [
  "id",
  "currency_code",
  "total",
  "email",
  "customer_id",
  "region_id",
  "sales_channel_id",
  "metadata",
  "items.product_id",
  "items.variant_id",
  "items.title",
  "items.quantity",
  "items.unit_price",
  "billing_address.*",
  "shipping_address.*",
  "region.payment_providers.id",
  "region.payment_providers.is_enabled",
]

/**
 * Session statuses with which Medusa 2.21 completes a cart (core-flows
 * `validateCartPaymentsStep`: pending, requires_more, authorized, captured,
 * pending_authorization — an authorized or captured session is reused without asking the
 * provider again, a pending_authorization one gives an order without a payment yet). Every one
 * of them is judged; `error` and `canceled` sessions never complete a cart.
 */
export const ACTIVE_SESSION_STATUSES = ["pending", "requires_more", "authorized", "captured", "pending_authorization"]

export type LoadedCart = {
  /** the snapshot without classes: `providers` are filled in by the caller */
  cart: Omit<CartSnapshot, "providers">
  region_provider_ids: string[]
  selected_provider_ids: string[]
  payment_collection_id: string | null
  /** IBAN / card fingerprint from active payment sessions, where the provider exposes them */
  payment_data: SessionPaymentData
  locale: string | null
  completed: boolean
  /** for the `cart.sales_channel` rule condition */
  sales_channel_id: string | null
}

type AddressRow = Record<string, unknown> | null | undefined

export function toAddress(row: AddressRow): AddressSnapshot | null {
  if (!row) {
    return null
  }
  const pick = (key: string) => (typeof row[key] === "string" ? (row[key] as string) : null)
  return {
    first_name: pick("first_name"),
    last_name: pick("last_name"),
    company: pick("company"),
    address_1: pick("address_1"),
    address_2: pick("address_2"),
    postal_code: pick("postal_code"),
    city: pick("city"),
    province: pick("province"),
    country_code: pick("country_code"),
    phone: pick("phone"),
  }
}

export type CartRow = {
  id: string
  currency_code: string
  total: unknown
  email?: string | null
  customer_id?: string | null
  region_id?: string | null
  sales_channel_id?: string | null
  locale?: string | null
  completed_at?: unknown
  metadata?: Record<string, unknown> | null
  items?: Array<{
    product_id?: string | null
    variant_id?: string | null
    title?: string | null
    quantity: unknown
    unit_price: unknown
  } | null> | null
  billing_address?: AddressRow
  shipping_address?: AddressRow
  region?: { payment_providers?: Array<{ id: string; is_enabled?: boolean } | null> | null } | null
  payment_collection?: {
    id: string
    payment_sessions?: Array<{ provider_id: string; status: string; data?: unknown } | null> | null
  } | null
}

/** A plausible YYYY-MM-DD birth date from the cart's metadata, else null. */
function birthDate(metadata?: Record<string, unknown> | null): string | null {
  const value = metadata?.birth_date
  return typeof value === "string" && /^(19|20)\d{2}-\d{2}-\d{2}$/.test(value) ? value : null
}

type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: unknown[] }> }

/**
 * Reads the cart with everything the engine needs in one SQL statement (CART_ROW_SQL), its
 * total computed by Medusa's own `decorateCartTotals` from the lines, tax lines and adjustments
 * read — the `total` Medusa's `GET /store/carts/:id` shows, without Medusa's full totals read.
 */
export async function loadCartSnapshot(container: MedusaContainer, cartId: string): Promise<LoadedCart> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  // Without the cart there is no decision, not even the fallback (it needs the region's
  // providers): a read that lost its connection is worth a second try before checkout fails.
  const { rows } = await retryOnConnectionLoss(() => knex.raw(CART_ROW_SQL, [cartId]))
  const row = rows[0] as CartSqlRow | undefined
  if (!row) {
    // the id comes from the request: an IBAN or card number typed into it reaches neither the answer nor the log
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${redactPaymentNumbers(cartId)} was not found`)
  }
  return toLoadedCart(cartRowOf(row))
}

/** Whether a cart row as the complete-cart hook receives it carries everything the engine reads. */
function carriesEngineFields(cart: Record<string, unknown>): boolean {
  return (
    typeof cart.id === "string" &&
    typeof cart.currency_code === "string" &&
    cart.total !== undefined &&
    "email" in cart &&
    "customer_id" in cart &&
    typeof cart.region_id === "string" &&
    Array.isArray(cart.items) &&
    "billing_address" in cart &&
    "shipping_address" in cart &&
    "payment_collection" in cart
  )
}

/**
 * The cart as `completeCartWorkflow.hooks.validate` received it (Medusa's `completeCartFields`:
 * totals, items, addresses, payment sessions, metadata), plus the region's providers, which
 * those fields lack — one small statement instead of reading the whole cart again. A cart row
 * without the fields the engine needs (another Medusa version, a store's own call) is read.
 */
export async function loadedCartFromHook(
  container: MedusaContainer,
  cart: Record<string, unknown> | null | undefined,
  cartId: string
): Promise<LoadedCart> {
  if (!cart || cart.id !== cartId || !carriesEngineFields(cart)) {
    return loadCartSnapshot(container, cartId)
  }
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await retryOnConnectionLoss(() => knex.raw(REGION_PROVIDERS_SQL, [cart.region_id as string]))
  return toLoadedCart({ ...(cart as unknown as CartRow), region: { payment_providers: rows as Array<{ id: string; is_enabled?: boolean }> } })
}

/** The engine's view of a cart row. */
export function toLoadedCart(row: CartRow): LoadedCart {
  const sessions = (row.payment_collection?.payment_sessions ?? []).filter(
    (session): session is { provider_id: string; status: string; data?: unknown } => !!session
  )
  const active = sessions.filter((session) => ACTIVE_SESSION_STATUSES.includes(session.status))
  return {
    cart: {
      id: row.id,
      currency_code: row.currency_code,
      total: toAmount(row.total),
      email: row.email ?? null,
      customer_id: row.customer_id ?? null,
      region_id: row.region_id ?? null,
      birth_date: birthDate(row.metadata),
      items: (row.items ?? []).flatMap((item) =>
        item
          ? [
              {
                product_id: item.product_id ?? null,
                variant_id: item.variant_id ?? null,
                title: item.title ?? null,
                quantity: toAmount(item.quantity),
                unit_price: toAmount(item.unit_price),
              },
            ]
          : []
      ),
      billing_address: toAddress(row.billing_address),
      shipping_address: toAddress(row.shipping_address),
    },
    region_provider_ids: (row.region?.payment_providers ?? [])
      .filter((provider): provider is { id: string; is_enabled?: boolean } => !!provider && provider.is_enabled !== false)
      .map((provider) => provider.id),
    selected_provider_ids: [...new Set(active.map((session) => session.provider_id))],
    payment_collection_id: row.payment_collection?.id ?? null,
    payment_data: paymentDataFromSessions(active),
    locale: row.locale ?? null,
    completed: !!row.completed_at,
    sales_channel_id: row.sales_channel_id ?? null,
  }
}
