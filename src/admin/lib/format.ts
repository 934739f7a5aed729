import { useMemo } from "react"
import { useTranslation } from "react-i18next"

/**
 * Dates, amounts and numbers in the admin's language (the i18n language the merchant chose in
 * the dashboard, not the browser's). The plain functions take the language; components use
 * `useFormat()`, which binds it.
 */

/** "24.12.2025" / "12/24/2025" */
export function formatDate(iso: string, language: string): string {
  return new Date(iso).toLocaleDateString(language)
}

/** "24.12.2025, 14:05:09"; `short`: "24.12.25, 14:05" */
export function formatDateTime(iso: string, language: string, style: "medium" | "short" = "medium"): string {
  const date = new Date(iso)
  return style === "short"
    ? date.toLocaleString(language, { dateStyle: "short", timeStyle: "short" })
    : date.toLocaleString(language)
}

/** Amount with currency ("1.299,00 €"); without a currency just the number; "–" without an amount. */
export function formatMoney(amount: number | null | undefined, currency: string | null | undefined, language: string): string {
  if (amount === null || amount === undefined) return "–"
  if (!currency) return amount.toLocaleString(language)
  try {
    return amount.toLocaleString(language, { style: "currency", currency: currency.toUpperCase() })
  } catch {
    return `${amount.toLocaleString(language)} ${currency.toUpperCase()}`
  }
}

/** A number with exactly `digits` decimals ("1,50"). */
export function formatDecimal(value: number, language: string, digits = 2): string {
  return value.toLocaleString(language, { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/** How long ago, e.g. "3 hours ago" / "vor 3 Stunden". */
export function formatAge(iso: string, language: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000)
  const format = new Intl.RelativeTimeFormat(language, { numeric: "auto" })
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [["day", 86400], ["hour", 3600], ["minute", 60]]
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit)
  }
  return format.format(seconds, "second")
}

/** The formatters bound to the admin's current language. */
export function useFormat() {
  const { i18n } = useTranslation()
  const language = i18n.language
  return useMemo(
    () => ({
      language,
      date: (iso: string) => formatDate(iso, language),
      dateTime: (iso: string, style?: "medium" | "short") => formatDateTime(iso, language, style),
      money: (amount: number | null | undefined, currency: string | null | undefined) => formatMoney(amount, currency, language),
      decimal: (value: number, digits?: number) => formatDecimal(value, language, digits),
      age: (iso: string) => formatAge(iso, language),
    }),
    [language]
  )
}
