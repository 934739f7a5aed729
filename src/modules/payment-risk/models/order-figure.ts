import { model } from "@medusajs/framework/utils"

/**
 * One placed order for the merchant's figures (issue 17): when, currency and amount, the payment
 * class and provider it was paid with, the score and the rules that held or flagged it at
 * completion. What happened afterwards is read from the outcomes and the claim when the figures
 * are computed (never stored twice). No personal data beyond the order id, which is removed on
 * the shopper's erasure request; rows are deleted after `retention.figures_days`.
 */
const OrderFigure = model
  .define({ name: "OrderFigure", tableName: "payment_risk_order_figure" }, {
    id: model.id({ prefix: "prof" }).primaryKey(),
    order_id: model.text().nullable(),
    placed_at: model.dateTime(),
    currency_code: model.text(),
    /** order total, major units */
    amount: model.bigNumber(),
    payment_class: model.text().nullable(),
    provider_id: model.text().nullable(),
    score: model.number().default(0),
    /** ids of the rules that held on the order's assessment */
    rules_held: model.array(),
    /** ids of the rules that flagged the order for review */
    flagged_by: model.array(),
    review: model.boolean().default(false),
    /** a paid credit-check query was made for it (a cache hit is not paid) */
    credit_checked: model.boolean().default(false),
  })
  .indexes([
    { on: ["order_id"], unique: true, where: "order_id IS NOT NULL" },
    { on: ["placed_at", "currency_code"] },
  ])

export default OrderFigure
