import { model } from "@medusajs/framework/utils"

/**
 * One evaluated cart for the merchant's figures (issue 17): when, in which currency and for what
 * total, what was hidden and why, the score, whether a credit check ran and what it cost, and
 * later whether the cart became an order and with which class. No names, emails, addresses or
 * IPs. At most one row per cart and decision (`decision_key`): a shopper reloading the payment
 * step adds nothing; a changed decision adds one row. On the shopper's erasure request, and by the
 * daily job once `retention.assessment_days` have passed, `cart_id` becomes one random token per
 * cart (`erased:<uuid>`, so the cart still counts once) and `order_id` is removed; rows are
 * deleted after `retention.figures_days`.
 */
const CartEvaluation = model
  .define({ name: "CartEvaluation", tableName: "payment_risk_cart_evaluation" }, {
    id: model.id({ prefix: "prce" }).primaryKey(),
    cart_id: model.text().nullable(),
    /** hash of what decides the row: stage, allowed providers, hidden classes, causes, review */
    decision_key: model.text(),
    stage: model.enum(["listing", "completion"]),
    evaluated_at: model.dateTime(),
    currency_code: model.text(),
    /** cart total, major units */
    total: model.bigNumber(),
    /** something was hidden */
    restricted: model.boolean(),
    /** fallback decision (the evaluation failed or timed out) */
    fallback: model.boolean().default(false),
    /** check ids (`first_order`, `negative_list`, `credit_check`, `rules`, …) and rule ids that hid something */
    causes: model.array(),
    hidden_classes: model.array(),
    offered_classes: model.array(),
    /** ids of the rules that held */
    rules_held: model.array(),
    score: model.number().default(0),
    review: model.boolean().default(false),
    credit_ran: model.boolean().default(false),
    /** the answer came from the cache (no query paid) */
    credit_cached: model.boolean().default(false),
    credit_failed: model.boolean().default(false),
    /**
     * what the paid credit queries of this cart's evaluations with this decision cost (each
     * evaluation adds its own queries' price, as configured per bureau; cache hits are free)
     */
    credit_cost: model.float().default(0),
    /** how many paid credit queries (not cache hits) those evaluations made */
    credit_queries: model.number().default(0),
    /** the negative-list matches: [{ kind, source }] (no values) */
    list_matches: model.json().nullable(),
    /** set when the cart became an order */
    completed_at: model.dateTime().nullable(),
    order_id: model.text().nullable(),
    completed_class: model.text().nullable(),
    completed_provider_id: model.text().nullable(),
  })
  .indexes([
    { on: ["cart_id", "decision_key"], unique: true, where: "cart_id IS NOT NULL" },
    { on: ["evaluated_at", "currency_code"] },
    { on: ["order_id"] },
  ])

export default CartEvaluation
