import { PlaceholderValues, missingPlaceholders } from "../../../../modules/payment-risk/tips"
import { tipDisplay } from "../../../../risk/tips/render-tip"

type TipRow = {
  id: string
  title: string
  body: string
  locale: string
  placement: string
  rank: number
  active: boolean
  valid_from?: Date | string | null
  valid_until?: Date | string | null
  default_key?: string | null
  created_at?: Date | string
  updated_at?: Date | string
}

/**
 * A tip as the admin sees it, with the placeholders it uses that the shop details leave empty and
 * how shoppers get it meanwhile (`display`: `full`, `shortened` without the sentences needing them,
 * or `hidden` when its title or every sentence needs one).
 */
export function toTipResponse(tip: TipRow, values: PlaceholderValues) {
  return {
    id: tip.id,
    title: tip.title,
    body: tip.body,
    locale: tip.locale,
    placement: tip.placement,
    rank: tip.rank,
    active: tip.active,
    valid_from: tip.valid_from ?? null,
    valid_until: tip.valid_until ?? null,
    default_key: tip.default_key ?? null,
    created_at: tip.created_at,
    updated_at: tip.updated_at,
    missing_placeholders: missingPlaceholders(`${tip.title}\n${tip.body}`, values),
    display: tipDisplay(tip, values),
  }
}
