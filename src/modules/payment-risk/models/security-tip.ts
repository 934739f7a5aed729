import { model } from "@medusajs/framework/utils"

export const TIP_PLACEMENTS = ["checkout", "payment", "account", "order_confirmation", "footer"] as const

/**
 * A security tip for shoppers, managed by the merchant: Markdown body (rendered safely, no raw
 * HTML reaches the shopper), per locale and placement, ordered, switchable, optionally time-boxed.
 * Tips shipped by default carry a `default_key` so they are seeded only once.
 */
const SecurityTip = model
  .define({ name: "SecurityTip", tableName: "payment_risk_security_tip" }, {
    id: model.id({ prefix: "prtip" }).primaryKey(),
    title: model.text(),
    body: model.text(),
    locale: model.text(),
    placement: model.enum([...TIP_PLACEMENTS]),
    rank: model.number().default(0),
    active: model.boolean().default(true),
    valid_from: model.dateTime().nullable(),
    valid_until: model.dateTime().nullable(),
    default_key: model.text().nullable(),
  })
  .indexes([{ on: ["placement", "locale", "active"] }, { on: ["default_key"] }])

export default SecurityTip
