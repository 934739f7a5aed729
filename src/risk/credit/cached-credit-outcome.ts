import { CartSnapshot, CreditOutcome, creditIdentity, RiskSettings } from "../../engine"
import PaymentRiskModuleService from "../../modules/payment-risk/service"

/**
 * A credit answer for the cart's identity from the cache only: no bureau is asked and nothing
 * is recorded (the admin's evaluate tool must cost nothing). Undefined when nothing is cached.
 */
export async function cachedCreditOutcome(
  service: PaymentRiskModuleService,
  cart: CartSnapshot,
  settings: RiskSettings
): Promise<CreditOutcome | undefined> {
  const identity = creditIdentity(cart.billing_address ?? cart.shipping_address)
  if (!identity) return undefined
  const cached = await service.findCachedCreditAnswer(
    service.getHashKeys().candidates("credit_identity", identity).map((candidate) => candidate.hash),
    settings.credit_check.cache_days
  )
  if (!cached) return undefined
  return {
    status: "answered",
    provider_id: cached.provider_id,
    cached: true,
    answer: { result: cached.result!, score: cached.score, traffic_light: cached.traffic_light, reference: cached.reference },
  }
}
