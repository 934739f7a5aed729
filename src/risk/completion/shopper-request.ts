import { AsyncLocalStorage } from "node:async_hooks"
import { MedusaContainer } from "@medusajs/framework/types"

/** What the store request tells about the shopper, beyond the cart. */
export type ShopperRequest = {
  /** the shopper's IP address */
  ip: string | null
  /** the customer the request is authenticated as; null for a guest */
  authenticated_customer_id: string | null
  /** the request's explicit locale (`?locale`, `x-medusa-locale`) and Accept-Language, for the refusal's language */
  locale?: string | null
  accept_language?: string | null
  /** the cart the request is about, where it names one (the completion route) */
  cart_id?: string | null
}

/** Container key under which a store's own code may register the shopper facts of a request. */
export const SHOPPER_REQUEST_KEY = "paymentRiskShopperRequest"

/**
 * Medusa's completion route runs the complete-cart workflow through the workflow engine,
 * whose container is not the request's scope: the shopper facts of the request travel to the
 * validate hook in the request's async context instead.
 */
export const shopperRequestStorage = new AsyncLocalStorage<ShopperRequest>()

/**
 * The shopper facts of the request being served: from the request's async context (only when
 * it is about this cart — work the request started for other carts, e.g. an event handler,
 * never borrows them), else from the container (a store's own code may register them), else
 * null — judged as a guest with no IP beyond the one recorded while shopping.
 */
export function shopperRequestFrom(container?: MedusaContainer, cartId?: string): ShopperRequest | null {
  const current = shopperRequestStorage.getStore()
  if (current && (!current.cart_id || !cartId || current.cart_id === cartId)) return current
  try {
    return (container?.resolve(SHOPPER_REQUEST_KEY, { allowUnregistered: true }) as ShopperRequest | undefined) ?? null
  } catch {
    return null
  }
}
