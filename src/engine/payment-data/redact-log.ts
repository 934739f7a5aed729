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

/** A cell of a merchant's file as an error message may echo it: redacted and at most 40 characters. */
export function redactCell(cell: string): string {
  const text = redactForLog(cell)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}
