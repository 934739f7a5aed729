import { foldLoose, normalizeCountry, normalizePostcode, parseStreet } from "../list-matching/normalize"
import type { AddressSnapshot } from "../types"

/**
 * The normalised identity a credit answer belongs to (billing person + address), so the
 * same person at the same address reuses a cached answer however it is spelled; null when
 * there is nothing to ask about. The adapter stores only a keyed hash of it.
 */
export function creditIdentity(address?: AddressSnapshot | null): string | null {
  if (!address?.last_name && !address?.company) return null
  if (!address.address_1 || !address.postal_code) return null
  const street = parseStreet(address.address_1)
  return [
    foldLoose(address.company).replace(/ /g, ""),
    foldLoose(address.last_name).replace(/ /g, ""),
    foldLoose(address.first_name).replace(/ /g, ""),
    street.name,
    street.number,
    normalizePostcode(address.postal_code),
    normalizeCountry(address.country_code) || "de",
  ].join("|")
}
