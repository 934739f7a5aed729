import { parsePhoneNumberFromString, CountryCode } from "libphonenumber-js"
import { Checked, fail } from "./result"
import { memoByTwoStrings } from "../memo"

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/

/** Email trimmed and lowercased; a plain syntax check (local@domain.tld), not RFC 5322. */
export function checkEmail(input: string): Checked<{ email: string; domain: string }> {
  const email = input.trim().toLowerCase()
  if (!EMAIL.test(email)) {
    return fail("email_invalid", "is not an email address")
  }
  return { ok: true, email, domain: email.slice(email.lastIndexOf("@") + 1) }
}

/** A bare domain as entered for an email_domain entry ("@example.com" or "example.com"). */
export function checkEmailDomain(input: string): Checked<{ domain: string }> {
  const domain = input.trim().toLowerCase().replace(/^@/, "")
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain)) {
    return fail("domain_invalid", "is not an email domain")
  }
  return { ok: true, domain }
}

/** Phone in E.164 (libphonenumber-js), national numbers read for the given country. */
export function checkPhone(input: string, country: string = "DE"): Checked<{ e164: string }> {
  const e164 = e164Of(country, input)
  if (e164 === null) {
    return fail("phone_invalid", "is not a valid phone number")
  }
  return { ok: true, e164 }
}

/**
 * Parsing costs tens of µs and the plausibility check parses the billing and the shipping phone
 * (mostly the same number) in every decision: the (pure) result is kept per number and country
 * (as written: the parse reads it in capitals), in a small cache emptied when full. Callers get a
 * fresh result object each time.
 */
const PHONE_CACHE_SIZE = 500
const e164Of = memoByTwoStrings<string | null>(PHONE_CACHE_SIZE, (country, input) => {
  const parsed = parsePhoneNumberFromString(input, country.toUpperCase() as CountryCode)
  return parsed && parsed.isValid() ? (parsed.number as string) : null
})
