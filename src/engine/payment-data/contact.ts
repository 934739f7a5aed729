import { parsePhoneNumberFromString, CountryCode } from "libphonenumber-js"
import { Checked, fail } from "./result"

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
  const e164 = e164Of(input, country.toUpperCase())
  if (e164 === null) {
    return fail("phone_invalid", "is not a valid phone number")
  }
  return { ok: true, e164 }
}

/**
 * Parsing costs tens of µs and the plausibility check parses the billing and the shipping phone
 * (mostly the same number) in every decision: the (pure) result is kept per number and country,
 * in a small cache emptied when full. Callers get a fresh result object each time.
 */
const PHONE_CACHE_SIZE = 500
const e164Cache = new Map<string, string | null>()

function e164Of(input: string, country: string): string | null {
  const key = `${country}\u0000${input}`
  const cached = e164Cache.get(key)
  if (cached !== undefined) return cached
  const parsed = parsePhoneNumberFromString(input, country as CountryCode)
  const e164 = parsed && parsed.isValid() ? (parsed.number as string) : null
  if (e164Cache.size >= PHONE_CACHE_SIZE) e164Cache.clear()
  e164Cache.set(key, e164)
  return e164
}
