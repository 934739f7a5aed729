import { timingSafeEqual } from "node:crypto"
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "../../modules/payment-risk/credit/http"

export { SIGNATURE_HEADER, TIMESTAMP_HEADER }

/** How far a signed request's timestamp may be from the server's clock (either way), in seconds. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

export type SignatureProblem = "missing" | "malformed_timestamp" | "expired" | "mismatch"

/**
 * Checks a request signed the way the credit-check HTTP provider signs its own requests, so a
 * merchant reuses one helper for both: headers `x-payment-risk-timestamp: <unix seconds>` and
 * `x-payment-risk-signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`.
 * A timestamp more than five minutes old or ahead is refused (a recorded request cannot be
 * replayed later; within the window the event id makes a replay a duplicate). Comparison in
 * constant time. Returns null when the signature is good, else what is wrong.
 */
export function checkSignedRequest(
  input: { rawBody: Buffer | string; timestamp: unknown; signature: unknown; secret: string },
  nowSeconds = Math.floor(Date.now() / 1000)
): SignatureProblem | null {
  const { timestamp, signature } = input
  if (typeof timestamp !== "string" || typeof signature !== "string" || !timestamp || !signature) return "missing"
  if (!/^\d{1,12}$/.test(timestamp)) return "malformed_timestamp"
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return "expired"
  const body = typeof input.rawBody === "string" ? input.rawBody : input.rawBody.toString("utf8")
  const expected = Buffer.from(sign(input.secret, `${timestamp}.${body}`))
  const given = Buffer.from(signature.trim())
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : "mismatch"
}

/** The headers a sender puts on a body (the same helper the tests and a PSP adapter use). */
export function signRequest(secret: string, body: string, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, string> {
  const timestamp = String(nowSeconds)
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(secret, `${timestamp}.${body}`) }
}
