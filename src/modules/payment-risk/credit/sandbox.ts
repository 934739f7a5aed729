import { CreditCheckInput, CreditCheckProvider, CreditProviderError, delay } from "./provider"

/**
 * Deterministic stand-in for a bureau, for demos and tests. The answer follows the last name
 * (case-insensitive):
 *
 * | last name   | answer                                   |
 * |-------------|------------------------------------------|
 * | Hart        | hard negative feature                    |
 * | Mittel      | medium negative feature                  |
 * | Weich       | soft negative feature                    |
 * | Gelb / Rot  | no negative feature, traffic light yellow / red |
 * | Score450    | no negative feature, score 450 (any number) |
 * | Unbekannt   | the bureau does not know the person (`unknown`) |
 * | Fehler      | the provider fails (an error caused by the input: never opens the circuit breaker) |
 * | Langsam     | answers after 10 s (beyond any budget)   |
 * | Kaputt      | a malformed answer                       |
 * | anyone else | no negative feature, score 900, green    |
 *
 * Options: `latency_ms` (default 0) added to every answer.
 */
export default class SandboxCreditCheckProvider implements CreditCheckProvider {
  constructor(private readonly options: { latency_ms?: number } = {}) {}

  async check(input: CreditCheckInput, { signal }: { signal: AbortSignal }): Promise<unknown> {
    const name = (input.person.last_name ?? input.person.company ?? "").trim().toLowerCase()
    if (this.options.latency_ms) await delay(this.options.latency_ms, signal)
    const reference = `sandbox-${input.request_id}`
    const score = /^score(\d+)$/.exec(name)
    if (score) return { result: "none", score: Number(score[1]), reference }
    switch (name) {
      case "hart":
        return { result: "hard", reference }
      case "mittel":
        return { result: "medium", reference }
      case "weich":
        return { result: "soft", reference }
      case "gelb":
        return { result: "none", traffic_light: "yellow", reference }
      case "rot":
        return { result: "none", traffic_light: "red", reference }
      case "unbekannt":
        return { result: "unknown", reference }
      case "fehler":
        throw new CreditProviderError("sandbox bureau error", "provider_error")
      case "langsam":
        await delay(10_000, signal)
        return { result: "none", reference }
      case "kaputt":
        return { verdict: "maybe" }
      default:
        return { result: "none", score: 900, traffic_light: "green", reference }
    }
  }
}
