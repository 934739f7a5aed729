import { ProbingCounts, RiskSettings } from "../../engine"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import type { LoadedCart } from "../load-cart-snapshot"
import type { SignalKeys } from "../rules/signal-keys"
import { billingIdentityKey } from "./identity-key"

/**
 * Records the billing identity the cart shows now (keyed hashes only) and returns how many
 * distinct identities the cart and its IP showed in the window, for the engine's probing check.
 * Counted in PostgreSQL, so several instances share one count. Undefined when the cart shows
 * no identity yet.
 */
export async function observeIdentity(
  service: PaymentRiskModuleService,
  cart: LoadedCart["cart"],
  keys: Pick<SignalKeys, "email_key" | "ip_key">,
  settings: RiskSettings,
  now: Date
): Promise<ProbingCounts | undefined> {
  const identity_key = billingIdentityKey(cart, service.getHashSecret())
  if (!identity_key) return undefined
  const since = new Date(now.getTime() - settings.protection.identity_window_minutes * 60_000)
  const counts = await service.observeIdentity(
    { cart_id: cart.id, identity_key, email_key: keys.email_key, customer_id: cart.customer_id ?? null, ip_key: keys.ip_key },
    since
  )
  return { identities_on_cart: counts.on_cart, identities_from_ip: counts.from_ip }
}
