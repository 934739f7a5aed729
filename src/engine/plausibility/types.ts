/** Codes of plausibility problems; the shopper sees a message per code, the admin the code. */
export const PLAUSIBILITY_CODES = [
  "street_missing",
  "house_number_missing",
  "postcode_missing",
  "postcode_format",
  "city_missing",
  "contact_in_name",
  "contact_in_address",
  "email_invalid",
  "phone_invalid",
  "too_long",
] as const
export type PlausibilityCode = (typeof PLAUSIBILITY_CODES)[number]

/** One problem: the field as the store API names it (e.g. `billing_address.postal_code`) and a code. */
export type PlausibilityFinding = { field: string; code: PlausibilityCode }
