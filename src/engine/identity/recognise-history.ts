import { isPaidOrder } from "../history"
import { matchAddress, matchPerson } from "../list-matching/match"
import type { PersonAddress } from "../negative-list/types"
import type { AddressSnapshot, CustomerHistory, OrderHistoryEntry, ShopperProtectionSettings } from "../types"

/** An earlier order found under the cart's email or the shopper's account, before recognition. */
export type EarlierOrder = OrderHistoryEntry & {
  /** placed by the customer account the request is authenticated as (the cart's customer) */
  account_order: boolean
  billing_address?: AddressSnapshot | null
  shipping_address?: AddressSnapshot | null
}

/** The cart's person and addresses as the shopper typed them. */
export type ShopperAddresses = {
  billing_address?: AddressSnapshot | null
  shipping_address?: AddressSnapshot | null
}

export type RecognisedHistory = CustomerHistory & {
  /** paid orders found under the email or account that did not count: another person or address */
  unrecognised_order_count: number
}

/** More name tokens than a real person carries: padding to hit any first name of a victim. */
const MAX_NAME_TOKENS = 4
/**
 * A company name is counted on its own: "Becker Gartenbau GmbH & Co. KG" is six words and an
 * ordinary business customer; more than eight is padding.
 */
const MAX_COMPANY_TOKENS = 8

const hasPerson = (a?: AddressSnapshot | null): a is AddressSnapshot => !!(a && (a.last_name?.trim() || a.company?.trim()))
const hasPlace = (a?: AddressSnapshot | null): a is AddressSnapshot => !!(a && a.address_1?.trim())

/** The billing person of a cart or order; the shipping one only where billing names nobody. */
function personOf(addresses: ShopperAddresses): AddressSnapshot | null {
  if (hasPerson(addresses.billing_address)) return addresses.billing_address
  if (hasPerson(addresses.shipping_address)) return addresses.shipping_address
  return null
}

const tokensOf = (...parts: Array<string | null | undefined>) => parts.join(" ").split(/[\s,.;-]+/).filter(Boolean).length

/** A name padded with more words than a person (or a company) carries. */
function isPadded(person: PersonAddress): boolean {
  return tokensOf(person.first_name, person.last_name) > MAX_NAME_TOKENS || tokensOf(person.company) > MAX_COMPANY_TOKENS
}

/**
 * Same person and address: the order's billing person and address (else its shipping ones)
 * certainly match the cart's, with the negative list's tolerance (spelling variants of names
 * and streets count; another person, another house number or another place does not; an
 * initial alone is only a possible match and does not count). A cart whose name is padded
 * with more tokens than a person carries never matches.
 */
export function isSamePersonAndAddress(order: ShopperAddresses, cart: ShopperAddresses): boolean {
  const earlier = personOf(order)
  const now = personOf(cart)
  if (!earlier || !now || isPadded(now)) return false
  return matchPerson(earlier, now)?.certain === true
}

/** Same person by name alone (an account's customer who moved): compared at the same address. */
export function isSamePerson(order: ShopperAddresses, cart: ShopperAddresses): boolean {
  const earlier = personOf(order)
  const now = personOf(cart)
  if (!earlier || !now || isPadded(now)) return false
  const place = { address_1: now.address_1, address_2: now.address_2, postal_code: now.postal_code, city: now.city, country_code: now.country_code }
  if (!hasPlace(place)) return false
  return matchPerson({ ...earlier, ...place }, now)?.certain === true
}

/** The places (without the person) an order was billed and shipped to. */
function placesOf(order: ShopperAddresses): AddressSnapshot[] {
  return [order.billing_address, order.shipping_address].filter(hasPlace)
}

/**
 * Where the cart ships to is a place the shopper is known at: the cart's billing address
 * (already matched), or an address of one of the recognised paid orders. A drop address
 * with a real customer's billing details is the classic invoice fraud.
 */
function shipsToKnownPlace(cart: ShopperAddresses, recognised: ShopperAddresses[]): boolean {
  const shipping = cart.shipping_address
  if (!hasPlace(shipping)) return true
  const known = [cart.billing_address, ...recognised.flatMap(placesOf)].filter(hasPlace)
  return known.some((place) => matchAddress(place, shipping) !== null)
}

function strip({ account_order: _a, billing_address: _b, shipping_address: _s, ...order }: EarlierOrder): OrderHistoryEntry {
  return order
}

/**
 * Which earlier orders are the shopper's own history. An email typed into a guest cart is not
 * verified, and Medusa registers accounts for any email without proving it. So a **paid**
 * order vouches for the shopper only when
 * - it belongs to the account the request is authenticated as and was billed to the same
 *   person (by name: a customer may move), or
 * - with `guest_recognition: "email_and_address"` (default), it was placed under the cart's
 *   email by the same person at the same billing address, and the cart ships to the billing
 *   address or to an address of such an order;
 * - with `"email"` every order found under the email or the cart's customer counts (weaker).
 * Orders that are not paid (awaiting payment, overdue) count whoever placed them: negative
 * history under the email or account is never left behind by changing the address.
 */
export function recogniseHistory(
  orders: EarlierOrder[],
  cart: ShopperAddresses,
  mode: ShopperProtectionSettings["guest_recognition"]
): RecognisedHistory {
  if (mode === "email") {
    return { orders: orders.map(strip), unrecognised_order_count: 0 }
  }
  const vouching = orders.filter(
    (order) =>
      isPaidOrder(order) &&
      (order.account_order ? isSamePerson(order, cart) : isSamePersonAndAddress(order, cart))
  )
  const guestVouching = vouching.filter((order) => !order.account_order)
  const accountVouching = vouching.filter((order) => order.account_order)
  // a guest's orders vouch only where the goods go to a place the shopper is known at
  const counted = new Set<EarlierOrder>([
    ...accountVouching,
    ...(guestVouching.length && shipsToKnownPlace(cart, guestVouching) ? guestVouching : []),
  ])
  const recognised: OrderHistoryEntry[] = []
  let unrecognised = 0
  for (const order of orders) {
    if (counted.has(order) || !isPaidOrder(order)) recognised.push(strip(order))
    else unrecognised++
  }
  return { orders: recognised, unrecognised_order_count: unrecognised }
}
