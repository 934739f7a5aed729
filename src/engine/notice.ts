import type { NoticeLocale } from "./language"
import type { CartSnapshot, Decision, LocalizedText, RiskSettings } from "./types"

export type { NoticeLocale } from "./language"

/** Picks the first of the candidates that is German or English, else English (see languagePreferences for the full order). */
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

/**
 * The credit-check information where a check may apply: credit checks on, a provider configured,
 * the cart at or above the threshold, and an unsafe class among the region's methods. It depends
 * on the cart and the settings only — never on whether this shopper was (or would be) asked — so
 * it cannot tell a listed shopper from anyone else.
 */
export function creditCheckNoticeFor(
  snapshot: Pick<CartSnapshot, "total" | "providers">,
  settings: RiskSettings,
  locale: NoticeLocale
): string | null {
  const credit = settings.credit_check
  const mayApply =
    credit.enabled &&
    credit.providers.length > 0 &&
    snapshot.total >= credit.min_amount &&
    snapshot.providers.some((p) => credit.unsafe_classes.includes(p.risk_class))
  return mayApply ? credit.consent_notice[locale] || credit.consent_notice.en || null : null
}
