import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { sumAmounts, toAmount } from "../../engine/amount"
import type { DebtorType } from "../../engine/dunning"
import type { CaptureRecord } from "./build-input"

/** What the dunning needs of an order: the debtor, the amount, payments Medusa received, shipments. */
export type ReceivableOrder = {
  id: string
  display_id: number | string | null
  email: string | null
  currency_code: string
  /** the language the order was placed in (BCP 47, e.g. "en-GB"; Medusa copies the cart's), if known */
  locale: string | null
  created_at: string | Date
  total: number
  first_name: string | null
  last_name: string | null
  /** the billing address (letters and the collection export) */
  billing_address: BillingAddress | null
  /** by the billing address's company alone; the settings' business groups are applied when a receivable opens */
  debtor_type: DebtorType
  /** the customer's groups (for the settings' business groups) */
  customer_group_ids: string[]
  /** when the first parcel shipped, if one did */
  first_shipped_at: string | Date | null
  captures: CaptureRecord[]
  /** the order's payments that can still be captured, with how much */
  capturable: Array<{ payment_id: string; amount: number }>
  /** the providers of the order's payments (of its sessions when it has none) */
  provider_ids: string[]
}

export type BillingAddress = {
  first_name: string | null
  last_name: string | null
  company: string | null
  address_1: string | null
  address_2: string | null
  postal_code: string | null
  city: string | null
  country_code: string | null
  phone: string | null
}

const ADDRESS_FIELDS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code", "phone"] as const

export type Row = {
  id: string
  display_id?: number | string | null
  email?: string | null
  currency_code?: string | null
  locale?: string | null
  created_at?: string | Date | null
  total?: unknown
  billing_address?: Partial<BillingAddress> | null
  customer?: { groups?: Array<{ id?: string | null } | null> | null } | null
  fulfillments?: Array<{ shipped_at?: string | Date | null } | null> | null
  payment_collections?: Array<{
    amount?: unknown
    payment_sessions?: Array<{ provider_id?: string | null } | null> | null
    payments?: Array<{
      id: string
      amount?: unknown
      provider_id?: string | null
      canceled_at?: string | Date | null
      captures?: Array<{ amount?: unknown; created_at?: string | Date | null } | null> | null
    } | null> | null
  } | null> | null
}

const FIELDS = [
  "id",
  "display_id",
  "email",
  "currency_code",
  "locale",
  "created_at",
  "total",
  ...ADDRESS_FIELDS.map((field) => `billing_address.${field}`),
  "fulfillments.shipped_at",
  "customer.groups.id",
  "payment_collections.amount",
  "payment_collections.payment_sessions.provider_id",
  "payment_collections.payments.id",
  "payment_collections.payments.amount",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.canceled_at",
  "payment_collections.payments.captures.amount",
  "payment_collections.payments.captures.created_at",
]

/**
 * A billing address with a company name, or a customer in a group the merchant marks as business,
 * makes the debtor a business (§288 II BGB: 9 points and the flat fee).
 */
export function debtorTypeOf(
  company: string | null | undefined,
  customerGroupIds: readonly string[] = [],
  businessGroupIds: readonly string[] = []
): DebtorType {
  if (company && company.trim()) return "business"
  return customerGroupIds.some((id) => businessGroupIds.includes(id)) ? "business" : "consumer"
}

/** An order row of Query as the dunning reads it. */
export function toOrder(row: Row): ReceivableOrder {
  const collections = (row.payment_collections ?? []).filter((c): c is NonNullable<typeof c> => !!c)
  const payments = collections.flatMap((c) => c.payments ?? []).filter((p): p is NonNullable<typeof p> => !!p)
  const captures = payments.flatMap((payment) =>
    (payment.captures ?? []).flatMap((capture) =>
      capture?.created_at ? [{ date: capture.created_at, amount: toAmount(capture.amount) }] : []
    )
  )
  const capturable = payments
    .filter((payment) => !payment.canceled_at)
    .map((payment) => ({
      payment_id: payment.id,
      amount: Math.round((toAmount(payment.amount) - sumAmounts((payment.captures ?? []).map((c) => c?.amount))) * 100) / 100,
    }))
    .filter((payment) => payment.amount > 0)
  const total = toAmount(row.total)
  const shipped = (row.fulfillments ?? []).flatMap((f) => (f?.shipped_at ? [new Date(f.shipped_at)] : [])).sort((a, b) => a.getTime() - b.getTime())
  // the provider of the payment the order was placed with; its sessions only where it has no payment yet
  const paid = new Set(payments.flatMap((p) => (p.provider_id ? [p.provider_id] : [])))
  const sessions = new Set(collections.flatMap((c) => (c.payment_sessions ?? []).flatMap((s) => (s?.provider_id ? [s.provider_id] : []))))
  const providers = paid.size ? paid : sessions
  return {
    id: row.id,
    display_id: row.display_id ?? null,
    email: row.email ?? null,
    currency_code: (row.currency_code ?? "eur").toLowerCase(),
    locale: row.locale ?? null,
    created_at: row.created_at ?? new Date(),
    total: Number.isFinite(total) ? total : sumAmounts(collections.map((c) => c.amount)),
    first_name: row.billing_address?.first_name ?? null,
    last_name: row.billing_address?.last_name ?? null,
    billing_address: row.billing_address
      ? (Object.fromEntries(ADDRESS_FIELDS.map((field) => [field, row.billing_address?.[field] ?? null])) as BillingAddress)
      : null,
    debtor_type: debtorTypeOf(row.billing_address?.company),
    customer_group_ids: (row.customer?.groups ?? []).flatMap((group) => (group?.id ? [group.id] : [])),
    first_shipped_at: shipped[0] ?? null,
    captures,
    capturable,
    provider_ids: [...providers],
  }
}

/** The orders (one query; unknown ids are left out), by id. */
export async function loadReceivableOrders(container: MedusaContainer, orderIds: string[]): Promise<Map<string, ReceivableOrder>> {
  if (!orderIds.length) return new Map()
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: FIELDS, filters: { id: orderIds } })
  return new Map((data as Row[]).map((row) => [row.id, toOrder(row)]))
}

export async function loadReceivableOrder(container: MedusaContainer, orderId: string): Promise<ReceivableOrder | null> {
  return (await loadReceivableOrders(container, [orderId])).get(orderId) ?? null
}
