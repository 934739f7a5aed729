import { model } from "@medusajs/framework/utils"

/**
 * The credit check's abuse limits: one row per credit check let through (a paid query or a cache
 * hit), written in the same transaction that counted the rows of the rolling hour under
 * advisory locks on the cart, IP and customer, so the limits hold exactly across server
 * instances. Keyed hashes only (identity, IP); rows older than a day are deleted as new ones
 * are written.
 */
const CreditReservation = model
  .define({ name: "CreditReservation", tableName: "payment_risk_credit_reservation" }, {
    id: model.id({ prefix: "prcr" }).primaryKey(),
    cart_id: model.text(),
    /** keyed hash of the person + address asked about (as on the credit query) */
    identity_hash: model.text(),
    /** keyed hash of the shopper's IP, when known */
    ip_key: model.text().nullable(),
    /** the authenticated customer, else the cart's customer */
    customer_id: model.text().nullable(),
    /** true for a query to a bureau (counts against queries per cart), false for a cache hit */
    paid: model.boolean().default(false),
  })
  .indexes([
    { on: ["cart_id", "created_at"] },
    { on: ["ip_key", "created_at"] },
    { on: ["customer_id", "created_at"] },
    { on: ["created_at"] },
  ])

export default CreditReservation
