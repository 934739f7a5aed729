import { NormalisedSubject } from "../list-matching/keys"
import { checkCardNumber, checkEmail, checkIban, checkIpOrCidr, checkPhone, HashKeys, HashPurpose, hashKeys } from "../payment-data"
import { MatchSubject, PersonAddress } from "./types"

/**
 * Normalises checked data the same way entries are stored: lowercased email and its domain,
 * E.164 phone (read for the first address's country), keyed hashes of IBAN and card. Invalid
 * values are dropped — they cannot equal a validated entry. IBAN and card are hashed under every
 * configured secret (current first, then the earlier ones, then the legacy scheme), so an entry
 * stored under an earlier secret still matches; `rekeyed_hashes` maps each of those hashes to
 * the current key's, so the adapter can move a matched entry onto the current key.
 */
export function normaliseSubject(subject: MatchSubject, keys: HashKeys | string): NormalisedSubject {
  const ring = typeof keys === "string" ? hashKeys(keys) : keys
  const country = subject.addresses.find((a) => a.country_code)?.country_code ?? "DE"
  const email = subject.email ? checkEmail(subject.email) : null
  const phone = subject.phone ? checkPhone(subject.phone, country) : null
  const iban = subject.iban ? checkIban(subject.iban) : null
  const card = subject.card_number ? checkCardNumber(subject.card_number) : null
  const ip = subject.ip ? checkIpOrCidr(subject.ip) : null
  const rekeyed: Record<string, string> = {}
  const hashes = (purpose: HashPurpose, value: string): string[] => {
    const all = [...new Set(ring.candidates(purpose, value).map((candidate) => candidate.hash))]
    all.slice(1).forEach((hash) => (rekeyed[hash] = all[0]))
    return all
  }
  const cardHashes: string[] = []
  if (card?.ok) cardHashes.push(...hashes("card", card.number))
  if (subject.card_fingerprint) cardHashes.push(...hashes("card_fingerprint", subject.card_fingerprint.trim()))
  return {
    addresses: subject.addresses.filter((a) => a && (a.address_1 || a.last_name || a.company)),
    email: email?.ok ? email.email : null,
    email_domain: email?.ok ? email.domain : null,
    phone: phone?.ok ? phone.e164 : null,
    customer_id: subject.customer_id ?? null,
    iban_hashes: iban?.ok ? hashes("iban", iban.iban) : [],
    card_hashes: cardHashes,
    rekeyed_hashes: rekeyed,
    ip: ip?.ok && !ip.range ? ip.value : null,
  }
}

type CartLike = {
  email?: string | null
  customer_id?: string | null
  billing_address?: (PersonAddress & { phone?: string | null }) | null
  shipping_address?: (PersonAddress & { phone?: string | null }) | null
}

export type SessionPaymentData = { iban: string | null; card_fingerprint: string | null }

const at = (data: unknown, path: string[]): string | null => {
  let value: unknown = data
  for (const key of path) value = value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined
  return typeof value === "string" && value.trim() ? value.trim() : null
}

const IBAN_PATHS = [["iban"], ["bank_account", "iban"], ["sepa_debit", "iban"]]
const FINGERPRINT_PATHS = [
  ["card_fingerprint"],
  ["card", "fingerprint"],
  ["payment_method", "card", "fingerprint"],
  ["payment_method_details", "card", "fingerprint"],
]

/**
 * IBAN or card fingerprint where a payment provider exposes them in its session data (e.g. a
 * SEPA provider's `iban`, Stripe's expanded `payment_method.card.fingerprint`).
 */
export function paymentDataFromSessions(sessions: Array<{ data?: unknown } | null | undefined>): SessionPaymentData {
  const found: SessionPaymentData = { iban: null, card_fingerprint: null }
  for (const session of sessions) {
    const data = session?.data
    found.iban ??= IBAN_PATHS.map((path) => at(data, path)).find(Boolean) ?? null
    found.card_fingerprint ??= FINGERPRINT_PATHS.map((path) => at(data, path)).find(Boolean) ?? null
  }
  return found
}

/** What of a cart is checked: billing and shipping name/address, email, phone, customer, IP, payment data. */
export function subjectFromCart(cart: CartLike, ip?: string | null, payment?: SessionPaymentData): MatchSubject {
  const addresses = [cart.billing_address, cart.shipping_address].filter(
    (address): address is PersonAddress & { phone?: string | null } => !!address
  )
  return {
    addresses,
    email: cart.email ?? null,
    phone: cart.billing_address?.phone || cart.shipping_address?.phone || null,
    customer_id: cart.customer_id ?? null,
    ip: ip ?? null,
    iban: payment?.iban ?? null,
    card_fingerprint: payment?.card_fingerprint ?? null,
  }
}
