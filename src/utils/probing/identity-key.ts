import { createHmac } from "node:crypto"
import { AddressSnapshot, nameTokens, normalizeCountry, normalizePostcode, parseStreet } from "../../engine"
import { normalizeEmail } from "../identity"

/**
 * The billing identity a cart shows — email, person and address, folded the way the negative
 * list folds them (case, accents, ß/ss, "Str."/"Straße", token order), so correcting the case
 * or the street's spelling is not a new identity, another person or house number is — as a
 * keyed hash (HMAC-SHA256 with the module's hash secret): the table never holds the values.
 * Null when the cart shows neither an email nor a billing person yet.
 */
export function billingIdentityKey(
  cart: { email?: string | null; billing_address?: AddressSnapshot | null; shipping_address?: AddressSnapshot | null },
  secret: string
): string | null {
  const email = normalizeEmail(cart.email)
  const a = cart.billing_address?.last_name || cart.billing_address?.address_1 ? cart.billing_address : cart.shipping_address
  const person = a ? nameTokens(a.first_name, a.last_name, a.company).sort().join(" ") : ""
  const street = parseStreet(a?.address_1)
  const place = a ? [normalizeCountry(a.country_code), normalizePostcode(a.postal_code), street.name, street.number].join("|") : ""
  if (!email && !person) return null
  return createHmac("sha256", secret).update(`probing_identity:${email ?? ""}#${person}#${place}`).digest("hex")
}
