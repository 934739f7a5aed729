/**
 * Store and admin calls against one instance of the cluster (plain fetch), for the demo seed's
 * store: products with a shipping profile, so a cart needs a shipping method to complete.
 */
import { CLUSTER_ADMIN, Cluster, Instance } from "./cluster-host"

export const PROVIDERS = {
  prepayment: "pp_prepayment_manual",
  cod: "pp_cash-on-delivery_manual",
  invoice: "pp_invoice_manual",
  system: "pp_system_default",
}

export type Answer = { status: number; data: any }

export const ADDRESS = {
  first_name: "Hans",
  last_name: "Meier",
  address_1: "Hauptstraße 5",
  postal_code: "10115",
  city: "Berlin",
  country_code: "de",
  phone: "+49 30 1234567",
}

export type CartInput = {
  email: string
  variantId: string
  quantity?: number
  shipping?: Partial<typeof ADDRESS>
  billing?: Partial<typeof ADDRESS>
  /** the shopper's IP as the proxy in front of the store reports it (Medusa trusts one proxy hop) */
  ip?: string
}

async function call(instance: Instance, method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const res = await fetch(`${instance.url}${url}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let data: any = text
  try {
    data = JSON.parse(text)
  } catch {}
  return { status: res.status, data }
}

/**
 * Each shopper comes from its own address unless the test names one, as real shoppers do: the
 * plugin's probing limit counts distinct identities per IP, and every request on loopback would
 * share one. A cart's later calls (on either instance) come from the IP it was created from.
 */
const shopperIps = new Map<string, string>()
const cartIps = new Map<string, string>()
function ipOf(email: string): string {
  const key = email.toLowerCase()
  let ip = shopperIps.get(key)
  if (!ip) {
    const n = shopperIps.size + 1
    ip = `198.18.${(n >> 8) & 255}.${n & 255}`
    shopperIps.set(key, ip)
  }
  return ip
}

/** A shopper's calls on one instance. */
export function storeOn(cluster: Cluster, instance: Instance) {
  const base = (ip?: string) => ({
    "x-publishable-api-key": cluster.publishableKey,
    ...(ip ? { "x-forwarded-for": ip } : {}),
  })
  const must = (what: string, answer: Answer, status = 200) => {
    if (answer.status !== status) {
      throw new Error(`${instance.name}: ${what} answered ${answer.status}: ${JSON.stringify(answer.data).slice(0, 300)}`)
    }
    return answer.data
  }
  return {
    instance,
    async variantId(handle: string): Promise<string> {
      const data = must("products", await call(instance, "GET", `/store/products?handle=${handle}&region_id=${cluster.regionId}&fields=id,*variants`, base()))
      return data.products[0].variants[0].id
    },
    /** cart with addresses and the first shipping option: ready for a payment session */
    async createCart(given: CartInput): Promise<string> {
      const input = { ...given, ip: given.ip ?? ipOf(given.email) }
      const shipping = { ...ADDRESS, ...input.shipping }
      const billing = { ...ADDRESS, ...(input.billing ?? input.shipping) }
      const created = must(
        "create cart",
        await call(instance, "POST", "/store/carts", base(input.ip), {
          region_id: cluster.regionId,
          email: input.email,
          items: [{ variant_id: input.variantId, quantity: input.quantity ?? 1 }],
          shipping_address: shipping,
          billing_address: billing,
        })
      )
      const cartId = created.cart.id as string
      cartIps.set(cartId, input.ip)
      const options = must("shipping options", await call(instance, "GET", `/store/shipping-options?cart_id=${cartId}`, base(input.ip)))
      must(
        "shipping method",
        await call(instance, "POST", `/store/carts/${cartId}/shipping-methods`, base(input.ip), {
          option_id: options.shipping_options[0].id,
        })
      )
      return cartId
    },
    async allowedIds(cartId: string, ip?: string): Promise<string[]> {
      const data = must("payment-providers", await call(instance, "GET", `/store/carts/${cartId}/payment-providers`, base(ip ?? cartIps.get(cartId))))
      return (data.payment_providers as Array<{ id: string }>).map((p) => p.id).sort()
    },
    async session(cartId: string, providerId: string, given?: string): Promise<Answer> {
      const ip = given ?? cartIps.get(cartId)
      const pc = must("payment collection", await call(instance, "POST", "/store/payment-collections", base(ip), { cart_id: cartId }))
      return call(instance, "POST", `/store/payment-collections/${pc.payment_collection.id}/payment-sessions`, base(ip), {
        provider_id: providerId,
      })
    },
    async complete(cartId: string, ip?: string): Promise<Answer> {
      return call(instance, "POST", `/store/carts/${cartId}/complete`, base(ip ?? cartIps.get(cartId)), {})
    },
  }
}

/** Admin calls on one instance, with a JWT from that instance (the JWT secret is shared). */
export async function adminOn(instance: Instance) {
  const login = await call(instance, "POST", "/auth/user/emailpass", {}, CLUSTER_ADMIN)
  if (login.status !== 200) throw new Error(`${instance.name}: admin login ${login.status}: ${JSON.stringify(login.data)}`)
  const headers = { authorization: `Bearer ${login.data.token}` }
  return {
    instance,
    get: (url: string) => call(instance, "GET", url, headers),
    post: (url: string, body: unknown) => call(instance, "POST", url, headers, body),
  }
}
