import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CustomerHistory, OrderHistoryEntry } from "../engine"
import { sumAmounts } from "./amounts"
import { normalizeEmail } from "./identity"

type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: unknown[] }> }

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
 * Ids of the shopper's earlier orders: those of the cart's customer and those placed under the
 * same email (case-insensitive), so a guest who paid under that email is known and a new
 * account cannot reset the history. Plain SQL because Query's `$ilike` on `order.email` scans
 * the whole order table; `lower(email) = …` uses the expression index the plugin's migration
 * script adds (src/migration-scripts/order-email-index.ts) and `customer_id` Medusa's own index.
 */
async function earlierOrderIds(
  container: MedusaContainer,
  customerId: string | null | undefined,
  email: string | null
): Promise<string[]> {
  const conditions: string[] = []
  const bindings: string[] = []
  if (customerId) {
    conditions.push("customer_id = ?")
    bindings.push(customerId)
  }
  if (email) {
    conditions.push("lower(email) = ?")
    bindings.push(email)
  }
  if (!conditions.length) {
    return []
  }
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `select id from "order" where deleted_at is null and (${conditions.join(" or ")})`,
    bindings
  )
  return (rows as { id: string }[]).map((row) => row.id)
}

/** Earlier orders of the shopper with what was paid and refunded (see earlierOrderIds). */
export async function loadCustomerHistory(
  container: MedusaContainer,
  identity: { customer_id?: string | null; email?: string | null }
): Promise<CustomerHistory> {
  const ids = await earlierOrderIds(container, identity.customer_id, normalizeEmail(identity.email))
  if (!ids.length) {
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
    filters: { id: ids },
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
