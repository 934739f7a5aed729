import { NormalisedSubject } from "../list-matching/keys"
import { checkCardNumber, checkEmail, checkIban, checkIpOrCidr, checkPhone, keyedHash } from "../payment-data"
import { MatchSubject, PersonAddress } from "./types"

/**
 * Normalises checked data the same way entries are stored: lowercased email and its domain,
 * E.164 phone (read for the first address's country), keyed hashes of IBAN and card. Invalid
 * values are dropped — they cannot equal a validated entry.
 */
export function normaliseSubject(subject: MatchSubject, secret: string): NormalisedSubject {
  const country = subject.addresses.find((a) => a.country_code)?.country_code ?? "DE"
  const email = subject.email ? checkEmail(subject.email) : null
  const phone = subject.phone ? checkPhone(subject.phone, country) : null
  const iban = subject.iban ? checkIban(subject.iban) : null
  const card = subject.card_number ? checkCardNumber(subject.card_number) : null
  const ip = subject.ip ? checkIpOrCidr(subject.ip) : null
  const cardHashes: string[] = []
  if (card?.ok) cardHashes.push(keyedHash(secret, "card", card.number))
  if (subject.card_fingerprint) cardHashes.push(keyedHash(secret, "card_fingerprint", subject.card_fingerprint.trim()))
  return {
    addresses: subject.addresses.filter((a) => a && (a.address_1 || a.last_name || a.company)),
    email: email?.ok ? email.email : null,
    email_domain: email?.ok ? email.domain : null,
    phone: phone?.ok ? phone.e164 : null,
    customer_id: subject.customer_id ?? null,
    iban_hash: iban?.ok ? keyedHash(secret, "iban", iban.iban) : null,
    card_hashes: cardHashes,
    ip: ip?.ok && !ip.range ? ip.value : null,
  }
}

type CartLike = {
  email?: string | null
  customer_id?: string | null
  billing_address?: (PersonAddress & { phone?: string | null }) | null
  shipping_address?: (PersonAddress & { phone?: string | null }) | null
}

/** What of a cart is checked: billing and shipping name/address, email, phone, customer, IP. */
export function subjectFromCart(cart: CartLike, ip?: string | null): MatchSubject {
  const addresses = [cart.billing_address, cart.shipping_address].filter(
    (address): address is PersonAddress & { phone?: string | null } => !!address
  )
  return {
    addresses,
    email: cart.email ?? null,
    phone: cart.billing_address?.phone || cart.shipping_address?.phone || null,
    customer_id: cart.customer_id ?? null,
    ip: ip ?? null,
  }
}
