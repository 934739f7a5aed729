import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CartRow, LoadedCart, SHOPPER_FIELDS, toLoadedCart } from "./load-cart-snapshot"
import { retryOnConnectionLoss } from "./retry-on-connection-loss"

/** The order a payment collection belongs to (order edits, exchanges, claims), or null. */
export async function orderOfPaymentCollection(container: MedusaContainer, collectionId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: collectionId },
  })
  return (data[0] as { order_id?: string } | undefined)?.order_id ?? null
}

/**
 * An order whose payment collection a shopper pays through the store API (an order edit, an
 * exchange, a claim), seen by the engine like a cart: the order's customer, email, addresses,
 * items, total and region. The snapshot's id is the order's; it is never completed again.
 */
export async function loadOrderSnapshot(container: MedusaContainer, orderId: string): Promise<LoadedCart | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await retryOnConnectionLoss(() =>
    query.graph({ entity: "order", fields: SHOPPER_FIELDS, filters: { id: orderId } })
  )
  const row = data[0] as (Omit<CartRow, "payment_collection" | "locale" | "completed_at">) | undefined
  if (!row) return null
  return { ...toLoadedCart({ ...row, payment_collection: null, completed_at: null }), completed: false }
}
