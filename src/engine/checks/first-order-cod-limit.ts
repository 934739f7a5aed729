import { knownAmount } from "../amount"
import { CheckOutcome, EngineContext, RiskCheck } from "../types"

/** Cash on delivery on a first order only up to the configured amount (major units of the cart's currency). */
export const firstOrderCodLimitCheck: RiskCheck = {
  id: "first_order_cod_limit",
  evaluate({ settings, facts, cart }: EngineContext): CheckOutcome[] {
    const rule = settings.first_order
    if (!rule.enabled || !facts.is_new_customer || rule.cod_max_amount === null) {
      return []
    }
    const total = knownAmount(cart.total)
    // An unknown total cannot be shown to be within the limit: fail safe.
    if (Number.isFinite(total) && total <= rule.cod_max_amount) {
      return []
    }
    return [
      {
        restriction: { kind: "hide_classes", classes: ["cash_on_delivery"] },
        reason: {
          check: "first_order_cod_limit",
          code: "cod_amount_above_first_order_maximum",
          message: `Cart total ${Number.isFinite(total) ? total : "unknown"} ${(cart.currency_code ?? "").toUpperCase()} is above the first-order cash-on-delivery maximum of ${rule.cod_max_amount}`,
          values: {
            total: Number.isFinite(total) ? total : null,
            currency_code: cart.currency_code,
            cod_max_amount: rule.cod_max_amount,
          },
        },
      },
    ]
  },
}
