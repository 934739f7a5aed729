import { CheckOutcome, EngineContext, RiskCheck } from "../types"

/** Seed 000: a new customer gets only the classes allowed for first orders (default COD, prepayment, guaranteed). */
export const firstOrderCheck: RiskCheck = {
  id: "first_order",
  evaluate({ settings, facts }: EngineContext): CheckOutcome[] {
    const rule = settings.first_order
    if (!rule.enabled || !facts.is_new_customer) {
      return []
    }
    return [
      {
        restriction: { kind: "allow_only_classes", classes: rule.allowed_classes },
        reason: {
          check: "first_order",
          code: "new_customer",
          message: `New customer: ${facts.paid_order_count} of ${rule.paid_orders_required} paid orders needed to unlock further payment methods`,
          values: {
            paid_order_count: facts.paid_order_count,
            paid_orders_required: rule.paid_orders_required,
            allowed_classes: rule.allowed_classes,
          },
        },
      },
    ]
  },
}
