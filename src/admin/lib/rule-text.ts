import type { TFunction } from "i18next"
import { DEFAULT_RULES, isDefaultRuleText } from "../../engine/rules/defaults"

type StoredRule = { default_key?: string | null; name: string; description?: string | null }

const KEY = "paymentRisk.rules.defaults"

/**
 * A rule's name in the admin's language: a default rule whose stored name is still the shipped
 * text is shown translated (rules.*.json `defaults.<default_key>`); a name the merchant typed is
 * shown as typed.
 */
export function ruleName(rule: StoredRule, t: TFunction): string {
  return isDefaultRuleText(rule.default_key, "name", rule.name) ? t(`${KEY}.${rule.default_key}.name`) : rule.name
}

/** A rule's description in the admin's language, like ruleName; null when there is none to show. */
export function ruleDescription(rule: StoredRule, t: TFunction): string | null {
  if (isDefaultRuleText(rule.default_key, "description", rule.description)) return t(`${KEY}.${rule.default_key}.description`)
  return rule.description?.trim() ? rule.description : null
}

/**
 * A rule name as it appears in an evaluation or a review reason (the name only, no key): the
 * shipped English name of a default rule is shown translated, any other name as given.
 */
export function ruleNameText(name: string, t: TFunction): string {
  const rule = DEFAULT_RULES.find((candidate) => isDefaultRuleText(candidate.default_key, "name", name))
  return rule ? t(`${KEY}.${rule.default_key}.name`) : name
}
