import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { placeholderValues } from "../../modules/payment-risk/tips"
import { chooseTipLocale, tipLocaleCandidates } from "./choose-locale"
import { ensureDefaultTips } from "./ensure-default-tips"
import { hasMissingPlaceholders, renderTipCached } from "./render-tip"

export type StoreTip = { id: string; title: string; html: string; placement: string; locale: string }

type TipRow = { id: string; title: string; body: string; locale: string; placement: string; updated_at: Date | string }

/**
 * The tips a shopper sees: active, inside their validity window, ordered by rank, in the requested
 * language if the placement has tips in it, else the shop's default language, else English.
 * One indexed query (placement, locale, active) for all candidate languages; Markdown is rendered
 * once per tip version. Tips using a placeholder the merchant left empty are left out.
 */
export async function loadStoreTips(
  service: PaymentRiskModuleService,
  query: { placement?: string; locale?: string }
): Promise<StoreTip[]> {
  await ensureDefaultTips(service, { trustMemo: true })
  const settings = await service.getSettings()
  const candidates = tipLocaleCandidates(query.locale, settings.shop.default_locale)
  const now = new Date()
  const rows = (await service.listSecurityTips(
    {
      ...(query.placement ? { placement: query.placement } : {}),
      locale: candidates,
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
  const shown = rows.filter((tip) => !hasMissingPlaceholders(tip, values))
  const localeByPlacement = new Map<string, string | null>()
  for (const placement of new Set(shown.map((tip) => tip.placement))) {
    const available = shown.filter((tip) => tip.placement === placement).map((tip) => tip.locale)
    localeByPlacement.set(placement, chooseTipLocale(available, query.locale, settings.shop.default_locale))
  }
  return shown
    .filter((tip) => localeByPlacement.get(tip.placement) === tip.locale)
    .map((tip) => {
      const { title, html } = renderTipCached(tip, values)
      return { id: tip.id, title, html, placement: tip.placement, locale: tip.locale }
    })
}
