import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { findOrderById, findOrderByPaymentId } from "../../../../risk/webhooks/find-order"
import { withRedactedHandlerErrors } from "../../../utils/redact-request-errors"
import { recordWebhookOutcome } from "../record-outcome"
import { HookRecordOutcomeType } from "./validators"

/**
 * Any payment provider's notification (signed, see verify-signature.ts) → an outcome for the
 * order: 201 `{ received, duplicate: false, outcome, list_entries }` when new, 200 with
 * `duplicate: true` when the same `event_id` came before (also at the same moment), 404 for an
 * unknown order or payment.
 */
export const POST = withRedactedHandlerErrors(async (req: MedusaRequest<HookRecordOutcomeType>, res: MedusaResponse) => {
  const { event_id, order_id, payment_id, occurred_at, ...rest } = req.validatedBody
  const found = order_id ? await findOrderById(req.scope, order_id) : await findOrderByPaymentId(req.scope, payment_id!)
  const subject = `outcomes event ${event_id} (${order_id ? "order" : "payment"} ${order_id ?? payment_id})`
  const answer = await recordWebhookOutcome(
    req,
    found,
    // namespaced: a provider's event id cannot collide with a Stripe key (both are source "webhook")
    { ...rest, occurred_at: occurred_at ?? null, external_id: `psp:${event_id}` },
    subject
  )
  res.status(!answer.recorded ? 404 : answer.duplicate ? 200 : 201).json(answer.body)
})
