import { addressKeys, checkEmail, checkIpOrCidr, checkPhone, HashKeys, matchPerson, normaliseSubject, paymentDataFromSessions, PersonAddress } from "../../engine"
import type { ListEntryCandidate, ShopperListCriteria } from "../../modules/payment-risk/service"

/** What the shop knows of a shopper, as read from her customer account, carts and orders. */
export type ShopperData = {
  emails: string[]
  customer_ids: string[]
  order_ids: string[]
  /** billing, shipping and address-book addresses, with their phone numbers */
  addresses: Array<PersonAddress & { phone?: string | null }>
  /** phone numbers outside an address (the customer account's) */
  phones: string[]
  /** payment sessions' data (IBAN or card fingerprint where a provider exposes them) */
  session_data: unknown[]
}

const unique = (values: Array<string | null | undefined>): string[] => [...new Set(values.filter((v): v is string => !!v))]

/**
 * What to look for on the negative list, normalised the way entries are stored: emails
 * (lowercased, validated), E.164 phones (read for the address's country), keyed hashes of the
 * IBANs and card fingerprints her payment sessions held (under every configured secret), and the
 * lookup keys of her addresses.
 */
export function shopperListCriteria(shopper: ShopperData, keys: HashKeys | string): ShopperListCriteria {
  const phones = [
    ...shopper.addresses.map((a) => (a.phone ? checkPhone(a.phone, (a.country_code ?? "DE").toUpperCase()) : null)),
    ...shopper.phones.map((p) => checkPhone(p, (shopper.addresses.find((a) => a.country_code)?.country_code ?? "DE").toUpperCase())),
  ]
  const payment = shopper.session_data.map((data) => {
    const found = paymentDataFromSessions([{ data }])
    return normaliseSubject({ addresses: [], iban: found.iban, card_fingerprint: found.card_fingerprint }, keys)
  })
  return {
    emails: unique(shopper.emails.map((e) => {
      const checked = checkEmail(e)
      return checked.ok ? checked.email : e.trim().toLowerCase()
    })),
    customer_ids: unique(shopper.customer_ids),
    phones: unique(phones.map((p) => (p?.ok ? p.e164 : null))),
    order_ids: unique(shopper.order_ids),
    iban_hashes: unique(payment.flatMap((p) => p.iban_hashes ?? [])),
    card_hashes: unique(payment.flatMap((p) => p.card_hashes ?? [])),
    address_keys: unique(shopper.addresses.flatMap((a) => (a.address_1 ? addressKeys(a) : []))),
  }
}

/**
 * Whether a candidate entry is the shopper's: taken from one of her orders, or holding exactly
 * her email, customer id, phone, IBAN or card (the candidate query matched those exactly), or
 * a person entry that certainly matches one of her addresses (`matchPerson`, as the checkout
 * check decides). A possible match (an initial) and a bare address entry (a drop address many
 * may use) are not enough to delete someone's list entry.
 */
export function isShopperListEntry(entry: ListEntryCandidate, criteria: ShopperListCriteria, addresses: PersonAddress[]): boolean {
  if (entry.order_id && criteria.order_ids.includes(entry.order_id)) return true
  const value = entry.value ?? ""
  switch (entry.kind) {
    case "email":
      return criteria.emails.includes(value)
    case "customer":
      return criteria.customer_ids.includes(value)
    case "phone":
      return criteria.phones.includes(value)
    case "iban":
      return criteria.iban_hashes.includes(value)
    case "card":
      return criteria.card_hashes.includes(value)
    case "person":
      return addresses.some((address) => matchPerson(entry, address)?.certain === true)
    default:
      return false
  }
}

/** An exact-IP entry whose keyed hash (under any configured secret) is one the shopper's carts were seen from. */
export function isShopperIpEntry(value: string, ipKeys: ReadonlySet<string>, ipKey: (ip: string) => string | string[]): boolean {
  const checked = checkIpOrCidr(value)
  return checked.ok && !checked.range && [ipKey(checked.value)].flat().some((key) => ipKeys.has(key))
}
