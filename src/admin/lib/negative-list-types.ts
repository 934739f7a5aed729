export { NEGATIVE_LIST_KINDS, NEGATIVE_LIST_SOURCES } from "../../engine/negative-list/types"
export type { NegativeListKind, NegativeListSource } from "../../engine/negative-list/types"
import type { NegativeListKind, NegativeListSource } from "../../engine/negative-list/types"

export type NegativeListEntry = {
  id: string
  kind: NegativeListKind
  first_name: string | null
  last_name: string | null
  company: string | null
  address_1: string | null
  address_2: string | null
  postal_code: string | null
  city: string | null
  country_code: string | null
  value: string | null
  display_hint: string | null
  reason: string
  source: NegativeListSource
  note: string | null
  expires_at: string | null
  created_at: string
}

export type NegativeListEntryInput = {
  kind: NegativeListKind
  first_name?: string
  last_name?: string
  company?: string
  address_1?: string
  address_2?: string
  postal_code?: string
  city?: string
  country_code?: string
  value?: string
  reason: string
  source: NegativeListSource
  note?: string
}

/** Kinds whose data is a person/address; the others carry one value. */
export const ADDRESS_KINDS: NegativeListKind[] = ["person", "address"]
