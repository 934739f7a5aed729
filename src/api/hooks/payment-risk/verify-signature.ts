import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StripeEventLike } from "../../../engine/outcomes/stripe-events"
import { PAYMENT_RISK_MODULE } from "../../../modules/payment-risk"
import HttpCreditCheckProvider from "../../../modules/payment-risk/credit/http"
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

/** Ids of the credit-check HTTP providers that sign with this secret (a provider that fails to load shares nothing). */
function creditProvidersSigningWith(req: MedusaRequest, secret: string): string[] {
  try {
    const providers = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getCreditProviders()
    return [...providers].flatMap(([id, provider]) => (provider instanceof HttpCreditCheckProvider && provider.signsWith(secret) ? [id] : []))
  } catch {
    return []
  }
}

/** The misconfiguration is logged once per process, not once per delivery. */
let sharedSecretLogged = false

/**
 * Verifies `x-payment-risk-timestamp` and `x-payment-risk-signature` (HMAC-SHA256 over
 * "payment-risk-outcomes:<timestamp>.<raw body>", see checkSignedRequest); 401 without a valid
 * one, before the body is even validated. The hook stays off (503, an error in the log) while
 * its secret is also a credit-check HTTP provider's: whoever holds one secret should not be able
 * to sign the other's messages.
 */
export function verifyOutcomesSignature(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const secret = secretOf(req, "outcomes")
  if (!secret) return notConfigured(res, "outcomes_webhook_secret")
  const sharing = creditProvidersSigningWith(req, secret)
  if (sharing.length) {
    if (!sharedSecretLogged) {
      sharedSecretLogged = true
      req.scope
        .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        .error(
          `payment-risk outcomes webhook: disabled — outcomes_webhook_secret is also the secret of the credit-check provider ${sharing.join(", ")}; give the webhook a secret of its own`
        )
    }
    return res.status(503).json({ message: "This webhook is disabled: its secret must differ from the credit check's (plugin option outcomes_webhook_secret)." })
  }
  const problem = checkSignedRequest({
    rawBody: (req as RawRequest).rawBody ?? "",
    timestamp: req.headers[TIMESTAMP_HEADER],
    signature: req.headers[SIGNATURE_HEADER],
    secret,
  })
  if (problem) return refused(req, res, "outcomes", problem)
  next()
}
