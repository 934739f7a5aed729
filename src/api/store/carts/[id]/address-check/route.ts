import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { checkPlausibility, plausibilityMessage } from "../../../../../engine"
import { loadCartSnapshot } from "../../../../../risk/readers/load-cart-snapshot"
import { shopperLocale } from "../../../../../engine/language"
import { PAYMENT_RISK_MODULE } from "../../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../../modules/payment-risk/service"
import { StoreCheckCartAddressType } from "./validators"

/**
 * Plausibility of the cart's addresses, email and phone — or of the data in the body, before
 * the storefront saves it — with a message per field in the shopper's language, so typos are
 * fixed before payment (seed 003 §5.1.1). Says nothing about any other check.
 */
export const POST = async (req: MedusaRequest<StoreCheckCartAddressType>, res: MedusaResponse) => {
  const { cart, locale } = await loadCartSnapshot(req.scope, req.params.id)
  const body = req.validatedBody ?? {}
  const checked = {
    email: body.email !== undefined ? body.email : cart.email,
    billing_address: body.billing_address !== undefined ? body.billing_address : cart.billing_address,
    shipping_address: body.shipping_address !== undefined ? body.shipping_address : cart.shipping_address,
  }
  const settings = await req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getSettings()
  const lang = shopperLocale({
    request_locale: req.locale,
    cart_locale: locale,
    accept_language: req.get("accept-language"),
    shop_default: settings.shop.default_locale,
  })
  const problems = checkPlausibility(checked).map((finding) => ({
    ...finding,
    message: plausibilityMessage(finding.code, lang),
  }))
  res.json({ valid: problems.length === 0, problems })
}
