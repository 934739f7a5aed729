import { randomUUID } from "node:crypto"
import { CartSnapshot, CreditAnswer, CreditOutcome, creditIdentity, keyedHash, redactPaymentData, RiskSettings } from "../../engine"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { CreditCheckInput } from "../../modules/payment-risk/credit/provider"
import { CreditAnswerSchema } from "./answer-schema"

class CreditTimeout extends Error {}

/** The provider's promise, bounded by the budget; the signal tells a well-behaved provider to stop. */
async function withBudget<T>(ms: number, run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort()
      reject(new CreditTimeout(`no answer within ${ms} ms`))
    }, ms)
  })
  try {
    return await Promise.race([run(controller.signal), timeout])
  } finally {
    clearTimeout(timer)
  }
}

function inputFor(cart: CartSnapshot): CreditCheckInput {
  const a = cart.billing_address ?? cart.shipping_address ?? {}
  return {
    request_id: randomUUID(),
    person: { first_name: a.first_name ?? null, last_name: a.last_name ?? null, company: a.company ?? null, birth_date: cart.birth_date ?? null },
    address: { address_1: a.address_1 ?? null, address_2: a.address_2 ?? null, postal_code: a.postal_code ?? null, city: a.city ?? null, country_code: a.country_code ?? null },
    email: cart.email ?? null,
    amount: cart.total,
    currency_code: cart.currency_code,
  }
}

/**
 * Asks the configured bureaus for a cart (after `planCreditQuery` said so): a cached answer for
 * the same identity first; then the providers cheapest first, skipping those whose circuit is
 * open, each within its time budget, until one answers validly. Every query — answer, failure or
 * cache hit — is recorded with cost and latency. Undefined when there is nobody to ask about.
 */
/** Who is asking, for the abuse limits (per cart, IP and customer account). */
export type CreditCheckRequester = {
  /** the shopper's IP address, where the caller knows it */
  ip: string | null
  /** the customer account the request is authenticated as (null for guests) */
  customer_id: string | null
}

export async function runCreditCheck(
  service: PaymentRiskModuleService,
  cart: CartSnapshot,
  settings: RiskSettings,
  _requester: CreditCheckRequester = { ip: null, customer_id: null }
): Promise<CreditOutcome | undefined> {
  const config = settings.credit_check
  const identity = creditIdentity(cart.billing_address ?? cart.shipping_address)
  if (!identity) return undefined
  const identity_hash = keyedHash(service.getHashSecret(), "credit_identity", identity)

  const cached = await service.findCachedCreditAnswer(identity_hash, config.cache_days)
  if (cached) {
    const answer: CreditAnswer = { result: cached.result!, score: cached.score, traffic_light: cached.traffic_light, reference: cached.reference }
    await service.createCreditQueries({ provider_id: cached.provider_id, identity_hash, cart_id: cart.id, ...answer, cost: 0, latency_ms: 0, cached: true })
    return { status: "answered", provider_id: cached.provider_id, cached: true, answer }
  }

  const providers = service.getCreditProviders()
  const errors: string[] = []
  for (const { id, cost } of [...config.providers].sort((a, b) => a.cost - b.cost)) {
    const provider = providers.get(id)
    if (!provider) {
      errors.push(`${id}: not configured`)
      continue
    }
    if (await service.isCreditProviderTripped(id, config.breaker_failures, config.breaker_cooldown_seconds)) {
      errors.push(`${id}: skipped (circuit open after repeated failures)`)
      continue
    }
    const started = Date.now()
    try {
      const raw = await withBudget(config.timeout_ms, (signal) => provider.check(inputFor(cart), { signal }))
      const parsed = CreditAnswerSchema.safeParse(raw)
      if (!parsed.success) throw new Error("malformed answer")
      const answer = parsed.data
      await service.createCreditQueries({ provider_id: id, identity_hash, cart_id: cart.id, result: answer.result, score: answer.score ?? null, traffic_light: answer.traffic_light ?? null, reference: answer.reference ?? null, cost, latency_ms: Date.now() - started })
      return { status: "answered", provider_id: id, cached: false, answer }
    } catch (error) {
      const message = redactPaymentData(error instanceof Error ? error.message : String(error)).slice(0, 300)
      errors.push(`${id}: ${message}`)
      await service.createCreditQueries({ provider_id: id, identity_hash, cart_id: cart.id, cost, latency_ms: Date.now() - started, error: message })
    }
  }
  return { status: "failed", errors }
}
