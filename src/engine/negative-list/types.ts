import type { ListAction } from "../types"

/**
 * Plain types of the negative list (Negativliste, seed 003 §5.2.2). Matching is pure: the
 * adapter fetches candidate entries by their indexed keys and the engine scores them.
 */

export const NEGATIVE_LIST_KINDS = [
  "person",
  "address",
  "email",
  "email_domain",
  "phone",
  "iban",
  "card",
  "ip",
  "customer",
] as const
export type NegativeListKind = (typeof NEGATIVE_LIST_KINDS)[number]

export const NEGATIVE_LIST_SOURCES = [
  "manual",
  "chargeback",
  "return_debit",
  "dunning",
  "cod_refused",
  "fraud_review",
  "import",
] as const
export type NegativeListSource = (typeof NEGATIVE_LIST_SOURCES)[number]

/** The fields of a person and postal address, in the order the list shows and exports them. */
export const PERSON_ADDRESS_FIELDS = [
  "first_name",
  "last_name",
  "company",
  "address_1",
  "address_2",
  "postal_code",
  "city",
  "country_code",
] as const
export type PersonAddressField = (typeof PERSON_ADDRESS_FIELDS)[number]

/** A person and address as a list entry stores it: every field present, null when empty. */
export type StoredPersonAddress = { [K in PersonAddressField]: string | null }

/** A person and/or postal address as typed by a merchant or a shopper. */
export type PersonAddress = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  postal_code?: string | null
  city?: string | null
  country_code?: string | null
}

/** What is checked against the list: a cart's data or the check route's body. */
export type MatchSubject = {
  /** billing and shipping address (each checked on its own) */
  addresses: PersonAddress[]
  email?: string | null
  phone?: string | null
  /** a clear IBAN (hashed before lookup, never stored) */
  iban?: string | null
  /** a clear card number (hashed before lookup, never stored) or a provider's fingerprint */
  card_number?: string | null
  card_fingerprint?: string | null
  ip?: string | null
  customer_id?: string | null
}

/** An entry as the engine sees it (no clear IBAN/card: only the keyed hash). */
export type NegativeListEntrySnapshot = PersonAddress & {
  id: string
  kind: NegativeListKind
  /** normalised single value: email, domain, E.164 phone, ip/CIDR, customer id; keyed hash for iban/card */
  value?: string | null
  expires_at?: string | Date | null
}

export type NegativeListMatch = {
  entry_id: string
  kind: NegativeListKind
  /** 0..1, 1 = identical after normalisation */
  score: number
  /** false for a possible match that needs review (e.g. an initial instead of a first name) */
  certain: boolean
  /** which fields matched, e.g. ["last_name", "first_name", "street", "house_number", "postal_code"] */
  matched_on: string[]
  /**
   * the entry's own action (an outcome's consequence, e.g. "hide invoice and direct debit" after
   * a return debit for lack of funds); null or absent: the list's action for the entry's kind
   */
  action?: ListAction | null
}
