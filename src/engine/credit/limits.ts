import { CreditLimitName, CreditLimits } from "./types"

/**
 * What was asked within the window (rolling hour), counted by the adapter in PostgreSQL under
 * locks on the cart, IP and customer: distinct identities per key and whether this identity is
 * among them, and the paid queries (not cache hits) of the cart.
 */
export type CreditUsage = {
  cart_queries: number
  cart_identities: number
  cart_knows_identity: boolean
  /** null when the caller knows no IP / no customer: that limit does not apply */
  ip_identities: number | null
  ip_knows_identity: boolean
  customer_identities: number | null
  customer_knows_identity: boolean
}

/**
 * The first limit this query would exceed, or null. A paid query counts against the cart's
 * query limit; every identity (cache hits included — they answer the oracle too) counts once
 * per cart, IP and customer: an identity already asked about there does not count again.
 */
export function exceededCreditLimit(usage: CreditUsage, limits: CreditLimits, paid: boolean): CreditLimitName | null {
  if (!usage.cart_knows_identity && usage.cart_identities >= limits.identities_per_cart) return "identities_per_cart"
  if (usage.customer_identities !== null && !usage.customer_knows_identity && usage.customer_identities >= limits.identities_per_customer) {
    return "identities_per_customer"
  }
  if (usage.ip_identities !== null && !usage.ip_knows_identity && usage.ip_identities >= limits.identities_per_ip) return "identities_per_ip"
  if (paid && usage.cart_queries >= limits.queries_per_cart) return "queries_per_cart"
  return null
}
