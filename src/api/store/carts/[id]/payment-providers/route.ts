import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assessCart } from "../../../../../risk/assess-cart"
import { shopperRequestOf } from "../../../../utils/shopper-request"
import { creditCheckNoticeFor, noticeFor } from "../../../../../engine/notice"
import { shopperLocale } from "../../../../../engine/language"

/**
 * The cart's allowed payment providers, in the item shape of Medusa's
 * `GET /store/payment-providers`, plus a neutral notice when something was hidden and the
 * credit-check information where a check may apply. Nothing in the response says why.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const shopper = shopperRequestOf(req)
  const { loaded, snapshot, decision, settings } = await assessCart(req.scope, req.params.id, {
    ip: shopper.ip,
    authenticatedCustomerId: shopper.authenticated_customer_id,
  })
  const locale = shopperLocale({
    request_locale: shopper.locale,
    cart_locale: loaded.locale,
    accept_language: shopper.accept_language,
    shop_default: settings.shop.default_locale,
  })
  const payment_providers = decision.allowed_provider_ids.map((id) => ({ id, is_enabled: true }))
  res.json({
    payment_providers,
    count: payment_providers.length,
    offset: 0,
    limit: payment_providers.length,
    notice: noticeFor(decision, settings.notice, locale, snapshot.providers, settings.notice_restricted, settings.first_order.allowed_classes),
    credit_check_notice: creditCheckNoticeFor(snapshot, settings, locale),
  })
}
