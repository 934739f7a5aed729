import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { placeholderValues } from "../../modules/payment-risk/tips"
import { languagePreferences } from "../../engine/language"
import { chooseTipLocale } from "./choose-locale"
import { ensureDefaultTips } from "./ensure-default-tips"
import { renderTipCached } from "./render-tip"

export type StoreTip = { id: string; title: string; html: string; placement: string; locale: string }

type TipRow = { id: string; title: string; body: string; locale: string; placement: string; updated_at: Date | string }

/**
 * The tips a shopper sees: active, inside their validity window, ordered by rank, in the requested
 * language if the placement has tips in it, else the shop's default language, else English, else
 * German, else any language that has tips (see `chooseTipLocale`). One query on the placement
 * index for all languages; Markdown is rendered once per tip version and shop details. A sentence
 * needing a placeholder the merchant left empty is left out of its tip; a tip with nothing left to
 * say (its title or every sentence needs one) is left out and does not count for the language.
 */
export async function loadStoreTips(
  service: PaymentRiskModuleService,
  query: { placement?: string; locale?: string; accept_language?: string | null }
): Promise<StoreTip[]> {
  await ensureDefaultTips(service, { trustMemo: true })
  const settings = await service.getSettings()
  const now = new Date()
  const rows = (await service.listSecurityTips(
    {
      ...(query.placement ? { placement: query.placement } : {}),
      active: true,
      $and: [
        { $or: [{ valid_from: null }, { valid_from: { $lte: now } }] },
        { $or: [{ valid_until: null }, { valid_until: { $gt: now } }] },
      ],
    },
    {
      select: ["id", "title", "body", "locale", "placement", "rank", "updated_at"],
      order: { rank: "ASC", created_at: "ASC" },
    }
  )) as TipRow[]

  const values = placeholderValues(settings.shop)
  const shown = rows.flatMap((tip) => {
    const rendered = renderTipCached(tip, values)
    return rendered.display === "hidden"
      ? []
      : [{ id: tip.id, title: rendered.title, html: rendered.html, placement: tip.placement, locale: tip.locale }]
  })
  // the shopper's languages in the order every shopper text follows; the shop default comes
  // after the browser's languages and before English (languagePreferences)
  const preferences = languagePreferences({
    request_locale: query.locale,
    accept_language: query.accept_language,
    shop_default: settings.shop.default_locale,
  })
  const localeByPlacement = new Map<string, string | null>()
  for (const placement of new Set(shown.map((tip) => tip.placement))) {
    const available = shown.filter((tip) => tip.placement === placement).map((tip) => tip.locale)
    localeByPlacement.set(placement, chooseTipLocale(available, preferences, settings.shop.default_locale))
  }
  return shown.filter((tip) => localeByPlacement.get(tip.placement) === tip.locale)
}
