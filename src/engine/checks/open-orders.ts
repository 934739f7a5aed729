import { CheckOutcome, EngineContext, RiskCheck } from "../types"

/**
 * Seed 003 §5.1.1: prank or bulk cash-on-delivery orders must not multiply. A new customer
 * with an order still awaiting payment gets only the configured classes (default prepayment).
 */
export const openOrdersCheck: RiskCheck = {
  id: "open_orders",
  evaluate({ settings, facts }: EngineContext): CheckOutcome[] {
    const rule = settings.first_order
    if (!rule.enabled || !facts.is_new_customer || facts.awaiting_payment_order_count === 0) {
      return []
    }
    return [
      {
        restriction: { kind: "allow_only_classes", classes: rule.pending_order_allowed_classes },
        reason: {
          check: "open_orders",
          code: "new_customer_with_order_awaiting_payment",
          message: `New customer already has ${facts.awaiting_payment_order_count} order(s) awaiting payment`,
          values: {
            awaiting_payment_order_count: facts.awaiting_payment_order_count,
            allowed_classes: rule.pending_order_allowed_classes,
          },
        },
      },
    ]
  },
}
