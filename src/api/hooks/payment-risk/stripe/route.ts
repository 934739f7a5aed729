import { MedusaResponse } from "@medusajs/framework/http"
import { stripeEventOutcome } from "../../../../engine/outcomes/stripe-events"
import { findOrderByProviderPaymentId } from "../../../../risk/webhooks/find-order"
import { withRedactedHandlerErrors } from "../../../utils/redact-request-errors"
import { recordWebhookOutcome } from "../record-outcome"
import { StripeHookRequest } from "../verify-signature"

/**
 * Stripe's events after checkout (signature verified by the middleware): a dispute, its win, an
 * early fraud warning or a failed SEPA debit → an outcome for the order paid with the event's
 * payment intent. 200 `{ received, duplicate, outcome }`; 200 `{ received, ignored }` for events
 * that record nothing and for a failed debit without an order; 404 when no order pays with the
 * intent of a dispute or fraud warning.
 */
export const POST = withRedactedHandlerErrors(async (req: StripeHookRequest, res: MedusaResponse) => {
  const event = req.paymentRiskStripeEvent!
  const mapping = stripeEventOutcome(event)
  if (!mapping.handled) {
    res.json({ received: true, ignored: true, reason: mapping.reason })
    return
  }
  const { payment_intent_id, charge_id: _charge, ...outcome } = mapping.outcome
  const subject = `Stripe ${event.type} ${event.id} (payment intent ${payment_intent_id ?? "none"})`
  const found = payment_intent_id ? await findOrderByProviderPaymentId(req.scope, payment_intent_id) : ({ found: "none" } as const)
  // a failed debit of a checkout that never became an order is nothing to record: answered 200,
  // so Stripe does not retry it for days (a shopper could otherwise flood the endpoint with failures)
  if (found.found === "none" && outcome.kind === "return_debit") {
    res.json({ received: true, ignored: true, reason: "no_order" })
    return
  }
  const answer = await recordWebhookOutcome(req, found, outcome, subject)
  res.status(answer.recorded ? 200 : 404).json(answer.body)
})
