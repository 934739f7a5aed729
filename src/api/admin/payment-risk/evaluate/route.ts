import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { assessCart } from "../../../../risk/assess-cart"
import { AdminEvaluateCartType } from "./validators"

/**
 * "What does this cart see, and why": the decision with every rule's conditions and values,
 * without storing anything (no assessment, no cart signal, credit answers from the cache only).
 * An unknown cart answers 404.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminEvaluateCartType>, res: MedusaResponse) => {
  const { cart_id, ip } = req.validatedBody
  const { loaded, decision, credit_check } = await assessCart(req.scope, cart_id, { dryRun: true, ip: ip ?? null })
  res.json({
    cart: {
      id: loaded.cart.id,
      total: loaded.cart.total,
      currency_code: loaded.cart.currency_code,
      email: loaded.cart.email ?? null,
    },
    decision,
    credit_check: credit_check ?? null,
  })
}
