import type { NegativeListKind } from "./negative-list-types"

type Address = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  postal_code?: string | null
  city?: string | null
  country_code?: string | null
  phone?: string | null
} | null | undefined

const clean = (values: Record<string, string | null | undefined>) =>
  Object.fromEntries(Object.entries(values).filter(([, v]) => !!v)) as Record<string, string>

const place = (a: NonNullable<Address>) =>
  clean({ address_1: a.address_1, address_2: a.address_2, postal_code: a.postal_code, city: a.city, country_code: a.country_code })

/** Draft entries per kind from a person's address, email and phone ("add to negative list"). */
export function prefillFrom(input: {
  person?: Address
  address?: Address
  email?: string | null
  phone?: string | null
}): Partial<Record<NegativeListKind, Record<string, string>>> {
  const result: Partial<Record<NegativeListKind, Record<string, string>>> = {}
  const person = input.person
  if (person?.address_1 && (person.last_name || person.company)) {
    result.person = { ...clean({ first_name: person.first_name, last_name: person.last_name, company: person.company }), ...place(person) }
  }
  const address = input.address ?? person
  if (address?.address_1) result.address = place(address)
  if (input.email) result.email = { value: input.email }
  const phone = input.phone || person?.phone || address?.phone
  if (phone) result.phone = { value: phone }
  return result
}
