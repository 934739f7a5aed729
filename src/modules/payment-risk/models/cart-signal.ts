import { model } from "@medusajs/framework/utils"

/**
 * What velocity and duplicate-order conditions count: one row per cart seen at checkout, with
 * keyed hashes of the shopper's email, phone, shipping address and IP (never the clear values),
 * and the time the cart became an order. Counting happens in PostgreSQL, so it holds across
 * several server instances. Hard-deleted after `retention.cart_signal_days` (never before the
 * longest velocity window of an enabled rule) and on the shopper's erasure request.
 */
const CartSignal = model
  .define({ name: "CartSignal", tableName: "payment_risk_cart_signal" }, {
    id: model.id({ prefix: "prsig" }).primaryKey(),
    cart_id: model.text().unique(),
    customer_id: model.text().nullable(),
    email_key: model.text().nullable(),
    phone_key: model.text().nullable(),
    address_key: model.text().nullable(),
    ip_key: model.text().nullable(),
    /** hash of the cart contents (variant × quantity), for duplicate orders */
    contents_key: model.text().nullable(),
    order_id: model.text().nullable(),
    completed_at: model.dateTime().nullable(),
  })
  .indexes([
    { on: ["email_key", "created_at"] },
    { on: ["phone_key", "created_at"] },
    { on: ["address_key", "created_at"] },
    { on: ["ip_key", "created_at"] },
    { on: ["customer_id", "created_at"] },
    { on: ["contents_key", "completed_at"] },
  ])

export default CartSignal
