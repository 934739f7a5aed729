import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CustomerHistory, OrderHistoryEntry } from "../engine"
import { sumAmounts } from "./amounts"
import { escapeLike, normalizeEmail } from "./identity"

type PaymentCollectionRow = {
  amount?: unknown
  captured_amount?: unknown
  refunded_amount?: unknown
} | null

type OrderRow = {
  id: string
  status: string
  created_at?: string | Date | null
  payment_collections?: PaymentCollectionRow[] | null
}

/**
 * Earlier orders of the shopper: those of the cart's customer and those placed under the
 * same email (case-insensitive), so a guest who paid under that email is known and a new
 * account cannot reset the history.
 */
export async function loadCustomerHistory(
  container: MedusaContainer,
  identity: { customer_id?: string | null; email?: string | null }
): Promise<CustomerHistory> {
  const email = normalizeEmail(identity.email)
  const or: Record<string, unknown>[] = []
  if (identity.customer_id) {
    or.push({ customer_id: identity.customer_id })
  }
  if (email) {
    or.push({ email: { $ilike: escapeLike(email) } })
  }
  if (!or.length) {
    return { orders: [] }
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "created_at",
      "payment_collections.amount",
      "payment_collections.captured_amount",
      "payment_collections.refunded_amount",
    ],
    filters: { $or: or },
  })
  const orders: OrderHistoryEntry[] = (data as OrderRow[]).map((order) => {
    const collections = (order.payment_collections ?? []).filter(
      (collection): collection is NonNullable<PaymentCollectionRow> => !!collection
    )
    return {
      id: order.id,
      status: order.status,
      created_at: order.created_at ?? null,
      total: sumAmounts(collections.map((collection) => collection.amount)),
      captured_amount: sumAmounts(collections.map((collection) => collection.captured_amount)),
      refunded_amount: sumAmounts(collections.map((collection) => collection.refunded_amount)),
    }
  })
  return { orders }
}
