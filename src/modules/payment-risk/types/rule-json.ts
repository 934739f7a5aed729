import type { ConditionGroup, RiskRule as EngineRule, RuleAction } from "../../../engine"

/**
 * The JSON columns of a risk rule (payment_risk_rule.conditions / .actions): a ConditionGroup
 * and a RuleAction[] (src/engine/rules/types.ts), read and written here. Their shape is checked
 * where it matters, by the engine (`ruleShapeIssues` when the rules are loaded for an
 * evaluation, the admin validators when they are written), so the readers only type them: a
 * damaged rule must reach that check unchanged to be reported by name.
 */
export function readRuleConditions(value: unknown): ConditionGroup {
  return value as ConditionGroup
}

export function readRuleActions(value: unknown): RuleAction[] {
  return value as RuleAction[]
}

/** The columns as the model's `json` type takes them (the actions are stored as a JSON array). */
export function ruleJsonColumns(rule: { conditions: ConditionGroup | Record<string, unknown>; actions: RuleAction[] | unknown[] }): {
  conditions: Record<string, unknown>
  actions: Record<string, unknown>
} {
  return {
    conditions: rule.conditions as Record<string, unknown>,
    actions: rule.actions as unknown as Record<string, unknown>,
  }
}

const isoOrNull = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : typeof value === "string" && value ? new Date(value).toISOString() : null

/** A stored rule row as the engine reads it (dates as ISO text). */
export function toEngineRule(row: {
  id: string
  name: string
  description?: string | null
  priority: number
  enabled: boolean
  valid_from?: unknown
  valid_until?: unknown
  conditions: unknown
  actions: unknown
  default_key?: string | null
}): EngineRule {
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? null,
    priority: row.priority,
    enabled: row.enabled,
    valid_from: isoOrNull(row.valid_from),
    valid_until: isoOrNull(row.valid_until),
    conditions: readRuleConditions(row.conditions),
    actions: readRuleActions(row.actions),
    default_key: row.default_key ?? null,
  }
}
