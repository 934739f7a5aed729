import { createHmac } from "node:crypto"

/**
 * Keyed hash of an IBAN, card number or fingerprint: HMAC-SHA256 over `purpose:value`, so the
 * same digits under another purpose never collide and nobody without the secret can test
 * guesses against stored values.
 */
export function keyedHash(secret: string, purpose: "iban" | "card" | "card_fingerprint" | "credit_identity", value: string): string {
  return createHmac("sha256", secret).update(`${purpose}:${value}`).digest("hex")
}

const IBAN_LIKE = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/gi
const CARD_LIKE = /\b(?:\d[ -]?){12,18}\d\b/g

/** Masks anything that looks like an IBAN or a card number (for logs and error messages). */
export function redactPaymentData(text: string): string {
  return text.replace(IBAN_LIKE, "[iban]").replace(CARD_LIKE, "[card]")
}
