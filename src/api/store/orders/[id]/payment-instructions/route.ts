import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { loadPaymentInstructions } from "../../../../../risk/payment-instructions/load-payment-instructions"
import { shopperRequestOf } from "../../../../utils/shopper-request"
import { StoreGetPaymentInstructionsType } from "./validators"

/**
 * How to pay a prepayment order by bank transfer: `{ payment_instructions: { amount,
 * currency_code, reference, due_date, account_holder, iban, bic, bank_name, epc_payload, epc_qr,
 * paid } }`. Only for the order's owner — the logged-in customer of the order, or a request with
 * the order's cart id (`?cart_id=`). Everything else (unknown order, someone else's, not paid by
 * prepayment, cancelled) is the same 404, so the answer never tells whether an order exists.
 */
export const GET = async (req: MedusaRequest<unknown, StoreGetPaymentInstructionsType>, res: MedusaResponse) => {
  const query = req.validatedQuery as StoreGetPaymentInstructionsType
  const instructions = await loadPaymentInstructions(req.scope, req.params.id, {
    customer_id: shopperRequestOf(req).authenticated_customer_id,
    cart_id: query.cart_id ?? null,
  })
  res.setHeader("Cache-Control", "private, no-store")
  if (!instructions) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Order not found")
  }
  res.json({ payment_instructions: instructions })
}
