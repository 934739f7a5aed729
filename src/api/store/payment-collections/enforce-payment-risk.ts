import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { assessCart, CartAssessment } from "../../../risk/assess-cart"
import { LoadedCart } from "../../../risk/readers/load-cart-snapshot"
import { loadOrderSnapshot, orderOfPaymentCollection } from "../../../risk/readers/load-order-snapshot"
import { enforceSelection } from "../../../engine/enforcement"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { shopperRequestOf } from "../../utils/shopper-request"

type Owner = { cart_id: string } | { order_id: string; loaded: LoadedCart } | null

/** The cart — or the order (order edits, exchanges, claims paid through the store API) — the collection belongs to. */
async function ownerOf(req: MedusaRequest, collectionId: string): Promise<Owner> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart_payment_collection",
    fields: ["cart_id"],
    filters: { payment_collection_id: collectionId },
  })
  const cartId = (data[0] as { cart_id?: string } | undefined)?.cart_id
  if (cartId) return { cart_id: cartId }
  const orderId = await orderOfPaymentCollection(req.scope, collectionId)
  const loaded = orderId ? await loadOrderSnapshot(req.scope, orderId) : null
  return orderId && loaded ? { order_id: orderId, loaded } : null
}

/** The decision for the collection's cart or order (the order judged against its customer, not its own history). */
function assessOwner(req: MedusaRequest, owner: NonNullable<Owner>): Promise<CartAssessment> {
  const shopper = shopperRequestOf(req)
  const judged = { ip: shopper.ip, authenticatedCustomerId: shopper.authenticated_customer_id }
  if ("cart_id" in owner) return assessCart(req.scope, owner.cart_id, judged)
  return assessCart(req.scope, owner.order_id, { ...judged, loaded: owner.loaded, recordSignal: false, excludeOrderIds: [owner.order_id] })
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
    const owner = await ownerOf(req, req.params.id)
    if (!owner) {
      // only then is it worth asking whether the collection exists: Medusa's workflow answers an
      // unknown collection with a 500 (2.21.2), so answer 404 here
      const { data: collections } = await query.graph({ entity: "payment_collection", fields: ["id"], filters: { id: req.params.id } })
      if (!collections.length) {
        return next(new MedusaError(MedusaError.Types.NOT_FOUND, `Payment collection with id: ${req.params.id} was not found`))
      }
    }
    // a provider that does not exist is a malformed request, not a risk decision: no evaluation, nothing recorded
    const { data: providers } = await query.graph({ entity: "payment_provider", fields: ["id"], filters: { id: body.provider_id } })
    if (!providers.length) {
      return next(new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: Value for field 'provider_id': unknown payment provider`))
    }
    const assessment = owner ? await assessOwner(req, owner) : null
    const shopper = shopperRequestOf(req)
    const verdict = enforceSelection({
      // a collection of neither a cart nor an order is not the store's to pay: nothing is offered
      allowed_provider_ids: assessment?.decision.allowed_provider_ids ?? null,
      selected_provider_ids: [body.provider_id],
      needs_payment: true,
      refusal_message: assessment?.settings.refusal_message,
      language: {
        request_locale: shopper.locale,
        cart_locale: assessment?.loaded.locale,
        accept_language: shopper.accept_language,
        // also for a collection of nobody's cart: its refusal must read like every other one
        shop_default: (assessment?.settings ?? (await req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getSettings())).shop.default_locale,
      },
    })
    if (!verdict.allowed) {
      return next(new MedusaError(MedusaError.Types.NOT_ALLOWED, verdict.message))
    }
    return next()
  } catch (error) {
    return next(error)
  }
}
