import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { assessCart, CartAssessment } from "../../../utils/assess-cart"
import { loadOrderSnapshot, orderOfPaymentCollection } from "../../../utils/load-order-snapshot"
import { resolveLocale } from "../../../utils/notice"
import { REFUSED_PAYMENT_MESSAGE } from "../../../utils/validate-completion"
import { shopperRequestOf } from "../../utils/shopper-request"

/**
 * The decision for the cart — or the order (order edits, exchanges, claims paid through the
 * store API) — that the payment collection belongs to; null when the collection is unknown.
 */
async function assessCollection(req: MedusaRequest, collectionId: string): Promise<CartAssessment | null> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const shopper = shopperRequestOf(req)
  const judged = { ip: shopper.ip, authenticatedCustomerId: shopper.authenticated_customer_id }
  const { data } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: collectionId },
  })
  const cartId = (data[0] as { cart_id?: string } | undefined)?.cart_id
  if (cartId) {
    return assessCart(req.scope, cartId, judged)
  }
  const orderId = await orderOfPaymentCollection(req.scope, collectionId)
  const loaded = orderId ? await loadOrderSnapshot(req.scope, orderId) : null
  if (!loaded || !orderId) {
    return null
  }
  // judged against the order's customer and addresses; the order itself is not its own history
  return assessCart(req.scope, orderId, { ...judged, loaded, recordSignal: false, excludeOrderIds: [orderId] })
}

/**
 * First line of defence: a payment session for a provider the cart (or order) may not use is
 * refused with a neutral 400 before Medusa creates anything.
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
    const { data: collections } = await query.graph({ entity: "payment_collection", fields: ["id"], filters: { id: req.params.id } })
    if (!collections.length) {
      // Medusa's workflow answers an unknown collection with a 500 (2.21.2): answer 404 here
      return next(new MedusaError(MedusaError.Types.NOT_FOUND, `Payment collection with id: ${req.params.id} was not found`))
    }
    // a provider that does not exist is a malformed request, not a risk decision: no evaluation, nothing recorded
    const { data: providers } = await query.graph({ entity: "payment_provider", fields: ["id"], filters: { id: body.provider_id } })
    if (!providers.length) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: Value for field 'provider_id': unknown payment provider`))
    }
    const assessment = await assessCollection(req, req.params.id)
    // a collection of neither a cart nor an order is not the store's to pay: nothing is offered
    const allowed = assessment?.decision.allowed_provider_ids ?? []
    if (!allowed.includes(body.provider_id)) {
      const locale = resolveLocale(req.locale, assessment?.loaded.locale, req.get("accept-language"))
      const texts = assessment?.settings.refusal_message
      const message = texts?.[locale] || texts?.en || REFUSED_PAYMENT_MESSAGE
      return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, message))
    }
    return next()
  } catch (error) {
    return next(error)
  }
}
