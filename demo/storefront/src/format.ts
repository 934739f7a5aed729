import { intlLocale } from "./i18n"

/** Medusa v2 amounts are in major units (19.9 = 19,90 €). */
export function money(amount: number | null | undefined, currency: string): string {
  return new Intl.NumberFormat(intlLocale(), { style: "currency", currency: currency.toUpperCase() }).format(amount ?? 0)
}
