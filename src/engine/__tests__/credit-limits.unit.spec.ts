import { CreditUsage, exceededCreditLimit } from "../credit/limits"
import { CreditLimits } from "../credit/types"
import { DEFAULT_SETTINGS } from "../settings"

const LIMITS: CreditLimits = DEFAULT_SETTINGS.credit_check.limits // 2 queries / 2 identities per cart, 5 per IP, 3 per customer

/** Nothing asked yet in the window, for a request with an IP and a customer. */
const usage = (overrides: Partial<CreditUsage> = {}): CreditUsage => ({
  cart_queries: 0,
  cart_identities: 0,
  cart_knows_identity: false,
  ip_identities: 0,
  ip_knows_identity: false,
  customer_identities: 0,
  customer_knows_identity: false,
  ...overrides,
})

describe("credit-check abuse limits", () => {
  it("should use the documented defaults", () => {
    expect(LIMITS).toEqual({ queries_per_cart: 2, identities_per_cart: 2, identities_per_ip: 5, identities_per_customer: 3 })
  })

  it.each<[string, CreditUsage, boolean, string | null]>([
    ["the first query of a cart", usage(), true, null],
    ["a second person on the cart", usage({ cart_queries: 1, cart_identities: 1, ip_identities: 1, customer_identities: 1 }), true, null],
    ["a third person on the cart (the oracle loop)", usage({ cart_queries: 2, cart_identities: 2, ip_identities: 2, customer_identities: 2 }), true, "identities_per_cart"],
    ["a third person on the cart from the cache (a cache hit answers the oracle too)", usage({ cart_identities: 2, ip_identities: 2 }), false, "identities_per_cart"],
    ["a person already asked about on the cart, from the cache", usage({ cart_queries: 2, cart_identities: 2, cart_knows_identity: true, ip_identities: 2, ip_knows_identity: true, customer_identities: 2, customer_knows_identity: true }), false, null],
    ["a person already asked about on the cart, a third paid query", usage({ cart_queries: 2, cart_identities: 2, cart_knows_identity: true, ip_knows_identity: true, customer_knows_identity: true, ip_identities: 2, customer_identities: 2 }), true, "queries_per_cart"],
    ["a second paid query of the same person", usage({ cart_queries: 1, cart_identities: 1, cart_knows_identity: true, ip_identities: 1, ip_knows_identity: true, customer_identities: 1, customer_knows_identity: true }), true, null],
    ["a sixth person from one IP on a new cart", usage({ ip_identities: 5 }), true, "identities_per_ip"],
    ["a person the IP already asked about, on a new cart", usage({ ip_identities: 5, ip_knows_identity: true }), true, null],
    ["a fourth person for one customer", usage({ customer_identities: 3, ip_identities: 3 }), true, "identities_per_customer"],
    ["a person the customer already asked about, on a new cart", usage({ customer_identities: 3, customer_knows_identity: true, ip_identities: 3, ip_knows_identity: true }), true, null],
    ["no IP known: the IP limit does not apply", usage({ ip_identities: null }), true, null],
    ["no customer: the customer limit does not apply", usage({ customer_identities: null, ip_identities: 4 }), true, null],
  ])("should decide %s", (_, counted, paid, expected) => {
    expect(exceededCreditLimit(counted, LIMITS, paid)).toBe(expected)
  })

  it("should report the cart's identity limit first when several are reached", () => {
    expect(exceededCreditLimit(usage({ cart_queries: 9, cart_identities: 9, ip_identities: 9, customer_identities: 9 }), LIMITS, true)).toBe("identities_per_cart")
  })

  it("should follow the merchant's limits", () => {
    const strict: CreditLimits = { queries_per_cart: 1, identities_per_cart: 1, identities_per_ip: 1, identities_per_customer: 1 }
    expect(exceededCreditLimit(usage({ cart_queries: 1, cart_identities: 1, cart_knows_identity: true, ip_knows_identity: true, ip_identities: 1 }), strict, true)).toBe("queries_per_cart")
    expect(exceededCreditLimit(usage({ ip_identities: 1 }), strict, false)).toBe("identities_per_ip")
  })
})
