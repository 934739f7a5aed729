import { createHmac, timingSafeEqual } from "node:crypto"
import { CreditCheckInput, CreditCheckProvider, CreditProviderError } from "./provider"

export type HttpCreditCheckOptions = {
  /** the merchant's endpoint (https; plain http only on loopback); receives the input as JSON */
  url: string
  /** shared secret for the HMAC-SHA256 signatures of request and response */
  secret: string
  /** retries after a network error or 5xx (default 0: a retry costs checkout time) */
  retries?: number
  /** send the shopper's email address to the endpoint (default false: data minimisation) */
  send_email?: boolean
  /** largest answer body read, in bytes (default 64 KiB); a longer answer is a failure */
  max_response_bytes?: number
}

export const SIGNATURE_HEADER = "x-payment-risk-signature"
export const TIMESTAMP_HEADER = "x-payment-risk-timestamp"
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024

/** `sha256=<hex>` of HMAC-SHA256(secret, payload). */
export function sign(secret: string, payload: string): string {
  return `sha256=${createHmac("sha256", secret).update(payload).digest("hex")}`
}

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** Loopback hosts, the only ones reached over plain http (local stand-ins, tests). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase()
  if (host === "localhost" || host === "::1") return true
  return /^127(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/.test(host)
}

function endpointOf(url: unknown): string {
  let parsed: URL
  try {
    parsed = new URL(String(url ?? ""))
  } catch {
    throw new Error("credit check provider http: option url (https) is required")
  }
  if (parsed.protocol === "https:") return parsed.toString()
  if (parsed.protocol === "http:" && isLoopbackHost(parsed.hostname)) return parsed.toString()
  throw new Error("credit check provider http: option url must use https (plain http only for loopback: 127.0.0.0/8, ::1, localhost)")
}

const fail = (message: string, kind: ConstructorParameters<typeof CreditProviderError>[1], retryable = false) =>
  new CreditProviderError(message, kind, retryable)

/** The body as text, at most `max` bytes: a longer one is cancelled and refused. */
async function readCapped(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get("content-length"))
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined)
    throw fail(`answer larger than ${max} bytes`, "invalid_answer")
  }
  if (!res.body) return ""
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    let part: ReadableStreamReadResult<Uint8Array>
    try {
      part = await reader.read()
    } catch (error) {
      throw fail(`reading the answer failed: ${(error as Error).message}`, "transport", true)
    }
    if (part.done) break
    size += part.value.byteLength
    if (size > max) {
      await reader.cancel().catch(() => undefined)
      throw fail(`answer larger than ${max} bytes`, "invalid_answer")
    }
    chunks.push(part.value)
  }
  return Buffer.concat(chunks).toString("utf8")
}

/**
 * Calls the merchant's own endpoint for bureaus it already integrates elsewhere.
 *
 * Wire format (version 2):
 * - Request: `POST <url>` with the input as JSON (`request_id`, `person`, `address`, `amount`,
 *   `currency_code`; `email` only with the option `send_email: true`), headers
 *   `x-payment-risk-timestamp: <unix seconds>` and
 *   `x-payment-risk-signature: sha256=HMAC-SHA256(secret, "<timestamp>.<body>")`.
 * - Answer: 2xx with a JSON body of at most `max_response_bytes` (64 KiB) and
 *   `x-payment-risk-signature: sha256=HMAC-SHA256(secret, "<request_id>.<response body>")`, where
 *   `request_id` is the one from the request. Binding the signature to the request id means an
 *   answer recorded for one request is refused for any other (no replay of a "none" answer).
 *   Version 1 signed the response body alone; such answers are now refused.
 * - https only (plain http only for loopback); redirects are not followed (a 3xx is a failure).
 *
 * Failures carry their kind: no connection → `transport`, 5xx → `server_error` (both retried
 * `retries` times and counted by the circuit breaker); 4xx → `client_error`; 3xx, a missing or
 * wrong signature, an oversized or non-JSON body → `invalid_answer` (never counted by the
 * breaker: a shopper's input could cause them). Timeouts come from the caller's signal.
 */
export default class HttpCreditCheckProvider implements CreditCheckProvider {
  private readonly options: Required<HttpCreditCheckOptions>

  constructor(options: Record<string, unknown>) {
    const { url, secret, retries, send_email, max_response_bytes } = options as Partial<HttpCreditCheckOptions>
    const endpoint = endpointOf(url)
    if (!secret || secret.length < 16) throw new Error("credit check provider http: option secret (≥ 16 characters) is required")
    if (send_email !== undefined && typeof send_email !== "boolean") throw new Error("credit check provider http: option send_email must be true or false")
    const max = max_response_bytes ?? DEFAULT_MAX_RESPONSE_BYTES
    if (!Number.isInteger(max) || max < 1024 || max > 1024 * 1024) {
      throw new Error("credit check provider http: option max_response_bytes must be a whole number from 1024 to 1048576")
    }
    this.options = { url: endpoint, secret, retries: retries ?? 0, send_email: send_email ?? false, max_response_bytes: max }
  }

  /**
   * Whether `secret` is this provider's signing secret (constant time). The outcomes hook uses the
   * same signature scheme and refuses to run with the same secret.
   */
  signsWith(secret: string): boolean {
    return sameSignature(secret, this.options.secret)
  }

  async check(input: CreditCheckInput, { signal }: { signal: AbortSignal }): Promise<unknown> {
    let attempt = 0
    for (;;) {
      try {
        return await this.once(input, signal)
      } catch (error) {
        const retryable = error instanceof CreditProviderError && error.retryable
        if (!retryable || attempt >= this.options.retries || signal.aborted) throw error
        attempt++
      }
    }
  }

  /** The request body: the input, without the email unless the merchant asked to send it. */
  private bodyOf(input: CreditCheckInput): string {
    if (this.options.send_email) return JSON.stringify(input)
    const { email: _email, ...rest } = input
    return JSON.stringify(rest)
  }

  private async once(input: CreditCheckInput, signal: AbortSignal): Promise<unknown> {
    const body = this.bodyOf(input)
    const timestamp = String(Math.floor(Date.now() / 1000))
    let res: Response
    try {
      res = await fetch(this.options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: sign(this.options.secret, `${timestamp}.${body}`),
        },
        body,
        redirect: "manual",
        signal,
      })
    } catch (error) {
      if (signal.aborted) throw fail("request aborted (time budget)", "timeout")
      throw fail(`request failed: ${(error as Error).message}`, "transport", true)
    }
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => undefined)
      throw fail(`bureau answered ${res.status} (redirects are not followed)`, "invalid_answer")
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined)
      throw res.status >= 500
        ? fail(`bureau answered ${res.status}`, "server_error", true)
        : fail(`bureau answered ${res.status}`, "client_error")
    }
    const text = await readCapped(res, this.options.max_response_bytes)
    const signature = res.headers.get(SIGNATURE_HEADER) ?? ""
    if (!sameSignature(signature, sign(this.options.secret, `${input.request_id}.${text}`))) {
      throw fail("answer signature is missing or wrong (not signed for this request)", "invalid_answer")
    }
    try {
      return JSON.parse(text)
    } catch {
      throw fail("answer is not JSON", "invalid_answer")
    }
  }
}
