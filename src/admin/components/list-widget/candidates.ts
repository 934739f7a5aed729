/**
 * What "Add to negative list" can offer for a customer or an order: one candidate per kind and
 * per source of the data (each address, the email, each phone number), with the entry fields
 * it prefills. Pure functions, no React.
 */

import { neutraliseFormula } from "../../../engine/csv-cell"

export const OFFERED_KINDS = ["person", "address", "email", "phone"] as const
export type OfferedKind = (typeof OFFERED_KINDS)[number]

/** Where the data comes from; the label is `paymentRisk.listWidget.origins.<origin>`. */
export type Origin =
  | "customer"
  | "order"
  | "address"
  | "defaultBilling"
  | "defaultShipping"
  | "billing"
  | "shipping"
  | "billingShipping"

export type Draft = Partial<Record<EntryField, string>>

export type Candidate = {
  id: string
  kind: OfferedKind
  origin: Origin
  /** one line that tells candidates of the same kind apart (address, email, phone) */
  detail: string
  draft: Draft
}

export const NAME_FIELDS = ["first_name", "last_name", "company"] as const
export const PLACE_FIELDS = ["address_1", "address_2", "postal_code", "city", "country_code"] as const
export type EntryField = (typeof NAME_FIELDS)[number] | (typeof PLACE_FIELDS)[number] | "value"

/** The entry fields each offered kind has, in form order. */
export const FIELDS_OF: Record<OfferedKind, readonly EntryField[]> = {
  person: [...NAME_FIELDS, ...PLACE_FIELDS],
  address: PLACE_FIELDS,
  email: ["value"],
  phone: ["value"],
}

type Text = string | null | undefined

export type AddressLike = {
  id?: string
  first_name?: Text
  last_name?: Text
  company?: Text
  address_1?: Text
  address_2?: Text
  postal_code?: Text
  city?: Text
  country_code?: Text
  phone?: Text
  is_default_billing?: boolean
  is_default_shipping?: boolean
}

export type CustomerLike = {
  email?: Text
  phone?: Text
  first_name?: Text
  last_name?: Text
  company_name?: Text
  addresses?: AddressLike[] | null
}

export type OrderLike = {
  email?: Text
  billing_address?: AddressLike | null
  shipping_address?: AddressLike | null
}

const trimmed = (value: Text) => value?.trim() || undefined

/** Names and places as the shopper typed them, without leading formula characters (the create route refuses those). */
function pick<F extends EntryField>(fields: readonly F[], source: Partial<Record<F, Text>>): Draft {
  const draft: Draft = {}
  for (const field of fields) {
    const value = trimmed(neutraliseFormula(source[field]))
    if (value) draft[field] = value
  }
  return draft
}

/** "Hauptstr. 5, 10115 Berlin, DE" */
export function placeLine(address: AddressLike): string {
  const town = [trimmed(address.postal_code), trimmed(address.city)].filter(Boolean).join(" ")
  return [trimmed(address.address_1), trimmed(address.address_2), town, trimmed(address.country_code)?.toUpperCase()]
    .filter(Boolean)
    .join(", ")
}

export function nameLine(person: Partial<Record<"first_name" | "last_name" | "company", Text>>): string {
  const name = [trimmed(person.first_name), trimmed(person.last_name)].filter(Boolean).join(" ")
  return [name, trimmed(person.company)].filter(Boolean).join(", ")
}

const hasPlace = (address: AddressLike | null | undefined): address is AddressLike => !!trimmed(address?.address_1)
const sameDraft = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b)

/** Person and address candidates of one address; the name falls back to `owner`'s. */
function addressCandidates(id: string, origin: Origin, address: AddressLike, owner?: CustomerLike): Candidate[] {
  const place = pick(PLACE_FIELDS, address)
  const names = pick(NAME_FIELDS, {
    first_name: trimmed(address.first_name) ?? owner?.first_name,
    last_name: trimmed(address.last_name) ?? owner?.last_name,
    company: trimmed(address.company) ?? owner?.company_name,
  })
  const detail = placeLine(address)
  const result: Candidate[] = []
  if (names.last_name || names.company) {
    result.push({ id: `person:${id}`, kind: "person", origin, detail: [nameLine(names), detail].join(" · "), draft: { ...names, ...place } })
  }
  result.push({ id: `address:${id}`, kind: "address", origin, detail, draft: place })
  return result
}

function valueCandidates(kind: "email" | "phone", values: Array<{ origin: Origin; value: Text }>): Candidate[] {
  const seen = new Set<string>()
  const result: Candidate[] = []
  for (const { origin, value } of values) {
    const clean = trimmed(value)
    const key = clean?.toLowerCase().replace(/[\s()/-]/g, "")
    if (!clean || !key || seen.has(key)) continue
    seen.add(key)
    result.push({ id: `${kind}:${result.length}`, kind, origin, detail: clean, draft: { value: clean } })
  }
  return result
}

const addressOrigin = (address: AddressLike): Origin =>
  address.is_default_billing ? "defaultBilling" : address.is_default_shipping ? "defaultShipping" : "address"

/** Customer: every address (default billing first), the customer's name without address, email, phones. */
export function customerCandidates(customer: CustomerLike): Candidate[] {
  const addresses = [...(customer.addresses ?? [])].filter(hasPlace).sort(
    (a, b) => Number(!!b.is_default_billing) - Number(!!a.is_default_billing) || Number(!!b.is_default_shipping) - Number(!!a.is_default_shipping)
  )
  const fromAddresses = addresses.flatMap((address, index) =>
    addressCandidates(address.id ?? String(index), addressOrigin(address), address, customer)
  )
  const names = pick(NAME_FIELDS, { first_name: customer.first_name, last_name: customer.last_name, company: customer.company_name })
  // No address on file: the person can still be added, the address is typed in the drawer.
  const person: Candidate[] =
    !fromAddresses.some((c) => c.kind === "person") && (names.last_name || names.company)
      ? [{ id: "person:customer", kind: "person", origin: "customer", detail: nameLine(names), draft: names }]
      : []
  return [
    ...person,
    ...fromAddresses,
    ...valueCandidates("email", [{ origin: "customer", value: customer.email }]),
    ...valueCandidates("phone", [
      { origin: "customer", value: customer.phone },
      ...addresses.map((address) => ({ origin: addressOrigin(address), value: address.phone })),
    ]),
  ]
}

/** Order: billing and shipping address (one candidate when they are the same), email, phones. */
export function orderCandidates(order: OrderLike): Candidate[] {
  const billing = hasPlace(order.billing_address) ? addressCandidates("billing", "billing", order.billing_address) : []
  const shipping = hasPlace(order.shipping_address) ? addressCandidates("shipping", "shipping", order.shipping_address) : []
  const merged = [...billing]
  for (const candidate of shipping) {
    const twin = merged.findIndex((c) => c.kind === candidate.kind && sameDraft(c.draft, candidate.draft))
    if (twin >= 0) merged[twin] = { ...merged[twin], origin: "billingShipping" }
    else merged.push(candidate)
  }
  merged.sort((a, b) => OFFERED_KINDS.indexOf(a.kind) - OFFERED_KINDS.indexOf(b.kind))
  return [
    ...merged,
    ...valueCandidates("email", [{ origin: "order", value: order.email }]),
    ...valueCandidates("phone", [
      { origin: "billing", value: order.billing_address?.phone },
      { origin: "shipping", value: order.shipping_address?.phone },
    ]),
  ]
}

/**
 * Customer with her orders: a guest customer has no saved addresses, so the addresses of her
 * orders are offered too (each once, labelled "Order").
 */
export function customerAndOrderCandidates(customer: CustomerLike, orders: OrderLike[]): Candidate[] {
  const result = customerCandidates(customer)
  orders.forEach((order, index) => {
    const places = [order.billing_address, order.shipping_address].filter(hasPlace)
    places.forEach((address, at) => {
      for (const candidate of addressCandidates(`order${index}-${at}`, "order", address, customer)) {
        if (!result.some((c) => c.kind === candidate.kind && sameDraft(c.draft, candidate.draft))) result.push(candidate)
      }
    })
  })
  return result
}
