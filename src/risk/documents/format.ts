/**
 * Amounts and dates as a letter or an export prints them, without the platform's locale data
 * (the same text on every server): de `1.234,56 €`, `09.10.2026`; en `€1,234.56`, `9 Oct 2026`.
 */
export type DocumentLanguage = "de" | "en"

const SYMBOLS: Record<string, string> = { EUR: "€", USD: "$", GBP: "£", CHF: "CHF" }
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
/** keeps an amount and its currency on one line */
export const NBSP = "\u00a0"

/** `1234.5` → `1.234,50` (de) / `1,234.50` (en); `thousands: false` leaves out the grouping (`1234,50`). */
export function formatNumber(amount: number, language: DocumentLanguage, thousands = true): string {
  const cents = Math.round(Math.abs(amount) * 100 + 1e-9)
  const whole = Math.floor(cents / 100).toString()
  const fraction = (cents % 100).toString().padStart(2, "0")
  const [group, decimal] = language === "de" ? [".", ","] : [",", "."]
  const grouped = thousands ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole
  return `${amount < 0 && cents > 0 ? "-" : ""}${grouped}${decimal}${fraction}`
}

/** `1.234,56 €` (de) / `€1,234.56` (en); a currency without a symbol is written as its code. */
export function formatMoney(amount: number, currencyCode: string, language: DocumentLanguage): string {
  const code = currencyCode.toUpperCase()
  const symbol = SYMBOLS[code] ?? code
  const number = formatNumber(amount, language)
  if (language === "de") return `${number}${NBSP}${symbol}`
  const [sign, digits] = number.startsWith("-") ? ["-", number.slice(1)] : ["", number]
  return symbol.length === 1 ? `${sign}${symbol}${digits}` : `${sign}${symbol}${NBSP}${digits}`
}

/** `2026-10-09` → `09.10.2026` (de) / `9 Oct 2026` (en); an unreadable day is returned as given. */
export function formatDate(day: string, language: DocumentLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day)
  if (!match) return day
  const [, year, month, date] = match
  if (language === "de") return `${date}.${month}.${year}`
  return `${Number(date)} ${MONTHS_EN[Number(month) - 1]} ${year}`
}

/** A rate in percent: `8.19` → `8,19 %` (de) / `8.19%` (en). */
export function formatRate(rate: number, language: DocumentLanguage): string {
  const number = formatNumber(rate, language, false)
  return language === "de" ? `${number}${NBSP}%` : `${number}%`
}

/** `DE89370400440532013000` → `DE89 3704 0044 0532 0130 00` (as printed on letters). */
export function formatIban(iban: string): string {
  return iban.replace(/\s+/g, "").replace(/(.{4})(?=.)/g, "$1 ")
}
