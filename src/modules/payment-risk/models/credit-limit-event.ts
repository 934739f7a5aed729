import { model } from "@medusajs/framework/utils"
import { CREDIT_LIMITS } from "../../../engine/credit/types"

/**
 * A credit check stopped by an abuse limit (nothing was queried; the cart got the failure
 * action): which limit, the configured maximum, the cart and when. Deleted with the credit
 * queries' retention period and on the shopper's erasure request (the cart id links to her).
 */
const CreditLimitEvent = model
  .define({ name: "CreditLimitEvent", tableName: "payment_risk_credit_limit_event" }, {
    id: model.id({ prefix: "prcle" }).primaryKey(),
    cart_id: model.text(),
    limit_name: model.enum([...CREDIT_LIMITS]),
    /** the limit's value when it was reached */
    max: model.number(),
  })
  .indexes([{ on: ["created_at"] }, { on: ["cart_id", "created_at"] }])

export default CreditLimitEvent
