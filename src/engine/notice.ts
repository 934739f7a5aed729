import type { NoticeLocale } from "./language"
import { DEFAULT_NOTICE, DEFAULT_RESTRICTED_NOTICE } from "./settings"
import type { CartSnapshot, Decision, LocalizedText, PaymentClass, ProviderSnapshot, RiskSettings } from "./types"

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

/** The generic notice (settings `notice_restricted`), re-exported where callers look for it. */
export { DEFAULT_RESTRICTED_NOTICE }

/** The classes the first-order text promises: it offers cash on delivery and prepayment. */
const FIRST_ORDER_PROMISE: readonly PaymentClass[] = ["cash_on_delivery", "prepayment"]

const pick = (texts: Partial<LocalizedText> | undefined, locale: NoticeLocale): string | null =>
  texts?.[locale] || texts?.en || texts?.de || null

/**
 * Which notice fits: `first_order` only when the first-order rule hid every hidden method and
 * cash on delivery and prepayment are both still offered; otherwise `restricted`, the generic
 * text (also when the offered methods are not known). So the notice never promises a method
 * the shopper cannot see, and never tells why something was hidden.
 */
export function noticeSituation(
  decision: Pick<Decision, "hidden" | "allowed_provider_ids">,
  offered?: ReadonlyArray<Pick<ProviderSnapshot, "id" | "risk_class">>,
  promise: readonly PaymentClass[] = FIRST_ORDER_PROMISE
): "first_order" | "restricted" | null {
  if (!decision.hidden.length) return null
  const byFirstOrder = decision.hidden.every((hidden) => hidden.reasons.some((reason) => reason.check === "first_order"))
  const allowed = new Set(decision.allowed_provider_ids)
  const visible = new Set((offered ?? []).filter((provider) => allowed.has(provider.id)).map((provider) => provider.risk_class))
  return byFirstOrder && promise.length > 0 && promise.every((risk_class) => visible.has(risk_class)) ? "first_order" : "restricted"
}

/**
 * What the first-order text promises: the shipped text names cash on delivery and prepayment; a
 * merchant's own text describes the classes the merchant lets first orders use (those of the
 * cart's methods). Without the merchant's classes, the shipped promise.
 */
function firstOrderPromise(
  shippedText: boolean,
  offered: ReadonlyArray<Pick<ProviderSnapshot, "risk_class">> | undefined,
  firstOrderClasses: readonly PaymentClass[] | undefined
): readonly PaymentClass[] {
  if (shippedText || !firstOrderClasses) return FIRST_ORDER_PROMISE
  const offeredClasses = new Set((offered ?? []).map((provider) => provider.risk_class))
  return firstOrderClasses.filter((risk_class) => offeredClasses.has(risk_class))
}

/**
 * The neutral, merchant-editable notice when something was hidden; never a reason. `texts` is
 * the first-order text (settings `notice`), `restricted` the generic one (default
 * DEFAULT_RESTRICTED_NOTICE); `offered` the cart's providers with their classes.
 */
export function noticeFor(
  decision: Pick<Decision, "hidden" | "allowed_provider_ids">,
  texts: LocalizedText,
  locale: NoticeLocale,
  offered?: ReadonlyArray<Pick<ProviderSnapshot, "id" | "risk_class">>,
  restricted: Partial<LocalizedText> = DEFAULT_RESTRICTED_NOTICE,
  firstOrderClasses?: readonly PaymentClass[]
): string | null {
  const situation = noticeSituation(decision, offered, firstOrderPromise(pick(texts, locale) === pick(DEFAULT_NOTICE, locale), offered, firstOrderClasses))
  if (!situation) return null
  return situation === "first_order"
    ? pick(texts, locale)
    : pick(restricted, locale) || pick(DEFAULT_RESTRICTED_NOTICE, locale)
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
