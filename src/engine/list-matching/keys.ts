import { NegativeListEntrySnapshot, PersonAddress } from "../negative-list/types"
import { fold, foldLoose, normalizeCountry, normalizePostcode, parseStreet } from "./normalize"
import { phonetic } from "./similarity"

/**
 * Lookup keys: plain strings stored on every entry (a GIN-indexed text[] column) and computed for
 * the checked data, so a check fetches only entries that share a key — never the whole list.
 * An address has two keys, so one typing error in either the postcode or the street/city still
 * finds the candidate: `pc:<country>:<postcode>:<no>` and `st:<country>:<city code>:<street code>:<no>`.
 * Both carry the house number (a neighbour is another address), so a key is shared by a handful
 * of entries even in a list of millions. The number is read as `parseStreet` reads it (glued to
 * the street, after "Nr.", or alone in `address_2`), the same for entries and checked data.
 */
export function addressKeys(address: PersonAddress): string[] {
  const country = normalizeCountry(address.country_code) || "de"
  const keys: string[] = []
  const street = parseStreet(address.address_1, address.address_2)
  const postcode = normalizePostcode(address.postal_code)
  if (postcode) keys.push(`pc:${country}:${postcode}:${street.number}`)
  const city = foldLoose(address.city).replace(/ /g, "")
  if (street.name && city) {
    keys.push(`st:${country}:${phonetic(city)}:${phonetic(street.name)}:${street.number}`)
  }
  return keys
}

/**
 * Buckets for IP ranges: /16 (IPv4) or /32 (IPv6) for ranges at least that narrow, the first
 * octet/group for wider ones. A checked address carries both levels, so a lookup fetches only
 * the ranges that can contain it, not every range with the same first octet.
 */
export function ipBuckets(ip: string): string[] {
  if (ip.includes(":")) {
    const groups = ip.toLowerCase().split(":")
    return [`ip6:${groups[0]}`, `ip6:${groups[0]}:${groups[1] ?? ""}`]
  }
  const octets = ip.split(".")
  return [`ip4:${octets[0]}`, `ip4:${octets[0]}.${octets[1]}`]
}

function rangeKey(cidr: string): string {
  const [address, bits] = cidr.split("/")
  const [wide, narrow] = ipBuckets(address)
  return Number(bits) >= (address.includes(":") ? 32 : 16) ? narrow : wide
}

/** Keys of a stored entry. Single values are already normalised (email, E.164, hash…). */
export function entryKeys(entry: Omit<NegativeListEntrySnapshot, "id">): string[] {
  const value = entry.value ?? ""
  switch (entry.kind) {
    case "person":
    case "address":
      return addressKeys(entry)
    case "email":
      return [`em:${value}`]
    case "email_domain":
      return [`dom:${value}`]
    case "phone":
      return [`ph:${value}`]
    case "customer":
      return [`cu:${value}`]
    case "iban":
      return [`ib:${value}`]
    case "card":
      return [`cd:${value}`]
    case "ip":
      return value.includes("/") ? [rangeKey(value)] : [`ip:${value}`]
  }
}

/** What the adapter passes after normalising and hashing the checked data. */
export type NormalisedSubject = {
  addresses: PersonAddress[]
  email?: string | null
  email_domain?: string | null
  phone?: string | null
  customer_id?: string | null
  /** keyed hashes of the IBAN under every configured secret (current first) */
  iban_hashes?: string[]
  /** keyed hashes of card number and fingerprint under every configured secret */
  card_hashes?: string[]
  /** hash under an earlier secret → the same value's hash under the current one */
  rekeyed_hashes?: Record<string, string>
  ip?: string | null
}

export function subjectKeys(subject: NormalisedSubject): string[] {
  const keys = new Set<string>()
  for (const address of subject.addresses) addressKeys(address).forEach((key) => keys.add(key))
  if (subject.email) keys.add(`em:${subject.email}`)
  if (subject.email_domain) keys.add(`dom:${subject.email_domain}`)
  if (subject.phone) keys.add(`ph:${subject.phone}`)
  if (subject.customer_id) keys.add(`cu:${subject.customer_id}`)
  for (const hash of subject.iban_hashes ?? []) keys.add(`ib:${hash}`)
  for (const hash of subject.card_hashes ?? []) keys.add(`cd:${hash}`)
  if (subject.ip) {
    keys.add(`ip:${subject.ip}`)
    ipBuckets(subject.ip).forEach((key) => keys.add(key))
  }
  return [...keys]
}

/** Lowercased text of an entry for the admin's search (hashes excluded). */
export function searchText(entry: Omit<NegativeListEntrySnapshot, "id"> & { display_hint?: string | null }): string {
  const hashed = entry.kind === "iban" || entry.kind === "card"
  return [
    entry.first_name, entry.last_name, entry.company, entry.address_1, entry.postal_code, entry.city,
    hashed ? entry.display_hint : entry.value,
  ]
    .filter(Boolean)
    .map((part) => `${String(part).toLowerCase()} ${fold(String(part))}`)
    .join(" ")
}
