import { fold, normalizeCountry, normalizePostcode, parseStreet } from "../list-matching/normalize"
import type { AddressSnapshot } from "../types"

/**
 * Pick-up points where a parcel waits for whoever has the code: DHL Packstation / Postfiliale,
 * parcel shops (Hermes, DPD, GLS, UPS Access Point), Austrian and Swiss equivalents, and
 * "Postnummer" (the DHL customer number written in the address).
 */
const PICKUP = /\b(packstation|pack station|postfiliale|paketshop|paket shop|parcelshop|parcel shop|paketkasten|paketbox|postnummer|abholstation|pick ?up (point|station)|access point|pickpost|my post 24|postfach|pudo|locker)\b/

export function isPackingStation(address?: AddressSnapshot | null): boolean {
  if (!address) return false
  // the filled fields joined by spaces, without the arrays of filter and join
  let text = ""
  for (const part of [address.company, address.address_1, address.address_2]) {
    if (part) text = text ? `${text} ${part}` : `${part}`
  }
  return PICKUP.test(fold(text))
}

/** An address the shopper actually entered (Medusa gives new carts one with only the country). */
export function isEntered(address?: AddressSnapshot | null): address is AddressSnapshot {
  return !!address && !!(address.address_1 || address.postal_code || address.city || address.last_name)
}

/** Same place and recipient, tolerating spelling (Hauptstr. 5 = Hauptstraße 5). */
export function sameAddress(a: AddressSnapshot, b: AddressSnapshot): boolean {
  // the cheap comparisons first; folding and parsing the street (Unicode normalisation, ~10 µs) only
  // when they match, and not at all for one address compared with itself or an identical copy
  if (a === b) return true
  if (normalizeCountry(a.country_code) !== normalizeCountry(b.country_code)) return false
  if (normalizePostcode(a.postal_code) !== normalizePostcode(b.postal_code)) return false
  if (a.address_1 !== b.address_1) {
    const [sa, sb] = [parseStreet(a.address_1), parseStreet(b.address_1)]
    if (sa.name !== sb.name || sa.number !== sb.number) return false
  }
  return a.last_name === b.last_name || fold(a.last_name) === fold(b.last_name)
}
