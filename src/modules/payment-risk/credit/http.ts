import { createHmac, timingSafeEqual } from "node:crypto"
import { CreditCheckInput, CreditCheckProvider } from "./provider"

export type HttpCreditCheckOptions = {
  /** the merchant's endpoint; receives the input as JSON */
  url: string
  /** shared secret for the HMAC-SHA256 signatures of request and response */
  secret: string
  /** retries after a network error or 5xx (default 0: a retry costs checkout time) */
  retries?: number
}

export const SIGNATURE_HEADER = "x-payment-risk-signature"
export const TIMESTAMP_HEADER = "x-payment-risk-timestamp"

/** `sha256=<hex>` of HMAC-SHA256(secret, payload). */
export function sign(secret: string, payload: string): string {
  return `sha256=${createHmac("sha256", secret).update(payload).digest("hex")}`
}

function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * Calls the merchant's own endpoint for bureaus it already integrates elsewhere. The request
 * carries `x-payment-risk-timestamp` and `x-payment-risk-signature: sha256=HMAC(secret,
 * "<timestamp>.<body>")`; the answer must carry `x-payment-risk-signature: sha256=HMAC(secret,
 * <response body>)`, else it is refused. Timeouts come from the caller's signal.
 */
export default class HttpCreditCheckProvider implements CreditCheckProvider {
  private readonly options: HttpCreditCheckOptions

  constructor(options: Record<string, unknown>) {
    const { url, secret, retries } = options as Partial<HttpCreditCheckOptions>
    if (!url || !/^https?:\/\//.test(url)) throw new Error("credit check provider http: option url (http/https) is required")
    if (!secret || secret.length < 16) throw new Error("credit check provider http: option secret (≥ 16 characters) is required")
    this.options = { url, secret, retries: retries ?? 0 }
  }

  async check(input: CreditCheckInput, { signal }: { signal: AbortSignal }): Promise<unknown> {
    let attempt = 0
    for (;;) {
      try {
        return await this.once(input, signal)
      } catch (error) {
        const retryable = (error as { retryable?: boolean }).retryable
        if (!retryable || attempt >= (this.options.retries ?? 0) || signal.aborted) throw error
        attempt++
      }
    }
  }

  private async once(input: CreditCheckInput, signal: AbortSignal): Promise<unknown> {
    const body = JSON.stringify(input)
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
        signal,
      })
    } catch (error) {
      throw Object.assign(new Error(`request failed: ${(error as Error).message}`), { retryable: !signal.aborted })
    }
    const text = await res.text()
    if (!res.ok) throw Object.assign(new Error(`bureau answered ${res.status}`), { retryable: res.status >= 500 })
    const signature = res.headers.get(SIGNATURE_HEADER) ?? ""
    if (!sameSignature(signature, sign(this.options.secret, text))) throw new Error("answer signature is missing or wrong")
    try {
      return JSON.parse(text)
    } catch {
      throw new Error("answer is not JSON")
    }
  }
}
