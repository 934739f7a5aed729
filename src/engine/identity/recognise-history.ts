import { matchPerson } from "../list-matching/match"
import type { PersonAddress } from "../negative-list/types"
import type { AddressSnapshot, CustomerHistory, OrderHistoryEntry, ShopperProtectionSettings } from "../types"

/** An earlier order found under the cart's email or the shopper's account, before recognition. */
export type EarlierOrder = OrderHistoryEntry & {
  /** placed by the customer account the request is authenticated as (the cart's customer) */
  account_order: boolean
  billing_address?: AddressSnapshot | null
  shipping_address?: AddressSnapshot | null
}

/** The cart's person and address as the shopper typed them: billing, else shipping. */
export type ShopperAddresses = {
  billing_address?: AddressSnapshot | null
  shipping_address?: AddressSnapshot | null
}

export type RecognisedHistory = CustomerHistory & {
  /** orders found under the email that did not count: another person or another address */
  unrecognised_order_count: number
}

function personOf(addresses: ShopperAddresses): PersonAddress | null {
  const address = addresses.billing_address?.last_name || addresses.billing_address?.company
    ? addresses.billing_address
    : addresses.shipping_address
  return address ?? null
}

/**
 * Whether an earlier order was placed by the person now shopping: the order's billing person
 * and address (else its shipping ones) certainly match the cart's, with the negative list's
 * tolerance (spelling variants of names and streets count; another person, another house
 * number or another place does not; an initial alone is only a possible match and does not
 * count).
 */
export function isSamePersonAndAddress(order: ShopperAddresses, cart: ShopperAddresses): boolean {
  const earlier = personOf(order)
  const now = personOf(cart)
  if (!earlier || !now) return false
  return matchPerson(earlier, now)?.certain === true
}

function strip({ account_order: _a, billing_address: _b, shipping_address: _s, ...order }: EarlierOrder): OrderHistoryEntry {
  return order
}

/**
 * Which earlier orders are the shopper's own history. An email typed into a guest cart is not
 * verified: anyone can type a paying customer's email. So an order counts when it belongs to
 * the account the request is authenticated as, or — with `guest_recognition:
 * "email_and_address"` (default) — when it was placed under the cart's email by the same person
 * at the same address. With `"email"` every order found under the email counts (weaker).
 * Guest orders under an account's email are matched the same way: an account can be registered
 * with anybody's email without proving it.
 */
export function recogniseHistory(
  orders: EarlierOrder[],
  cart: ShopperAddresses,
  mode: ShopperProtectionSettings["guest_recognition"]
): RecognisedHistory {
  const recognised: OrderHistoryEntry[] = []
  let unrecognised = 0
  for (const order of orders) {
    if (order.account_order || mode === "email" || isSamePersonAndAddress(order, cart)) recognised.push(strip(order))
    else unrecognised++
  }
  return { orders: recognised, unrecognised_order_count: unrecognised }
}
