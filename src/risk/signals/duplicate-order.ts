import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { CartRow, SHOPPER_FIELDS, toLoadedCart } from "../readers/load-cart-snapshot"
import { orderIdOfCart } from "../readers/cart-of-order"
import { sameShopper, ShopperIdentity } from "./same-shopper"

export type DuplicateOrder = { cart_id: string; order_id: string | null; completed_at: string }

/**
 * Carts with the same contents completed in the window that are compared by person, address
 * and payment data (newest first). A shop where more carts than this share the contents in
 * the window still finds duplicates by customer account and email (compared on all of them).
 */
export const DUPLICATE_CANDIDATES = 50

const CART_FIELDS = [...SHOPPER_FIELDS, "payment_collection.id", "payment_collection.payment_sessions.provider_id", "payment_collection.payment_sessions.status", "payment_collection.payment_sessions.data"]

async function shoppersOf(container: MedusaContainer, cartIds: string[]): Promise<Map<string, ShopperIdentity>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: CART_FIELDS, filters: { id: cartIds } })
  return new Map(
    (data as CartRow[]).map((row) => {
      const loaded = toLoadedCart(row)
      return [row.id, { ...loaded.cart, payment: loaded.payment_data }]
    })
  )
}

/**
 * Duplicate order: another cart with the same contents (variant × quantity), completed within
 * the merchant's window (`rules.duplicate_window_minutes`) before this one, by the same
 * shopper — the same customer account or email (keyed hashes of the cart signals), or the
 * same person at the same address, or the same IBAN or card (read from the carts). The IP is
 * never enough: shoppers behind one office, family or mobile-network address (and every order
 * of a local demo) share it. Read only.
 */
export async function findDuplicateOrder(
  container: MedusaContainer,
  service: PaymentRiskModuleService,
  cartId: string
): Promise<DuplicateOrder | null> {
  const [signal] = await service.listCartSignals({ cart_id: cartId }, { take: 1 })
  if (!signal?.contents_key) return null
  const { rules } = await service.getSettings()
  if (rules.duplicate_window_minutes <= 0) return null
  const completedAt = signal.completed_at ? new Date(signal.completed_at) : new Date()
  const since = new Date(completedAt.getTime() - rules.duplicate_window_minutes * 60_000)
  const window = { contents_key: signal.contents_key, cart_id: { $ne: cartId }, completed_at: { $gte: since, $lte: completedAt } }
  const select = ["cart_id", "order_id", "completed_at"] as const
  const order = { completed_at: "DESC" as const }

  const byAccount: Record<string, string>[] = []
  if (signal.customer_id) byAccount.push({ customer_id: signal.customer_id })
  if (signal.email_key) byAccount.push({ email_key: signal.email_key })
  let match = byAccount.length
    ? (await service.listCartSignals({ ...window, $or: byAccount }, { take: 1, order, select: [...select] }))[0]
    : undefined

  if (!match) {
    const candidates = await service.listCartSignals(window, { take: DUPLICATE_CANDIDATES, order, select: [...select] })
    if (candidates.length) {
      const shoppers = await shoppersOf(container, [cartId, ...candidates.map((c) => c.cart_id)])
      const mine = shoppers.get(cartId)
      match = mine ? candidates.find((c) => { const other = shoppers.get(c.cart_id); return !!other && sameShopper(mine, other) }) : undefined
    }
  }
  if (!match) return null
  return {
    cart_id: match.cart_id,
    order_id: match.order_id ?? (await orderIdOfCart(container, match.cart_id)),
    completed_at: new Date(match.completed_at!).toISOString(),
  }
}
