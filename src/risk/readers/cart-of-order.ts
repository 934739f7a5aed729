import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Medusa's order–cart link (`order_cart`): which cart an order was placed from. */
export type OrderCartLink = { order_id: string; cart_id: string }

type LinkRow = { order_id?: string | null; cart_id?: string | null }

async function readLinks(container: MedusaContainer, filters: { order_id?: string | string[]; cart_id?: string | string[] }): Promise<OrderCartLink[]> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order_cart", fields: ["order_id", "cart_id"], filters })
  return (data as LinkRow[]).flatMap((link) =>
    link.order_id && link.cart_id ? [{ order_id: link.order_id, cart_id: link.cart_id }] : []
  )
}

/** The id of the cart an order was placed from (Medusa's order–cart link), or null. */
export async function cartIdOfOrder(container: MedusaContainer, orderId: string): Promise<string | null> {
  const [link] = await readLinks(container, { order_id: orderId })
  return link?.cart_id ?? null
}

/** The carts many orders were placed from, in one query (orders without a cart link are left out). */
export async function cartsOfOrders(container: MedusaContainer, orderIds: string[]): Promise<OrderCartLink[]> {
  return orderIds.length ? await readLinks(container, { order_id: orderIds }) : []
}

/** The id of the order placed from a cart, or null (not completed, or the link is not written yet). */
export async function orderIdOfCart(container: MedusaContainer, cartId: string): Promise<string | null> {
  const [link] = await readLinks(container, { cart_id: cartId })
  return link?.order_id ?? null
}

/** Which of the carts have an order already, in one query. */
export async function cartsWithOrders(container: MedusaContainer, cartIds: string[]): Promise<Set<string>> {
  return new Set(cartIds.length ? (await readLinks(container, { cart_id: cartIds })).map((link) => link.cart_id) : [])
}
