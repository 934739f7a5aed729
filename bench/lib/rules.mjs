/**
 * The bench measures the plugin as a store runs it out of the box: the default rules seeded
 * (GET /admin/payment-risk/rules seeds them on first use) and switched on, and the negative
 * list, first-order rule and rules enabled in the settings. Throws otherwise.
 */
import { built } from "./host.mjs"

export function assertDefaultRules(settings, rules) {
  const { DEFAULT_RULES } = built("src/engine/index.js")
  const expected = DEFAULT_RULES.map((rule) => rule.default_key).sort()
  const stored = rules.filter((rule) => rule.default_key).map((rule) => rule.default_key).sort()
  const problems = []
  if (JSON.stringify(stored) !== JSON.stringify(expected)) problems.push(`default rules ${stored.join(",")} instead of ${expected.join(",")}`)
  const off = rules.filter((rule) => !rule.enabled).map((rule) => rule.name)
  if (off.length) problems.push(`rules switched off: ${off.join(", ")}`)
  for (const section of ["rules", "negative_list", "first_order", "plausibility"]) {
    if (!settings[section]?.enabled) problems.push(`settings.${section}.enabled is not true`)
  }
  if (problems.length) throw new Error(`the bench store does not run the default rules: ${problems.join("; ")}`)
  return {
    rules: rules.length,
    enabled_rules: rules.filter((rule) => rule.enabled).length,
    credit_check_enabled: !!settings.credit_check?.enabled,
    review_score: settings.rules.review_score,
    prepayment_score: settings.rules.prepayment_score,
  }
}
