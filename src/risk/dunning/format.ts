/**
 * Amounts and dates as a dunning email or letter prints them, the same on every server (no
 * platform locale data): de `1.234,56 €`, `09.10.2026`; en `€1,234.56`, `9 Oct 2026`.
 */
export type DunningLanguage = "de" | "en"

const SYMBOLS: Record<string, string> = { EUR: "€", USD: "$", GBP: "£" }
const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
const NBSP = "\u00a0"

export function languageOf(locale: string | null | undefined): DunningLanguage {
  return locale?.toLowerCase().startsWith("en") ? "en" : "de"
}

/** `1234.5` → `1.234,50` (de) / `1,234.50` (en). */
export function formatAmount(amount: number, language: DunningLanguage): string {
  const cents = Math.round(Math.abs(amount) * 100 + 1e-9)
  const whole = Math.floor(cents / 100).toString()
  const fraction = (cents % 100).toString().padStart(2, "0")
  const [group, decimal] = language === "de" ? [".", ","] : [",", "."]
  return `${amount < 0 && cents > 0 ? "-" : ""}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${decimal}${fraction}`
}

/** `1.234,56 €` (de) / `€1,234.56` (en); a currency without a symbol is written as its code. */
export function formatMoney(amount: number, currencyCode: string, language: DunningLanguage): string {
  const code = currencyCode.toUpperCase()
  const symbol = SYMBOLS[code] ?? code
  const number = formatAmount(amount, language)
  if (language === "de") return `${number}${NBSP}${symbol}`
  return symbol.length === 1 ? `${symbol}${number}` : `${symbol}${NBSP}${number}`
}

/** "2026-10-09" → `09.10.2026` (de) / `9 Oct 2026` (en); anything unreadable stays as given. */
export function formatDay(day: string | null | undefined, language: DunningLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day ?? "")
  if (!match) return day ?? ""
  const [, year, month, date] = match
  if (language === "de") return `${date}.${month}.${year}`
  return `${Number(date)} ${MONTHS_EN[Number(month) - 1]} ${year}`
}
