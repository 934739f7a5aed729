import { Api as FullApi } from "./api"
import { TestStore } from "./store"

type Api = Pick<FullApi, "get" | "post">

export const GERMAN_ADDRESS = {
  first_name: "Hans",
  last_name: "Meier",
  address_1: "Hauptstraße 5",
  postal_code: "10115",
  city: "Berlin",
  country_code: "de",
}

/** Store API calls of a shopper, with the store's publishable key. */
export function shopper(api: Api, store: TestStore) {
  const headers = { headers: { "x-publishable-api-key": store.publishableKey } }
  const ok = { ...headers, validateStatus: () => true }

  return {
    headers,
    async createCart(input: { email?: string; quantity?: number; variantId?: string; customerHeaders?: Record<string, string> }) {
      const { data } = await api.post(
        "/store/carts",
        {
          region_id: store.regionId,
          email: input.email,
          items: [{ variant_id: input.variantId ?? store.cheapVariantId, quantity: input.quantity ?? 1 }],
          shipping_address: GERMAN_ADDRESS,
          billing_address: GERMAN_ADDRESS,
        },
        { headers: { ...headers.headers, ...(input.customerHeaders ?? {}) } }
      )
      return data.cart as { id: string; total: number; customer_id: string | null }
    },
    async allowedProviders(cartId: string, query = "") {
      const res = await api.get(`/store/carts/${cartId}/payment-providers${query}`, ok)
      return res
    },
    async allowedIds(cartId: string) {
      const res = await api.get(`/store/carts/${cartId}/payment-providers`, headers)
      return (res.data.payment_providers as Array<{ id: string }>).map((p) => p.id).sort()
    },
    async paymentCollection(cartId: string) {
      const { data } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
      return data.payment_collection as { id: string }
    },
    async createSession(collectionId: string, providerId: string) {
      return api.post(
        `/store/payment-collections/${collectionId}/payment-sessions`,
        { provider_id: providerId },
        ok
      )
    },
    async complete(cartId: string) {
      return api.post(`/store/carts/${cartId}/complete`, {}, ok)
    },
    /** cart → session for the provider → complete; returns the complete response */
    async checkout(input: { email?: string; quantity?: number; variantId?: string; providerId: string }) {
      const cart = await this.createCart(input)
      const collection = await this.paymentCollection(cart.id)
      const session = await this.createSession(collection.id, input.providerId)
      if (session.status !== 200) {
        throw new Error(`session for ${input.providerId} refused: ${JSON.stringify(session.data)}`)
      }
      return { cart, completion: await this.complete(cart.id) }
    },
  }
}

/** Records the incoming payment of an order the way a merchant does: capture in the admin. */
export async function captureOrderPayment(api: Api, adminHeaders: unknown, orderId: string) {
  const { data } = await api.get(
    `/admin/orders/${orderId}?fields=id,*payment_collections,*payment_collections.payments`,
    adminHeaders
  )
  const payment = data.order.payment_collections[0].payments[0]
  await api.post(`/admin/payments/${payment.id}/capture`, {}, adminHeaders)
}

/** Another person at another address (Olaf Fremd, Hamburg): the fraudster of the attack tests. */
export const STRANGER_ADDRESS = {
  first_name: "Olaf",
  last_name: "Fremd",
  address_1: "Lindenweg 12",
  postal_code: "20095",
  city: "Hamburg",
  country_code: "de",
}

/**
 * A guest who paid one order under `email` as Hans Meier at GERMAN_ADDRESS: checkout with
 * prepayment and the merchant's capture.
 */
export async function makePayingGuest(api: Api, adminHeaders: unknown, shop: ReturnType<typeof shopper>, email: string) {
  const { completion } = await shop.checkout({ email, providerId: "pp_prepayment_manual" })
  expect(completion.data.type).toBe("order")
  await captureOrderPayment(api, adminHeaders, completion.data.order.id)
}
