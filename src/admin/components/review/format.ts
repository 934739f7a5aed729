/** Amount with currency in the admin's language ("1.299,00 €"). */
export function money(amount: number | null, currency: string | null, language: string): string {
  if (amount === null || amount === undefined) return "–"
  if (!currency) return amount.toLocaleString(language)
  try {
    return amount.toLocaleString(language, { style: "currency", currency: currency.toUpperCase() })
  } catch {
    return `${amount.toLocaleString(language)} ${currency.toUpperCase()}`
  }
}

/** How long ago, e.g. "3 hours ago" / "vor 3 Stunden". */
export function age(iso: string, language: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000)
  const format = new Intl.RelativeTimeFormat(language, { numeric: "auto" })
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [["day", 86400], ["hour", 3600], ["minute", 60]]
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit)
  }
  return format.format(seconds, "second")
}

export const STATUS_COLOR = { none: "grey", pending: "orange", approved: "green", cancelled: "red" } as const
