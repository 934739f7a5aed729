import type { RuleDTO, RuleInput } from "../../lib/rules-types"

/** A stored rule in the shape the rules API takes it. */
export const ruleInputOf = (rule: RuleDTO): RuleInput => ({
  name: rule.name,
  description: rule.description,
  priority: rule.priority,
  enabled: rule.enabled,
  valid_from: rule.valid_from,
  valid_until: rule.valid_until,
  conditions: rule.conditions,
  actions: rule.actions,
})

/**
 * The rule set a draft makes for "Test on past orders": the draft first (so an error naming
 * `rules, 0, …` is the draft's), then every other stored rule as it is, switched off ones
 * included; the rule being edited is replaced by the draft.
 */
export function ruleSetWith(draft: RuleInput, stored: readonly RuleDTO[], editingId?: string): RuleInput[] {
  return [draft, ...stored.filter((rule) => rule.id !== editingId).map(ruleInputOf)]
}
