import { shopperLocale } from "../../engine/language"
import { formatDate, formatMoney as formatDocumentMoney, formatNumber } from "../documents/format"

/**
 * Amounts and dates as a dunning email prints them: the letters' formats (documents/format.ts),
 * so an email and its letter read the same — de `1.234,56 €`, `09.10.2026`; en `€1,234.56`,
 * `9 Oct 2026`.
 */
export type DunningLanguage = "de" | "en"

export function languageOf(locale: string | null | undefined): DunningLanguage {
  return locale?.toLowerCase().startsWith("en") ? "en" : "de"
}

/**
 * The language a shopper's dunning email or letter is written in: the order's (the language the
 * cart was shopped in, which Medusa keeps on the order as `locale`, e.g. "en-GB"), where the
 * plugin has texts in it (German, English); else the shop's default language; else English —
 * the order every shopper-facing text follows (engine: shopperLocale).
 */
export function dunningLanguageFor(order: { locale?: string | null } | null | undefined, shopDefault: string | null | undefined): DunningLanguage {
  return shopperLocale({ cart_locale: order?.locale ?? null, shop_default: shopDefault ?? null })
}

/** `1234.5` → `1.234,50` (de) / `1,234.50` (en). */
export const formatAmount = (amount: number, language: DunningLanguage): string => formatNumber(amount, language)

/** `1.234,56 €` (de) / `€1,234.56` (en); a currency without a symbol is written as its code. */
export const formatMoney = (amount: number, currencyCode: string, language: DunningLanguage): string =>
  formatDocumentMoney(amount, currencyCode, language)

/** "2026-10-09" → `09.10.2026` (de) / `9 Oct 2026` (en); anything unreadable stays as given. */
export const formatDay = (day: string | null | undefined, language: DunningLanguage): string => formatDate(day ?? "", language)
