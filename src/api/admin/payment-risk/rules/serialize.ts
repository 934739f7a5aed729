/** A stored rule as the admin API returns it (RuleDTO). */
export function toRuleResponse(row: {
  id: string
  name: string
  description?: string | null
  priority: number
  enabled: boolean
  valid_from?: Date | string | null
  valid_until?: Date | string | null
  conditions: unknown
  actions: unknown
  default_key?: string | null
  created_by?: string | null
  updated_by?: string | null
  created_at?: Date | string
  updated_at?: Date | string
}) {
  return {
    id: row.id,
    name: row.name,
    description: row.description ?? null,
    priority: row.priority,
    enabled: row.enabled,
    valid_from: row.valid_from ?? null,
    valid_until: row.valid_until ?? null,
    conditions: row.conditions,
    actions: row.actions,
    default_key: row.default_key ?? null,
    created_by: row.created_by ?? null,
    updated_by: row.updated_by ?? null,
    created_at: row.created_at,
    updated_at: row.updated_at,
  }
}
