import { createHash } from "node:crypto"
import { HashKeys, hashKeys, normaliseSubject, normalizeCountry, normalizePostcode, parseStreet } from "../../engine"
import type { LoadedCart } from "../readers/load-cart-snapshot"

export type SignalKeys = {
  email_key: string | null
  phone_key: string | null
  address_key: string | null
  ip_key: string | null
  contents_key: string | null
}

type Purpose = "email" | "phone" | "address" | "ip"

/**
 * Keyed hash of a normalised value for the velocity counts: HMAC-SHA256 with the key derived
 * for `signal_<purpose>` from the current hash secret (see keyedHash), so the table never holds
 * a clear email, phone, address or IP and nobody without the secret can test guesses against it.
 * Only the current secret: signals live days (velocity windows, at most 30 days kept), so after
 * a rotation of `hash_secret` the counts simply start afresh — rows under the earlier secret no
 * longer add up with new ones and age out. (The erasure finds them under every secret, see
 * signalKeyCandidates.)
 */
export function signalKey(keys: HashKeys | string, purpose: Purpose, value: string): string {
  return (typeof keys === "string" ? hashKeys(keys) : keys).hash(`signal_${purpose}` as const, value)
}

/** The value's signal keys under every configured secret and the legacy scheme (for the erasure). */
export function signalKeyCandidates(keys: HashKeys, purpose: Purpose, value: string): string[] {
  return keys.candidates(`signal_${purpose}` as const, value).map((candidate) => candidate.hash)
}

/** The shipping address without the person: country, postcode, street and house number, folded. */
export function normalisedShippingAddress(address: LoadedCart["cart"]["shipping_address"]): string | null {
  if (!address?.address_1) {
    return null
  }
  const street = parseStreet(address.address_1)
  if (!street.name) {
    return null
  }
  return [normalizeCountry(address.country_code), normalizePostcode(address.postal_code), street.name, street.number].join("|")
}

/** Hash of the cart contents (variant × quantity, sorted), for duplicate orders; not personal. */
export function contentsKey(items: LoadedCart["cart"]["items"]): string | null {
  const parts = items
    .map((item) => `${item.variant_id ?? item.product_id ?? item.title ?? ""}x${item.quantity}`)
    .sort()
  return parts.length ? createHash("sha256").update(parts.join(",")).digest("hex") : null
}

/**
 * The cart's keys: email lowercased, phone in E.164 (read for the address country), IP
 * normalised, shipping address folded — each normalised exactly as the negative list does.
 */
export function signalKeysFor(cart: LoadedCart["cart"], ip: string | null | undefined, keys: HashKeys | string): SignalKeys {
  const ring = typeof keys === "string" ? hashKeys(keys) : keys
  const subject = normaliseSubject(
    {
      addresses: [cart.billing_address, cart.shipping_address].filter((a): a is NonNullable<typeof a> => !!a),
      email: cart.email ?? null,
      phone: cart.billing_address?.phone || cart.shipping_address?.phone || null,
      ip: ip ?? null,
    },
    ring
  )
  const address = normalisedShippingAddress(cart.shipping_address)
  return {
    email_key: subject.email ? signalKey(ring, "email", subject.email) : null,
    phone_key: subject.phone ? signalKey(ring, "phone", subject.phone) : null,
    address_key: address ? signalKey(ring, "address", address) : null,
    ip_key: subject.ip ? signalKey(ring, "ip", subject.ip) : null,
    contents_key: contentsKey(cart.items),
  }
}
