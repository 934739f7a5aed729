import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The id of the cart an order was placed from (Medusa's order–cart link), or null. */
export async function cartIdOfOrder(container: MedusaContainer, orderId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_cart", fields: ["cart_id"], filters: { order_id: orderId } })
  return (data[0] as { cart_id?: string } | undefined)?.cart_id ?? null
}
