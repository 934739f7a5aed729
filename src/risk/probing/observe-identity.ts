import { ProbingCounts, RiskSettings, SessionPaymentData } from "../../engine"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import type { LoadedCart } from "../readers/load-cart-snapshot"
import { signalKey } from "../signals/signal-keys"
import { billingIdentityKey } from "./identity-key"
import { ipBucket } from "./ip-bucket"

/**
 * Records the identity the cart shows now (keyed hashes only) and returns how many distinct
 * identities the cart and its IP (an IPv6 address by its /64) showed in the window, for the
 * engine's probing check. Counted in PostgreSQL, so several instances share one count.
 * Undefined when the cart shows no identity yet.
 */
export async function observeIdentity(
  service: PaymentRiskModuleService,
  cart: LoadedCart["cart"],
  request: { ip: string | null | undefined; email_key: string | null; payment?: SessionPaymentData },
  settings: RiskSettings,
  now: Date
): Promise<ProbingCounts | undefined> {
  const keys = service.getHashKeys()
  const identity_key = billingIdentityKey(cart, keys, request.payment)
  if (!identity_key) return undefined
  const bucket = ipBucket(request.ip)
  const since = new Date(now.getTime() - settings.protection.identity_window_minutes * 60_000)
  const counts = await service.observeIdentity(
    {
      cart_id: cart.id,
      identity_key,
      email_key: request.email_key,
      customer_id: cart.customer_id ?? null,
      ip_key: bucket ? signalKey(keys, "ip", `bucket:${bucket}`) : null,
    },
    since
  )
  return { identities_on_cart: counts.on_cart, identities_from_ip: counts.from_ip }
}
