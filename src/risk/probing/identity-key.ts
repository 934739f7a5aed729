import { AddressSnapshot, HashKeys, nameTokens, normalizeCountry, normalizePostcode, parseStreet, SessionPaymentData } from "../../engine"
import { normalizeEmail } from "../../engine/identity/shopper-key"

function personAndPlace(a: AddressSnapshot | null | undefined): string {
  if (!a) return ""
  const street = parseStreet(a.address_1)
  const person = nameTokens(a.first_name, a.last_name, a.company).sort().join(" ")
  return [person, normalizeCountry(a.country_code), normalizePostcode(a.postal_code), street.name, street.number].join("|")
}

const digits = (phone?: string | null) => (phone ?? "").replace(/\D/g, "")

/**
 * The identity a cart shows — everything the negative list and the history are matched on:
 * email, billing person and address, shipping person and address, phone and the IBAN / card
 * data of its payment sessions — folded the way the negative list folds them (case, accents,
 * ß/ss, "Str."/"Straße", token order), so correcting the case or the street's spelling is not
 * a new identity, another person, address, phone or account is. A keyed hash (HMAC-SHA256
 * with the key derived for `probing_identity` from the current hash secret): the table never
 * holds the values. Null when the cart shows neither an email nor a person yet. Observations
 * live at most 7 days, so after a rotation of `hash_secret` the probing counts start afresh.
 */
export function billingIdentityKey(
  cart: {
    email?: string | null
    billing_address?: AddressSnapshot | null
    shipping_address?: AddressSnapshot | null
  },
  keys: HashKeys,
  payment?: SessionPaymentData
): string | null {
  const email = normalizeEmail(cart.email)
  const billing = personAndPlace(cart.billing_address)
  const shipping = personAndPlace(cart.shipping_address)
  if (!email && !billing.replace(/\|/g, "") && !shipping.replace(/\|/g, "")) return null
  const phone = digits(cart.billing_address?.phone) || digits(cart.shipping_address?.phone)
  const paymentData = JSON.stringify(payment ?? {})
  return keys.hash("probing_identity", `${email ?? ""}#${billing}#${shipping}#${phone}#${paymentData}`)
}
