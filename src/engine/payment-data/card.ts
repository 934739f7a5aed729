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
