import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ShopperRequest, shopperRequestStorage } from "../../risk/completion/shopper-request"

/**
 * What the request says about the shopper: the IP (as Express reads it, honouring the app's
 * `trust proxy`) and the customer the request is authenticated as — Medusa authenticates every
 * store route for customers with `allowUnauthenticated`, so a guest has none — and the language
 * the request asks for (a refusal is worded in it).
 */
export function shopperRequestOf(req: MedusaRequest): ShopperRequest {
  const auth = (req as MedusaRequest & { auth_context?: { actor_id?: string; actor_type?: string } }).auth_context
  return {
    ip: req.ip ?? null,
    authenticated_customer_id: auth?.actor_type === "customer" && auth.actor_id ? auth.actor_id : null,
    locale: req.locale ?? null,
    accept_language: req.get("accept-language") ?? null,
  }
}

/**
 * Middleware for `POST /store/carts/:id/complete`: the rest of the request (Medusa's route and
 * the complete-cart workflow it runs) sees the shopper's IP and account in its async context,
 * where the plugin's validate hook reads them.
 */
export function rememberShopperRequest(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  shopperRequestStorage.run({ ...shopperRequestOf(req), cart_id: req.params.id ?? null }, () => next())
}
