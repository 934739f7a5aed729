import { model } from "@medusajs/framework/utils"

/**
 * The decision taken when a cart was completed (one row per cart, the latest attempt wins),
 * linked to the order once it exists. Listing payment methods does not write here. After the
 * retention period (settings `retention.assessment_days`) or on the shopper's erasure request
 * it is scrubbed: no email, customer id, order id or cart id (`erased:<id>`), identity key
 * `erased`, the decision reduced to anonymous figures (src/modules/payment-risk/privacy/scrub-decision.ts).
 */
const RiskAssessment = model
  .define({ name: "RiskAssessment", tableName: "payment_risk_assessment" }, {
    id: model.id({ prefix: "pra" }).primaryKey(),
    cart_id: model.text().unique(),
    order_id: model.text().nullable(),
    customer_id: model.text().nullable(),
    email: model.text().nullable(),
    /** normalised identity used for first-order state: "email:<email>" or "customer:<id>" */
    identity_key: model.text(),
    selected_provider_id: model.text().nullable(),
    outcome: model.enum(["accepted", "refused", "abandoned"]),
    fallback: model.boolean().default(false),
    /** { allowed_provider_ids, hidden: [{ provider_id, risk_class, reasons }], facts } */
    decision: model.json(),
    engine_version: model.text(),
    /**
     * what the checks and rules read, as facts without personal data (the figures engine's
     * `ReplayableInput`, versioned): backtests replay a draft on it. null: not recorded (fallback,
     * or before it existed) — reported as "not replayable". Removed when the row is scrubbed
     * (retention or erasure): it names nobody, but its time, total, postcode prefix, credit
     * score and outcome counts could be tied back to the order.
     */
    replayable: model.json().nullable(),
    /** sum of the points of the rules that held */
    risk_score: model.number().default(0),
    /** pending: held for review, no fulfillment until approved */
    review_status: model.enum(["none", "pending", "approved", "cancelled"]).default("none"),
  })
  .indexes([
    { on: ["order_id"] },
    { on: ["identity_key", "outcome"] },
    { on: ["review_status", "created_at"] },
  ])

export default RiskAssessment
