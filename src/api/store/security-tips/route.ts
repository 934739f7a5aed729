import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { etagMatches, strongEtag } from "../../../risk/tips/etag"
import { loadStoreTips } from "../../../risk/tips/load-store-tips"
import { StoreListSecurityTipsType } from "./validators"

/** Shared caches may keep the answer briefly; the ETag makes revalidation cheap. */
const CACHE_CONTROL = "public, max-age=60"

/**
 * Security tips for a place in the storefront (`?placement=checkout&locale=de`):
 * `{ tips: [{ id, title, html, placement, locale }] }`, title as plain text, html safe to insert.
 * The language comes from `?locale=` or the `x-medusa-locale` header (Medusa's `req.locale`), else
 * Accept-Language, else the shop's default language, else English (languagePreferences).
 */
export const GET = async (req: MedusaRequest<unknown, StoreListSecurityTipsType>, res: MedusaResponse) => {
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const query = req.validatedQuery as StoreListSecurityTipsType
  const tips = await loadStoreTips(service, {
    placement: query.placement,
    locale: req.locale ?? query.locale,
    accept_language: req.get("accept-language") ?? null,
  })
  const body = JSON.stringify({ tips })
  const etag = strongEtag(body)
  res.setHeader("ETag", etag)
  res.setHeader("Cache-Control", CACHE_CONTROL)
  res.vary("x-medusa-locale")
  res.vary("accept-language")
  if (etagMatches(req.get("if-none-match"), etag)) {
    res.status(304).end()
    return
  }
  res.setHeader("Content-Type", "application/json; charset=utf-8")
  res.status(200).send(body)
}
