import { Checked, fail } from "./result"

// ibantools declares its types as ESM but ships a CommonJS build: load that, typed from its declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { electronicFormatIBAN, extractIBAN, isValidIBAN }: typeof import("ibantools", { with: { "resolution-mode": "require" } }) = require("ibantools")

/** IBAN: spaces removed, uppercase, country + length + mod-97 checksum (ibantools). */
export function checkIban(input: string): Checked<{ iban: string; country: string; last4: string }> {
  const iban = electronicFormatIBAN(input) ?? ""
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) {
    return fail("iban_format", "is not an IBAN")
  }
  if (!isValidIBAN(iban)) {
    return fail("iban_checksum", "is not a valid IBAN (country, length or checksum)")
  }
  const { countryCode } = extractIBAN(iban)
  return { ok: true, iban, country: countryCode ?? iban.slice(0, 2), last4: iban.slice(-4) }
}
