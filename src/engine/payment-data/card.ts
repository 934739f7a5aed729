import cardValidator from "card-validator"
import { Checked, fail } from "./result"

/** Card number: digits only, Luhn, length and brand prefix (card-validator). */
export function checkCardNumber(input: string): Checked<{ number: string; brand: string; last4: string }> {
  const number = input.replace(/[\s-]/g, "")
  if (!/^\d{12,19}$/.test(number)) {
    return fail("card_length", "is not a card number (12 to 19 digits)")
  }
  const result = cardValidator.number(number)
  if (!result.card) {
    return fail("card_brand", "has no known card brand prefix")
  }
  if (!result.isValid) {
    return fail("card_luhn", "is not a valid card number (check digit or length)")
  }
  return { ok: true, number, brand: result.card.niceType, last4: number.slice(-4) }
}

/**
 * A payment provider's card fingerprint (e.g. Stripe's): 8–64 letters, digits, `_` or `-`,
 * not only digits (so a card number is never taken for a fingerprint).
 */
export function isCardFingerprint(input: string): boolean {
  return /^[A-Za-z0-9_-]{8,64}$/.test(input) && !/^\d+$/.test(input)
}

/**
 * Card expiry "MM/YY" or "MM/YYYY": a card is valid through the last day of its expiry month.
 * (A two-field format check; card-validator's own check reads the clock, this takes `now`.)
 */
export function checkCardExpiry(input: string, now: Date = new Date()): Checked<{ month: number; year: number }> {
  const match = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(input.trim())
  const month = match ? Number(match[1]) : 0
  if (!match || month < 1 || month > 12) {
    return fail("card_expiry_format", "is not an expiry date (MM/YY)")
  }
  const year = Number(match[2].length === 2 ? `20${match[2]}` : match[2])
  if (Date.UTC(year, month, 1) <= now.getTime()) {
    return fail("card_expired", "is in the past (the card has expired)")
  }
  return { ok: true, month, year }
}
