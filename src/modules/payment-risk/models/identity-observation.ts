import { model } from "@medusajs/framework/utils"

/**
 * Probing protection: one row per cart, billing identity (keyed hash of the email and of the
 * billing person + address) and IP seen at the payment step. Counting distinct identities per
 * cart or per IP within the window happens in PostgreSQL, so the limit holds across instances.
 * Keyed hashes only; hard-deleted after `retention.identity_observation_days` (never before the
 * probing window) and on the shopper's erasure request (by cart, email key or customer id).
 */
const IdentityObservation = model
  .define({ name: "IdentityObservation", tableName: "payment_risk_identity_observation" }, {
    id: model.id({ prefix: "prido" }).primaryKey(),
    cart_id: model.text(),
    /** keyed hash of email + billing person + billing address */
    identity_key: model.text(),
    /** keyed hash of the email alone, for erasure requests */
    email_key: model.text().nullable(),
    customer_id: model.text().nullable(),
    /** keyed hash of the IP; '' when the caller knew none */
    ip_key: model.text().default(""),
  })
  .indexes([
    { on: ["cart_id", "identity_key", "ip_key"], unique: true, where: "deleted_at IS NULL" },
    { on: ["ip_key", "updated_at"] },
    { on: ["email_key"] },
  ])

export default IdentityObservation
