import { postcodeValidator, postcodeValidatorExistsForCountry } from "postcode-validator"
import { AddressSnapshot } from "../types"
import { PlausibilityFinding } from "./types"

/** anchored at a word start, so a long run without "@" is not retried from every position */
const EMAIL_IN_TEXT = /(?<![^\s@])[^\s@]+@[^\s@]+\.[a-z]{2,}/i
/** six or more digits, possibly grouped: a phone number, not a house number */
const PHONE_IN_TEXT = /\+?\d(?:[\s/().-]?\d){5,}/
const HAS_DIGIT = /\d/

const blank = (value?: string | null) => !value || !value.trim()

/** Longest plausible value per field (characters): longer is a typo, a paste or an attack, never a real address. */
export const FIELD_MAX_LENGTH = {
  first_name: 100,
  last_name: 100,
  company: 200,
  address_1: 200,
  address_2: 200,
  postal_code: 20,
  city: 100,
  province: 100,
  phone: 40,
} as const

/** The limits as a list, built once (the check runs for every address of every decision). */
const FIELD_LIMITS = Object.entries(FIELD_MAX_LENGTH) as Array<[keyof typeof FIELD_MAX_LENGTH, number]>
const NAME_FIELDS = ["first_name", "last_name", "company"] as const
const ADDRESS_FIELDS = ["address_1", "address_2", "city"] as const

/** An email or a phone number in the text (the email pattern needs an "@": cheaper to ask first). */
const hasContact = (value: string) => (value.includes("@") && EMAIL_IN_TEXT.test(value)) || PHONE_IN_TEXT.test(value)

/**
 * Cheap checks of one address (seed 003 §5.1.1, typos cause refused cash-on-delivery parcels):
 * street with a house number, a postcode in the country's format (postcode-validator's
 * per-country rules), a city, and no phone number or email typed into a name or street field.
 */
export function checkAddress(address: AddressSnapshot, prefix: string): PlausibilityFinding[] {
  const findings: PlausibilityFinding[] = []
  const at = (field: string, code: PlausibilityFinding["code"]) => findings.push({ field: `${prefix}.${field}`, code })
  const country = (address.country_code ?? "").trim().toUpperCase()

  for (const [field, max] of FIELD_LIMITS) {
    if ((address[field]?.length ?? 0) > max) at(field, "too_long")
  }
  if (blank(address.address_1)) {
    at("address_1", "street_missing")
  } else if (!HAS_DIGIT.test(address.address_1!) && !(address.address_2 != null && HAS_DIGIT.test(address.address_2))) {
    at("address_1", "house_number_missing")
  }
  if (blank(address.postal_code)) {
    at("postal_code", "postcode_missing")
  } else if (country && postcodeValidatorExistsForCountry(country) && !postcodeValidator(address.postal_code!.trim(), country)) {
    at("postal_code", "postcode_format")
  }
  if (blank(address.city)) at("city", "city_missing")

  // contacts are looked for only in as much text as the field can plausibly hold: the regexes
  // stay cheap whatever a cart's saved address carries (a longer value is too_long anyway)
  const text = (field: keyof typeof FIELD_MAX_LENGTH) => address[field]?.slice(0, FIELD_MAX_LENGTH[field])
  for (const field of NAME_FIELDS) {
    const value = text(field)
    if (value && hasContact(value)) at(field, "contact_in_name")
  }
  for (const field of ADDRESS_FIELDS) {
    const value = text(field)
    if (value && hasContact(value)) at(field, "contact_in_address")
  }
  return findings
}
