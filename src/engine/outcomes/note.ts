import { redactPaymentNumbers } from "../payment-data/redact-log"

const EMAIL = /[^\s'"<>@]+@[^\s'"<>@]+\.[a-z]{2,}/gi

/**
 * An outcome's note as it is stored: the merchant's (or a letter's) free text, with what looks
 * like an email address, an IBAN, a card number or another long account number replaced by a
 * marker ([email], [iban], [card], [number]) — the note is shown in the admin and exported with
 * the claim, and must not become a second store of payment data. Empty → null.
 */
export function redactOutcomeNote(note: string | null | undefined): string | null {
  const text = note?.trim()
  if (!text) return null
  return redactPaymentNumbers(text.replace(EMAIL, "[email]"))
}
