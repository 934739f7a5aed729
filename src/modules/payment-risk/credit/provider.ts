import type { CreditFailureKind } from "../../../engine/credit/types"

/**
 * A credit-check provider (Auskunftei: SCHUFA, CRIF, Creditreform/Boniversum, infoscore, or an
 * aggregator). A merchant adds a bureau by writing one class with `check`, and registering it
 * in the plugin options: `credit_check_providers: [{ id, resolve, options }]` (Medusa's
 * module-provider pattern: `resolve` is a package or path whose default export is the class).
 */
export type CreditCheckInput = {
  request_id: string
  person: { first_name: string | null; last_name: string | null; company: string | null; birth_date?: string | null }
  address: { address_1: string | null; address_2: string | null; postal_code: string | null; city: string | null; country_code: string | null }
  email: string | null
  amount: number
  currency_code: string
}

export interface CreditCheckProvider {
  /**
   * Asks the bureau. Resolves with the answer — `{ result: "none" | "soft" | "medium" | "hard" |
   * "unknown", score?, traffic_light?: "green" | "yellow" | "red", reference? }` — which the
   * plugin validates; anything else counts as a failure. Must stop when `signal` aborts (the time
   * budget ran out). To let the circuit breaker skip a bureau that is down, throw a
   * `CreditProviderError` of kind `transport` or `server_error`; any other error is recorded as
   * `provider_error` and never opens the breaker (a shopper's input might have caused it).
   */
  check(input: CreditCheckInput, context: { signal: AbortSignal }): Promise<unknown>
}

/** A provider's failure with its kind (see `CREDIT_FAILURE_KINDS`); `retryable` for the HTTP provider's retries. */
export class CreditProviderError extends Error {
  constructor(
    message: string,
    readonly kind: CreditFailureKind,
    readonly retryable = false
  ) {
    super(message)
    this.name = "CreditProviderError"
  }
}

export type CreditCheckProviderClass = new (options: Record<string, unknown>) => CreditCheckProvider

/** Waits, but stops with an error when the signal aborts. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error("aborted"))
    const timer = setTimeout(resolve, ms)
    signal.addEventListener("abort", () => {
      clearTimeout(timer)
      reject(new Error("aborted"))
    }, { once: true })
  })
}
