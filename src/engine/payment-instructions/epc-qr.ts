import { checkIban } from "../payment-data/iban"

/**
 * The EPC QR code ("GiroCode", EPC069-12 version 2): the text a banking app scans to fill in a
 * SEPA credit transfer. One element per line, separated by a line feed:
 *
 *  1 `BCD` service tag          5 BIC (optional in version 002)   9 purpose code (empty)
 *  2 `002` version              6 beneficiary name, ≤ 70          10 structured reference (empty)
 *  3 `1` character set UTF-8    7 IBAN                            11 unstructured remittance, ≤ 140
 *  4 `SCT` identification       8 amount `EUR12.34`               (12 beneficiary-to-originator info: unused)
 *
 * The last filled element ends the text (no trailing line feed); the whole text is at most 331
 * bytes. The QR symbol must use error correction level M (see `risk/documents/epc-qr-image.ts`).
 */
export type EpcQrInput = {
  /** beneficiary: the shop's account holder */
  name: string
  iban: string
  bic?: string | null
  /** major units, e.g. 12.34 */
  amount: number
  currency_code: string
  /** unstructured remittance information (the payment reference) */
  reference: string
}

export const EPC_MAX_BYTES = 331
export const EPC_MAX_NAME = 70
export const EPC_MAX_REFERENCE = 140
export const EPC_MIN_AMOUNT = 0.01
export const EPC_MAX_AMOUNT = 999_999_999.99

const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/

/** One line's text: no line breaks (they would shift every following element), spaces collapsed, at most `max` characters. */
export function epcField(value: string | null | undefined, max: number): string {
  const flat = (value ?? "").replace(/[\r\n\t\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim()
  // count characters (code points), not UTF-16 units: "€" is one character, an emoji too
  return Array.from(flat).slice(0, max).join("").trim()
}

/** `EUR12.34`; null outside 0.01 … 999,999,999.99 or for a value that is not a number. */
export function epcAmount(amount: number): string | null {
  if (!Number.isFinite(amount)) return null
  const cents = Math.round(amount * 100)
  if (cents < EPC_MIN_AMOUNT * 100 || cents > Math.round(EPC_MAX_AMOUNT * 100)) return null
  return `EUR${(cents / 100).toFixed(2)}`
}

function utf8Length(text: string): number {
  let bytes = 0
  for (const char of text) {
    const code = char.codePointAt(0)!
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
  }
  return bytes
}

/**
 * The GiroCode payload, or null when a bank app could not use it: no beneficiary name, no valid
 * IBAN, a currency other than EUR (SEPA credit transfers in a QR code are euro only), an amount
 * outside the allowed range. An invalid BIC is left out (optional since version 002). A reference
 * that would push the text over 331 bytes is shortened.
 */
export function epcQrPayload(input: EpcQrInput): string | null {
  if ((input.currency_code ?? "").trim().toUpperCase() !== "EUR") return null
  const name = epcField(input.name, EPC_MAX_NAME)
  if (!name) return null
  const checked = checkIban(input.iban ?? "")
  if (!checked.ok) return null
  const amount = epcAmount(input.amount)
  if (!amount) return null
  const bic = (input.bic ?? "").replace(/\s+/g, "").toUpperCase()

  const head = ["BCD", "002", "1", "SCT", BIC.test(bic) ? bic : "", name, checked.iban, amount, "", ""]
  let reference = epcField(input.reference, EPC_MAX_REFERENCE)
  const budget = EPC_MAX_BYTES - utf8Length(head.join("\n") + "\n")
  while (reference && utf8Length(reference) > budget) {
    reference = Array.from(reference).slice(0, -1).join("").trim()
  }
  const lines = reference ? [...head, reference] : head.slice(0, 8)
  const payload = lines.join("\n")
  return utf8Length(payload) <= EPC_MAX_BYTES ? payload : null
}

/** The payload's elements by name (for tests and for showing what a code contains). */
export function parseEpcQrPayload(payload: string) {
  const lines = payload.split("\n")
  return {
    service_tag: lines[0] ?? "",
    version: lines[1] ?? "",
    character_set: lines[2] ?? "",
    identification: lines[3] ?? "",
    bic: lines[4] ?? "",
    name: lines[5] ?? "",
    iban: lines[6] ?? "",
    amount: lines[7] ?? "",
    purpose: lines[8] ?? "",
    structured_reference: lines[9] ?? "",
    reference: lines[10] ?? "",
    lines: lines.length,
    bytes: utf8Length(payload),
  }
}
