/**
 * The payment reference (Verwendungszweck) a shopper puts on a bank transfer for one order: the
 * shop's short prefix and the order's display number, e.g. `MUSTERSHOP 1042`. It contains no
 * personal data (no name, no email), only characters every SEPA bank accepts (Latin letters,
 * digits, space), and stays the same for the order as long as the shop's name does: the
 * prepayment instructions, the GiroCode and every dunning letter print the same text.
 */
export const PAYMENT_REFERENCE_PREFIX_MAX = 12
export const FALLBACK_REFERENCE_PREFIX = "ORDER"

const UMLAUTS: Record<string, string> = { Ä: "AE", Ö: "OE", Ü: "UE", ß: "SS" }

/** The shop's statement descriptor or name as a reference prefix: `Müller & Söhne GmbH` → `MUELLERSOEHN`. */
export function referencePrefix(shop: { statement_descriptor?: string | null; name?: string | null }): string {
  for (const source of [shop.statement_descriptor, shop.name]) {
    const prefix = (source ?? "")
      .toUpperCase()
      .replace(/[ÄÖÜß]/g, (char) => UMLAUTS[char] ?? char)
      .normalize("NFD")
      .replace(/[^A-Z0-9]/g, "")
      .slice(0, PAYMENT_REFERENCE_PREFIX_MAX)
    if (prefix) return prefix
  }
  return FALLBACK_REFERENCE_PREFIX
}

/**
 * `<prefix> <display id>`; null without a usable display id (a positive whole number, as Medusa
 * numbers orders): never a reference built from an internal id or anything a shopper typed.
 */
export function paymentReference(
  shop: { statement_descriptor?: string | null; name?: string | null },
  displayId: number | string | null | undefined
): string | null {
  const id = typeof displayId === "number" ? displayId : Number(String(displayId ?? "").trim() || Number.NaN)
  if (!Number.isSafeInteger(id) || id <= 0) return null
  return `${referencePrefix(shop)} ${id}`
}
