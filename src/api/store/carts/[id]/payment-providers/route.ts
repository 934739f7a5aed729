import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assessCart } from "../../../../../utils/assess-cart"
import { noticeFor, resolveLocale } from "../../../../../utils/notice"

/**
 * The cart's allowed payment providers, in the item shape of Medusa's
 * `GET /store/payment-providers`, plus a neutral notice when something was hidden.
 * Nothing in the response says why.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const { loaded, decision, settings } = await assessCart(req.scope, req.params.id, { ip: req.ip })
  const locale = resolveLocale(
    req.locale,
    loaded.locale,
    req.get("accept-language")
  )
  const payment_providers = decision.allowed_provider_ids.map((id) => ({ id, is_enabled: true }))
  res.json({
    payment_providers,
    count: payment_providers.length,
    offset: 0,
    limit: payment_providers.length,
    notice: noticeFor(decision, settings.notice, locale),
  })
}
