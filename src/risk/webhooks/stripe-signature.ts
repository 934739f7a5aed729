import Stripe from "stripe"
import type { StripeEventLike } from "../../engine/outcomes/stripe-events"

/** Stripe's own tolerance: a signature more than five minutes old is refused. */
export const STRIPE_TOLERANCE_SECONDS = 300

/**
 * The event of a Stripe webhook request, verified with the official library against the
 * endpoint's signing secret (`Stripe-Signature` header, HMAC over the raw body, timestamp
 * within five minutes); null when the header is missing, forged, expired or the body is not
 * the one signed. No API key is needed: verification is local.
 */
export function verifyStripeEvent(rawBody: Buffer | string | undefined, header: unknown, secret: string): StripeEventLike | null {
  if (typeof header !== "string" || !header || rawBody === undefined) return null
  try {
    const event = Stripe.webhooks.constructEvent(rawBody, header, secret, STRIPE_TOLERANCE_SECONDS)
    return typeof event?.id === "string" && typeof event?.type === "string" ? (event as StripeEventLike) : null
  } catch {
    return null
  }
}
