import { timingSafeEqual } from "node:crypto"
import { sign, SIGNATURE_HEADER, TIMESTAMP_HEADER } from "../../modules/payment-risk/credit/http"

export { SIGNATURE_HEADER, TIMESTAMP_HEADER }

/** How far a signed request's timestamp may be from the server's clock (either way), in seconds. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

/**
 * What the outcomes hook's signature covers besides timestamp and body: its purpose. The
 * credit-check HTTP provider uses the same HMAC scheme and header names (its request signs
 * "<timestamp>.<body>", its answer "<request_id>.<body>"), so without it a request or answer of
 * the credit check, signed with the same secret, would pass as an outcome. No credit-check
 * signature starts with this text (a timestamp is digits, a request id a UUID).
 */
export const OUTCOMES_SIGNATURE_PURPOSE = "payment-risk-outcomes"

/** The text an outcomes notification's signature is made over: "payment-risk-outcomes:<timestamp>.<raw body>". */
export const outcomesSignedText = (timestamp: string, body: string) => `${OUTCOMES_SIGNATURE_PURPOSE}:${timestamp}.${body}`

export type SignatureProblem = "missing" | "malformed_timestamp" | "expired" | "mismatch"

/**
 * Checks a notification signed for the outcomes hook: headers `x-payment-risk-timestamp: <unix
 * seconds>` and `x-payment-risk-signature: sha256=<hex HMAC-SHA256(secret,
 * "payment-risk-outcomes:<timestamp>.<raw body>")>` (outcomesSignedText; the credit-check
 * provider's header names, with the hook's purpose in the signed text). A timestamp more than
 * five minutes old or ahead is refused (a recorded request cannot be replayed later; within the
 * window the event id makes a replay a duplicate). Comparison in constant time. Returns null
 * when the signature is good, else what is wrong.
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
  const expected = Buffer.from(sign(input.secret, outcomesSignedText(timestamp, body)))
  const given = Buffer.from(signature.trim())
  return given.length === expected.length && timingSafeEqual(given, expected) ? null : "mismatch"
}

/** The headers a sender puts on a body for the outcomes hook (the same helper the tests and a PSP adapter use). */
export function signRequest(secret: string, body: string, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, string> {
  const timestamp = String(nowSeconds)
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(secret, outcomesSignedText(timestamp, body)) }
}
