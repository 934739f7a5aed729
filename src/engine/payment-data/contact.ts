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
  const parsed = parsePhoneNumberFromString(input, country.toUpperCase() as CountryCode)
  if (!parsed || !parsed.isValid()) {
    return fail("phone_invalid", "is not a valid phone number")
  }
  return { ok: true, e164: parsed.number }
}
