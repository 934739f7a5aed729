import type { HttpTypes } from "@medusajs/types"
import { errorStatus, sdk } from "./medusa"
import { Cart, forgetCart } from "./store"

export type PlacedOrder = HttpTypes.StoreOrder

export class PaymentRefused extends Error {}

/**
 * Creates the payment session for the chosen method (the plugin refuses a hidden one with 400)
 * and completes the cart. Returns the order; throws PaymentRefused or the server's error.
 */
export async function placeOrder(cart: Cart, providerId: string): Promise<PlacedOrder> {
  try {
    await sdk().store.payment.initiatePaymentSession(cart, { provider_id: providerId })
  } catch (error) {
    if (errorStatus(error) === 400) throw new PaymentRefused((error as Error).message)
    throw error
  }
  const result = await sdk().store.cart.complete(cart.id)
  if (result.type !== "order") {
    throw new Error(result.error?.message ?? "cart not completed")
  }
  forgetCart()
  return result.order
}
