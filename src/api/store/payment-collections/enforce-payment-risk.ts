import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { assessCart } from "../../../utils/assess-cart"
import { shopperRequestOf } from "../../utils/shopper-request"
import { resolveLocale } from "../../../utils/notice"
import { REFUSED_PAYMENT_MESSAGE } from "../../../utils/validate-completion"

/**
 * First line of defence: a payment session for a provider the cart may not use is refused
 * with a neutral 400 before Medusa creates anything.
 */
export async function enforcePaymentRiskOnSession(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  try {
    const body = (req.body ?? {}) as { provider_id?: unknown }
    if (typeof body.provider_id !== "string") {
      // Medusa's own validator answers malformed bodies.
      return next()
    }
    const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "cart_payment_collection",
      fields: ["cart_id"],
      filters: { payment_collection_id: req.params.id },
    })
    const cartId = (data[0] as { cart_id?: string } | undefined)?.cart_id
    if (!cartId) {
      // Medusa's workflow answers an unknown collection with a 500 (2.21.2): answer 404 here
      const { data: collections } = await query.graph({ entity: "payment_collection", fields: ["id"], filters: { id: req.params.id } })
      return next(collections.length ? undefined : new MedusaError(MedusaError.Types.NOT_FOUND, `Payment collection with id: ${req.params.id} was not found`))
    }
    // a provider that does not exist is a malformed request, not a risk decision: no evaluation, nothing recorded
    const { data: providers } = await query.graph({ entity: "payment_provider", fields: ["id"], filters: { id: body.provider_id } })
    if (!providers.length) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: Value for field 'provider_id': unknown payment provider`))
    }
    const shopper = shopperRequestOf(req)
    const { decision, settings, loaded } = await assessCart(req.scope, cartId, {
      ip: shopper.ip,
      authenticatedCustomerId: shopper.authenticated_customer_id,
    })
    if (!decision.allowed_provider_ids.includes(body.provider_id)) {
      const locale = resolveLocale(req.locale, loaded.locale, req.get("accept-language"))
      const message = settings.refusal_message[locale] || settings.refusal_message.en || REFUSED_PAYMENT_MESSAGE
      return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, message))
    }
    return next()
  } catch (error) {
    return next(error)
  }
}
