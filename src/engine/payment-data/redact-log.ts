import { redactPaymentData } from "./keyed-hash"

const EMAIL = /[^\s'"<>@]+@[^\s'"<>@]+\.[a-z]{2,}/gi
const LONG_DIGITS = /\b(?:\d[ -]?){12,}\b/g

/** IBANs, card numbers and other long digit runs (account numbers) replaced by a marker. */
export function redactPaymentNumbers(message: string): string {
  return redactPaymentData(message).replace(LONG_DIGITS, "[number]")
}

/** Error messages may quote SQL with values: never let emails, IBANs or card/account numbers reach a log. */
export function redactForLog(message: string): string {
  return redactPaymentData(message).replace(EMAIL, "[email]").replace(LONG_DIGITS, "[number]").slice(0, 500)
}
