import { AddressSnapshot, nameTokens, normalizeCountry, normalizePostcode, parseStreet, SessionPaymentData } from "../../engine"
import { normalizeEmail } from "../../engine/identity/shopper-key"

/** What identifies the shopper of a cart for the duplicate-order check. Never the IP. */
export type ShopperIdentity = {
  email?: string | null
  customer_id?: string | null
  billing_address?: AddressSnapshot | null
  shipping_address?: AddressSnapshot | null
  payment?: SessionPaymentData | null
}

/**
 * A person at a place, folded like the negative list folds them (case, accents, ß/ss,
 * "Str."/"Straße", name order): null unless both a name and a street are given.
 */
export function personAtAddress(address: AddressSnapshot | null | undefined): string | null {
  if (!address) return null
  const person = nameTokens(address.first_name, address.last_name).sort().join(" ")
  const street = parseStreet(address.address_1, address.address_2)
  if (!person || !street.name) return null
  return [person, normalizeCountry(address.country_code), normalizePostcode(address.postal_code), street.name, street.number].join("|")
}

const compact = (value?: string | null) => (value ?? "").replace(/\s+/g, "").toUpperCase() || null

/**
 * Whether two carts were placed by the same shopper: the same customer account, the same
 * email, the same person at the same address (billing or shipping of one equal to billing or
 * shipping of the other), or the same IBAN or card. Sharing only an IP address, a street (a
 * block of flats, a packing station) or a name is never the same shopper: offices, families,
 * mobile networks and every local test share an IP.
 */
export function sameShopper(a: ShopperIdentity, b: ShopperIdentity): boolean {
  if (a.customer_id && a.customer_id === b.customer_id) return true
  const email = normalizeEmail(a.email)
  if (email && email === normalizeEmail(b.email)) return true
  const places = new Set([a.billing_address, a.shipping_address].map(personAtAddress).filter(Boolean))
  if ([b.billing_address, b.shipping_address].map(personAtAddress).some((place) => place && places.has(place))) return true
  const iban = compact(a.payment?.iban)
  if (iban && iban === compact(b.payment?.iban)) return true
  const card = a.payment?.card_fingerprint?.trim()
  return !!card && card === b.payment?.card_fingerprint?.trim()
}
