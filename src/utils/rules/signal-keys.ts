import { createHash, createHmac } from "node:crypto"
import { normaliseSubject, normalizeCountry, normalizePostcode, parseStreet } from "../../engine"
import type { LoadedCart } from "../load-cart-snapshot"

export type SignalKeys = {
  email_key: string | null
  phone_key: string | null
  address_key: string | null
  ip_key: string | null
  contents_key: string | null
}

type Purpose = "email" | "phone" | "address" | "ip"

/**
 * Keyed hash of a normalised value for the velocity counts: HMAC-SHA256 with the module's hash
 * secret over `signal_<purpose>:<value>` (the scheme of the negative list's `keyedHash`, with its
 * own purposes), so the table never holds a clear email, phone, address or IP and nobody
 * without the secret can test guesses against it.
 */
export function signalKey(secret: string, purpose: Purpose, value: string): string {
  return createHmac("sha256", secret).update(`signal_${purpose}:${value}`).digest("hex")
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
export function signalKeysFor(cart: LoadedCart["cart"], ip: string | null | undefined, secret: string): SignalKeys {
  const subject = normaliseSubject(
    {
      addresses: [cart.billing_address, cart.shipping_address].filter((a): a is NonNullable<typeof a> => !!a),
      email: cart.email ?? null,
      phone: cart.billing_address?.phone || cart.shipping_address?.phone || null,
      ip: ip ?? null,
    },
    secret
  )
  const address = normalisedShippingAddress(cart.shipping_address)
  return {
    email_key: subject.email ? signalKey(secret, "email", subject.email) : null,
    phone_key: subject.phone ? signalKey(secret, "phone", subject.phone) : null,
    address_key: address ? signalKey(secret, "address", address) : null,
    ip_key: subject.ip ? signalKey(secret, "ip", subject.ip) : null,
    contents_key: contentsKey(cart.items),
  }
}
