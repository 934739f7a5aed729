import { randomUUID } from "node:crypto"
import {
  CartSnapshot,
  CreditAnswer,
  CreditFailureKind,
  CreditOutcome,
  creditIdentity,
  HashKeys,
  normaliseSubject,
  redactPaymentData,
  RiskSettings,
} from "../../engine"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { CreditCheckInput, CreditProviderError } from "../../modules/payment-risk/credit/provider"
import { signalKey } from "../signals/signal-keys"
import { ipBucket } from "../probing/ip-bucket"
import { CreditAnswerSchema } from "./answer-schema"

class CreditTimeout extends Error {}
/** the answer failed the schema */
class MalformedAnswer extends Error {}

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

/** Why a query failed: only transport, timeout and server_error say the bureau is unwell (circuit breaker). */
export function failureKindOf(error: unknown): CreditFailureKind {
  if (error instanceof CreditTimeout) return "timeout"
  if (error instanceof CreditProviderError) return error.kind
  if (error instanceof MalformedAnswer) return "invalid_answer"
  return "provider_error"
}

/** A field as the bureau gets it: trimmed and capped, so no shopper input can make a bureau fail (and open the breaker). */
const field = (value: string | null | undefined, max = 100): string | null => {
  const trimmed = value?.trim()
  return trimmed ? trimmed.slice(0, max) : null
}

function inputFor(cart: CartSnapshot): CreditCheckInput {
  const a = cart.billing_address ?? cart.shipping_address ?? {}
  return {
    request_id: randomUUID(),
    person: { first_name: field(a.first_name), last_name: field(a.last_name), company: field(a.company), birth_date: cart.birth_date ?? null },
    address: {
      address_1: field(a.address_1),
      address_2: field(a.address_2),
      postal_code: field(a.postal_code, 20),
      city: field(a.city),
      country_code: field(a.country_code, 2),
    },
    email: field(cart.email, 254),
    amount: cart.total,
    currency_code: cart.currency_code,
  }
}

/** Who is asking, for the abuse limits (per cart, IP and customer account). */
export type CreditCheckRequester = {
  /** the shopper's IP address, where the caller knows it */
  ip: string | null
  /** the customer account the request is authenticated as (null for guests) */
  customer_id: string | null
}

/**
 * Keyed hash of the IP's bucket (an IPv6 address by its /64; a malformed one in a shared
 * bucket), null only when the caller knows no IP.
 */
function ipKeyOf(keys: HashKeys, ip: string | null): string | null {
  const bucket = ipBucket(ip)
  return bucket ? signalKey(keys, "ip", `bucket:${bucket}`) : null
}

/**
 * Asks the configured bureaus for a cart (after `planCreditQuery` said so). First the abuse
 * limits (per rolling hour, counted in PostgreSQL across instances): distinct persons asked about
 * per cart, IP and customer — a cache hit counts too, it answers the oracle as well — and paid
 * queries per cart; beyond one of them nothing is queried and the outcome names the limit (the
 * engine applies the failure action). Then a cached answer for the same identity; then the
 * providers cheapest first, skipping those whose circuit is open, each within its time budget,
 * until one answers validly. Every query — answer, failure (with its kind) or cache hit — is
 * recorded with cost and latency. Undefined when there is nobody to ask about.
 */
export async function runCreditCheck(
  service: PaymentRiskModuleService,
  cart: CartSnapshot,
  settings: RiskSettings,
  requester: CreditCheckRequester = { ip: null, customer_id: null }
): Promise<CreditOutcome | undefined> {
  const config = settings.credit_check
  const person = [cart.billing_address, cart.shipping_address].find((a) => a?.last_name?.trim() || a?.company?.trim())
  const identity = creditIdentity(person ?? null)
  // a check that should run but has nobody to ask about (no last name, no company) must not
  // leave the unsafe methods on: the failure action applies
  if (!identity) return { status: "failed", errors: ["no person to ask about (no last name or company)"] }
  const keys = service.getHashKeys()
  // the query is recorded under the current secret (with its id); the cache is looked up under
  // every configured secret, so a rotation does not cost a new paid query per identity. The
  // abuse limits count the current secret's hashes only (reservations live an hour): in the hour
  // after a rotation an identity asked about under both secrets counts twice, stricter, never laxer.
  const identity_hash = keys.hash("credit_identity", identity)
  const key_id = keys.current_id

  const cached = await service.findCachedCreditAnswer(
    keys.candidates("credit_identity", identity).map((candidate) => candidate.hash),
    config.cache_days
  )
  const reservation = await service.reserveCreditQuery(
    {
      cart_id: cart.id,
      identity_hash,
      ip_key: ipKeyOf(keys, requester.ip),
      // only an authenticated account: a guest's customer id follows the email it typed
      customer_id: requester.customer_id ?? null,
      paid: !cached,
    },
    config.limits
  )
  if (!reservation.ok) {
    return { status: "failed", errors: [`limit reached: ${reservation.limit} (${reservation.max} per hour)`], limit: reservation.limit }
  }

  if (cached) {
    const answer: CreditAnswer = { result: cached.result!, score: cached.score, traffic_light: cached.traffic_light, reference: cached.reference }
    await service.createCreditQueries({ provider_id: cached.provider_id, identity_hash, key_id, cart_id: cart.id, ...answer, cost: 0, latency_ms: 0, cached: true })
    return { status: "answered", provider_id: cached.provider_id, cached: true, answer }
  }

  const providers = service.getCreditProviders()
  const errors: string[] = []
  let asked = false
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
    asked = true
    const started = Date.now()
    try {
      const raw = await withBudget(config.timeout_ms, (signal) => provider.check(inputFor(cart), { signal }))
      const parsed = CreditAnswerSchema.safeParse(raw)
      if (!parsed.success) throw new MalformedAnswer("malformed answer")
      const answer = parsed.data
      await service.createCreditQueries({ provider_id: id, identity_hash, key_id, cart_id: cart.id, result: answer.result, score: answer.score ?? null, traffic_light: answer.traffic_light ?? null, reference: answer.reference ?? null, cost, latency_ms: Date.now() - started })
      return { status: "answered", provider_id: id, cached: false, answer }
    } catch (error) {
      const message = redactPaymentData(error instanceof Error ? error.message : String(error)).slice(0, 300)
      errors.push(`${id}: ${message}`)
      await service.createCreditQueries({ provider_id: id, identity_hash, key_id, cart_id: cart.id, cost, latency_ms: Date.now() - started, error: message, failure_kind: failureKindOf(error) })
    }
  }
  if (!asked) await service.releasePaidCreditReservation(reservation.reservation_id)
  return { status: "failed", errors }
}
