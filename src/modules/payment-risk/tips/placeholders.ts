/** The placeholders a merchant may use in tip titles and bodies, filled from the shop details. */
export const TIP_PLACEHOLDERS = ["shop_name", "statement_descriptor", "hotline", "support_email"] as const
export type TipPlaceholder = (typeof TIP_PLACEHOLDERS)[number]
export type PlaceholderValues = Record<TipPlaceholder, string>

/** The shop details as stored in the settings (`shop` section). */
export type ShopDetailsLike = { name?: string; statement_descriptor?: string; hotline?: string; support_email?: string }

const PATTERN = /\{(shop_name|statement_descriptor|hotline|support_email)\}/g

export function placeholderValues(shop: ShopDetailsLike): PlaceholderValues {
  return {
    shop_name: shop.name?.trim() ?? "",
    statement_descriptor: shop.statement_descriptor?.trim() ?? "",
    hotline: shop.hotline?.trim() ?? "",
    support_email: shop.support_email?.trim() ?? "",
  }
}

/** The known placeholders a text uses, each once, in order of appearance. */
export function usedPlaceholders(text: string): TipPlaceholder[] {
  return [...new Set(Array.from(text.matchAll(PATTERN), (match) => match[1] as TipPlaceholder))]
}

/** The placeholders a text uses that have no value yet (the tip would show a gap). */
export function missingPlaceholders(text: string, values: PlaceholderValues): TipPlaceholder[] {
  return usedPlaceholders(text).filter((name) => !values[name])
}

/** Backslash-escapes Markdown punctuation so a value is shown as typed, never as formatting. */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_{}[\]()#+\-.!|<>~&"']/g, "\\$&").replace(/\r?\n/g, " ")
}

/**
 * Replaces the known placeholders; unknown `{words}` stay as they are. `escape` prepares a value
 * for its surroundings (Markdown for bodies; titles are plain text).
 */
export function fillPlaceholders(text: string, values: PlaceholderValues, escape: (value: string) => string = (v) => v): string {
  return text.replace(PATTERN, (_, name: TipPlaceholder) => escape(values[name]))
}
