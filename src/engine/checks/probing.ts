import { CheckOutcome, EngineContext, RiskCheck } from "../types"

/**
 * Probing of the provider list: a script that swaps emails and addresses on one cart, or from
 * one IP, learns from which methods appear whether someone is listed, known or owes money.
 * Beyond the merchant's limits the cart gets the fallback classes (safe methods only) — the
 * same neutral notice as every other restriction, nothing that tells the prober why.
 */
export const probingCheck: RiskCheck = {
  id: "probing",
  evaluate({ settings, probing }: EngineContext): CheckOutcome[] {
    if (!probing) return []
    const limits = settings.protection
    const outcomes: CheckOutcome[] = []
    const exceeded = (code: string, count: number, limit: number, scope: string) =>
      outcomes.push({
        restriction: { kind: "allow_only_classes", classes: settings.fallback_classes },
        reason: {
          check: "probing",
          code,
          message: `${count} different billing identities ${scope} within ${limits.identity_window_minutes} minutes (limit ${limit}): safe methods only`,
          values: { count, limit, window_minutes: limits.identity_window_minutes },
        },
      })
    if (probing.identities_on_cart > limits.max_identities_per_cart) {
      exceeded("too_many_identities_on_cart", probing.identities_on_cart, limits.max_identities_per_cart, "on this cart")
    }
    if (probing.identities_from_ip > limits.max_identities_per_ip) {
      exceeded("too_many_identities_from_ip", probing.identities_from_ip, limits.max_identities_per_ip, "from this IP address")
    }
    return outcomes
  },
}
