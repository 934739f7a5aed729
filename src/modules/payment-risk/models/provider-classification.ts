import { model } from "@medusajs/framework/utils"
import { PAYMENT_CLASSES } from "../../../engine/types"

/** The risk class a merchant confirmed for a payment provider (`pp_…`). */
const ProviderClassification = model.define({ name: "ProviderClassification", tableName: "payment_risk_provider_class" }, {
  id: model.id({ prefix: "prpc" }).primaryKey(),
  provider_id: model.text().unique(),
  risk_class: model.enum([...PAYMENT_CLASSES]),
})

export default ProviderClassification
