import { model } from "@medusajs/framework/utils"

/**
 * The store's payment-risk settings, one row per scope ("store"). The values are kept as
 * JSON validated by the admin route's zod schema and merged with the engine's defaults on
 * read, so a new setting needs no migration.
 */
const RiskSettings = model.define({ name: "RiskSettings", tableName: "payment_risk_settings" }, {
  id: model.id({ prefix: "prset" }).primaryKey(),
  scope: model.text().unique(),
  values: model.json(),
})

export default RiskSettings
