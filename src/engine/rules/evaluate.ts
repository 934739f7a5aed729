import { applyOperator } from "./operators"
import { CONDITION_BY_ATTRIBUTE, ConditionDefinition, UNAVAILABLE } from "./registry"
import type { Condition, ConditionGroup, ConditionParams, ConditionTrace, RiskRule, RuleFacts, RulesResult, RuleTrace } from "./types"

type ConditionResult = Extract<ConditionTrace, { type: "condition" }>

// Traces are plain object literals: object spreads made evaluateRules several times slower (the
// bench budget is 0.2 ms per decision). The shape and key order are the ones the spreads gave:
// `params` (only when the condition has params) before `actual`, `unavailable` only when true.
function trace(condition: Condition, actual: unknown, held: boolean, unavailable: boolean): ConditionResult {
  const result: ConditionResult = condition.params
    ? { type: "condition", attribute: condition.attribute, operator: condition.operator, expected: condition.value ?? null, params: condition.params, actual, held }
    : { type: "condition", attribute: condition.attribute, operator: condition.operator, expected: condition.value ?? null, actual, held }
  if (unavailable) result.unavailable = true
  return result
}

/** What a condition without params reads (one frozen object instead of a new one per condition). */
const NO_PARAMS: ConditionParams = Object.freeze({})

/**
 * How a condition's value is read: by default the registry's reader on the facts. A backtest
 * replaying stored facts (src/engine/figures/replay-rules.ts) reads a few from what was stored.
 */
export type ConditionReader = (condition: Condition, definition: ConditionDefinition, facts: RuleFacts) => unknown

const readLive: ConditionReader = (condition, definition, facts) => definition.read(facts, condition.params ?? NO_PARAMS)

function evaluateCondition(condition: Condition, facts: RuleFacts, read: ConditionReader): ConditionTrace {
  const definition = CONDITION_BY_ATTRIBUTE.get(condition.attribute)
  if (!definition || !definition.operators.includes(condition.operator)) {
    // stored rules are validated on write; an unknown attribute (e.g. after a downgrade) never holds
    return trace(condition, null, false, true)
  }
  const actual = read(condition, definition, facts)
  if (actual === UNAVAILABLE) {
    return trace(condition, null, false, true)
  }
  const held = definition.test
    ? definition.test(actual, condition.operator, condition.value)
    : applyOperator(definition.type, condition.operator, actual, condition.value)
  return trace(condition, actual, held, false)
}

/** AND: all children hold (an empty group holds); OR: at least one does (an empty group does not). */
export function evaluateGroup(group: ConditionGroup, facts: RuleFacts, read: ConditionReader = readLive): ConditionTrace {
  const and = group.combinator === "and"
  let held = and
  const children: ConditionTrace[] = []
  for (const child of group.children) {
    const trace = child.type === "group" ? evaluateGroup(child, facts, read) : evaluateCondition(child, facts, read)
    children.push(trace)
    if (and ? !trace.held : trace.held) held = !and
  }
  return { type: "group", combinator: group.combinator, held, children }
}

function skipReason(rule: RiskRule, now: Date): RuleTrace["skipped"] {
  if (!rule.enabled) return "disabled"
  if (rule.valid_from && new Date(rule.valid_from).getTime() > now.getTime()) return "not_yet_valid"
  if (rule.valid_until && new Date(rule.valid_until).getTime() <= now.getTime()) return "expired"
  return undefined
}

const byPriority = (a: RiskRule, b: RiskRule) => a.priority - b.priority || a.name.localeCompare(b.name)

/**
 * The rules by priority, then name. Stored rules mostly come in that order already: checking it
 * is cheaper than sorting a copy, and the (stable) sort would keep that order anyway.
 */
function inPriorityOrder(rules: readonly RiskRule[]): readonly RiskRule[] {
  for (let i = 1; i < rules.length; i++) {
    if (byPriority(rules[i], rules[i - 1]) < 0) return [...rules].sort(byPriority)
  }
  return rules
}

/**
 * Every rule in priority order with the result of each condition; the score is the sum of the
 * points of the rules that held; review when a holding rule flags or the score reaches the
 * review threshold.
 */
export function evaluateRules(rules: readonly RiskRule[], facts: RuleFacts, now: Date = new Date(), read: ConditionReader = readLive): RulesResult {
  const traces: RuleTrace[] = []
  for (const rule of inPriorityOrder(rules)) {
    const skipped = skipReason(rule, now)
    if (skipped) {
      traces.push({ rule_id: rule.id, name: rule.name, actions: rule.actions, held: false, skipped })
      continue
    }
    const conditions = evaluateGroup(rule.conditions, facts, read)
    traces.push({ rule_id: rule.id, name: rule.name, actions: rule.actions, held: conditions.held, conditions })
  }
  const held = traces.filter((trace) => trace.held)
  const score = held.reduce(
    (sum, trace) => sum + trace.actions.reduce((s, a) => s + (a.type === "add_score" ? a.points : 0), 0),
    0
  )
  const review_reasons = held.filter((t) => t.actions.some((a) => a.type === "flag_review")).map((t) => t.name)
  if (score >= facts.settings.review_score) review_reasons.push(`score ${score} ≥ ${facts.settings.review_score}`)
  return { score, review: review_reasons.length > 0, review_reasons, rules: traces }
}
