import { model } from "@medusajs/framework/utils"

/**
 * One step in an order's review: flagged (by a rule, the score or as a duplicate), approved,
 * cancelled, listed, noted. Hard-deleted after `retention.review_event_days` and on the
 * shopper's erasure request (the events of her orders).
 */
const ReviewEvent = model
  .define({ name: "ReviewEvent", tableName: "payment_risk_review_event" }, {
    id: model.id({ prefix: "prrev" }).primaryKey(),
    order_id: model.text(),
    assessment_id: model.text().nullable(),
    action: model.enum(["flagged", "approved", "cancelled", "listed", "noted"]),
    /** admin user id, or null for the system */
    actor_id: model.text().nullable(),
    note: model.text().nullable(),
    details: model.json().nullable(),
  })
  .indexes([{ on: ["order_id", "created_at"] }])

export default ReviewEvent
