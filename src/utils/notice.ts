import { Decision, LocalizedText } from "../engine"

export type NoticeLocale = keyof LocalizedText

/** Picks the shopper's language: explicit locale, then the cart's, then Accept-Language, else English. */
export function resolveLocale(...candidates: Array<string | null | undefined>): NoticeLocale {
  for (const candidate of candidates) {
    const lang = candidate?.trim().toLowerCase().slice(0, 2)
    if (lang === "de" || lang === "en") {
      return lang
    }
  }
  return "en"
}

/** The neutral, merchant-editable notice when something was hidden; never a reason. */
export function noticeFor(decision: Decision, texts: LocalizedText, locale: NoticeLocale): string | null {
  if (!decision.hidden.length) {
    return null
  }
  return texts[locale] || texts.en || texts.de || null
}
