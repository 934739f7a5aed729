import { generateEntityId } from "@medusajs/framework/utils"
import { RiskRule as EngineRule } from "../../../engine"
import type PaymentRiskModuleService from "../service"
import { ruleJsonColumns, toEngineRule } from "../types/rule-json"
import { Db } from "./sql"

/** settings row whose presence records that the default rules were seeded (once, ever) */
const RULES_SEEDED_SCOPE = "rules_seeded"

/** A default rule as shipped by the engine (`DEFAULT_RULES`). */
export type DefaultRuleRow = Omit<EngineRule, "id"> & { default_key: string }

/** Every rule (enabled or not), priority first then name, as the engine reads them. */
export async function listEngineRules(service: Pick<PaymentRiskModuleService, "listRiskRules">): Promise<EngineRule[]> {
  const rows = await service.listRiskRules({}, { order: { priority: "ASC", name: "ASC" } })
  return rows.map(toEngineRule)
}

/**
 * Seeds the default rules once in the life of the store: a marker row (unique scope) and the
 * rules are inserted in one transaction, so two instances starting at once seed once, and a
 * default rule the merchant deleted never comes back. Returns the number of rules inserted.
 */
export async function ensureDefaultRules(knex: Db, defaults: DefaultRuleRow[]): Promise<number> {
  const seeded = await knex("payment_risk_settings").where({ scope: RULES_SEEDED_SCOPE }).whereNull("deleted_at").first("id")
  if (seeded) {
    return 0
  }
  return await knex.transaction(async (trx) => {
    const now = new Date()
    const marker = await trx.raw(
      `insert into payment_risk_settings (id, scope, "values", created_at, updated_at)
       values (?, ?, ?::jsonb, ?, ?)
       on conflict (scope) where deleted_at is null do nothing
       returning id`,
      [generateEntityId(undefined, "prset"), RULES_SEEDED_SCOPE, JSON.stringify({ at: now.toISOString(), keys: defaults.map((d) => d.default_key) }), now, now]
    )
    if (!marker.rows.length || !defaults.length) {
      return 0
    }
    await trx("payment_risk_rule").insert(
      defaults.map((rule) => {
        const json = ruleJsonColumns(rule)
        return {
          id: generateEntityId(undefined, "prrule"),
          name: rule.name,
          description: rule.description ?? null,
          priority: rule.priority,
          enabled: rule.enabled,
          valid_from: rule.valid_from ?? null,
          valid_until: rule.valid_until ?? null,
          conditions: JSON.stringify(json.conditions),
          actions: JSON.stringify(json.actions),
          default_key: rule.default_key,
          created_at: now,
          updated_at: now,
        }
      })
    )
    return defaults.length
  })
}
