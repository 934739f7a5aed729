import { model } from "@medusajs/framework/utils"

/**
 * A merchant rule: nested AND/OR conditions (JSON, attributes from the engine's registry) and
 * actions. Rules shipped by default carry a `default_key` so they are seeded only once.
 */
const RiskRule = model
  .define({ name: "RiskRule", tableName: "payment_risk_rule" }, {
    id: model.id({ prefix: "prrule" }).primaryKey(),
    name: model.text(),
    description: model.text().nullable(),
    priority: model.number().default(100),
    enabled: model.boolean().default(true),
    valid_from: model.dateTime().nullable(),
    valid_until: model.dateTime().nullable(),
    /** ConditionGroup (src/engine/rules/types.ts) */
    conditions: model.json(),
    /** RuleAction[] */
    actions: model.json(),
    default_key: model.text().nullable(),
    created_by: model.text().nullable(),
    updated_by: model.text().nullable(),
  })
  .indexes([{ on: ["enabled", "priority"] }, { on: ["default_key"] }])

export default RiskRule
