import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StripeEventLike } from "../../../engine/outcomes/stripe-events"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { checkSignedRequest, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "../../../risk/webhooks/signed-request"
import { verifyStripeEvent } from "../../../risk/webhooks/stripe-signature"

/** A request whose Stripe signature was verified: the event it carries. */
export type StripeHookRequest = MedusaRequest & { paymentRiskStripeEvent?: StripeEventLike }

type RawRequest = MedusaRequest & { rawBody?: Buffer }

const secretOf = (req: MedusaRequest, hook: "stripe" | "outcomes") =>
  req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getWebhookSecret(hook)

/** Without a configured secret nothing can be verified: 503 (the provider retries later), nothing recorded. */
const notConfigured = (res: MedusaResponse, option: string) =>
  res.status(503).json({ message: `This webhook is not configured (plugin option ${option}).` })

const refused = (req: MedusaRequest, res: MedusaResponse, hook: string, problem: string) => {
  // no body, no headers: a forged request gets nothing into the log but the fact
  req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(`payment-risk ${hook} webhook: signature refused (${problem})`)
  res.status(401).json({ message: "Signature missing, expired or invalid." })
}

/** Verifies the `Stripe-Signature` header with the endpoint's secret; 401 without a valid one. */
export function verifyStripeSignature(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const secret = secretOf(req, "stripe")
  if (!secret) return notConfigured(res, "stripe_webhook_secret")
  const event = verifyStripeEvent((req as RawRequest).rawBody, req.headers["stripe-signature"], secret)
  if (!event) return refused(req, res, "Stripe", "missing, expired or not matching")
  ;(req as StripeHookRequest).paymentRiskStripeEvent = event
  next()
}

/**
 * Verifies `x-payment-risk-timestamp` and `x-payment-risk-signature` (HMAC-SHA256 over
 * "<timestamp>.<raw body>", the credit-check provider's scheme); 401 without a valid one,
 * before the body is even validated.
 */
export function verifyOutcomesSignature(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const secret = secretOf(req, "outcomes")
  if (!secret) return notConfigured(res, "outcomes_webhook_secret")
  const problem = checkSignedRequest({
    rawBody: (req as RawRequest).rawBody ?? "",
    timestamp: req.headers[TIMESTAMP_HEADER],
    signature: req.headers[SIGNATURE_HEADER],
    secret,
  })
  if (problem) return refused(req, res, "outcomes", problem)
  next()
}
