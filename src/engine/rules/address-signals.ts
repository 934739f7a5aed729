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
  const text = fold([address.company, address.address_1, address.address_2].filter(Boolean).join(" "))
  return PICKUP.test(text)
}

/** An address the shopper actually entered (Medusa gives new carts one with only the country). */
export function isEntered(address?: AddressSnapshot | null): address is AddressSnapshot {
  return !!address && !!(address.address_1 || address.postal_code || address.city || address.last_name)
}

/** Same place and recipient, tolerating spelling (Hauptstr. 5 = Hauptstraße 5). */
export function sameAddress(a: AddressSnapshot, b: AddressSnapshot): boolean {
  const street = (x: AddressSnapshot) => parseStreet(x.address_1)
  const [sa, sb] = [street(a), street(b)]
  return (
    normalizeCountry(a.country_code) === normalizeCountry(b.country_code) &&
    normalizePostcode(a.postal_code) === normalizePostcode(b.postal_code) &&
    sa.name === sb.name &&
    sa.number === sb.number &&
    fold(a.last_name) === fold(b.last_name)
  )
}
