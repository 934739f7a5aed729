import { applyOperator } from "../rules/operators"
import { isDisposable, isFreeMail } from "../rules/domains"
import { CONDITION_BY_ATTRIBUTE, UNAVAILABLE } from "../rules/registry"
import type {
  Condition,
  ConditionGroup,
  ConditionTrace,
  RiskRule,
  RuleFacts,
  RulesResult,
  RuleSettings,
  RuleTrace,
} from "../rules/types"
import { POSTCODE_PREFIX_LENGTH, ReplayableInput } from "./replayable"

/**
 * The merchant's rules evaluated on replayable facts. The same steps as the engine's
 * `evaluateRules` (priority order, validity window, AND/OR groups, score = points of the rules
 * that held, review by flag or score), and every condition is read by the engine's own registry —
 * except the few whose live reading needs personal data: those read the result stored at the
 * time (`REPLAY_READERS`). Wanted refactor: `evaluateRules(rules, facts, now, readers?)` in
 * src/engine/rules/evaluate.ts would let this file drop its copy of the loop.
 */

type Reader = (replayable: ReplayableInput, settings: RuleSettings) => unknown

const stored = (value: boolean | null): unknown => (value === null ? UNAVAILABLE : value)

/** Readings from the stored results instead of the shopper's data (same answers, see replayableInputOf). */
const REPLAY_READERS: Record<string, Reader> = {
  "address.shipping_differs": (r) => stored(r.signals.shipping_differs),
  "shipping.is_packing_station": (r) => stored(r.signals.packing_station),
  "contact.phone_mobile_only": (r) => stored(r.signals.phone_mobile_only),
  "contact.phone_country_differs": (r) => stored(r.signals.phone_country_differs),
  "contact.email_domain": (r) => r.signals.public_email_domain ?? UNAVAILABLE,
  // a domain not kept was on neither list then; a draft's extra domains are applied to a kept one
  "contact.email_free_mail": (r, s) => (r.signals.has_email ? isFreeMail(r.signals.public_email_domain, s.extra_free_mail_domains) : UNAVAILABLE),
  "contact.email_disposable": (r, s) => (r.signals.has_email ? isDisposable(r.signals.public_email_domain, s.extra_disposable_domains) : UNAVAILABLE),
  // the IP is not kept
  "network.ip_in_range": () => UNAVAILABLE,
}

const POSTCODE_ATTRIBUTES = ["billing.postcode", "shipping.postcode"]

/**
 * Whether this condition's replayed reading may differ from the live one: a value that was not
 * kept (IP, a private email domain, more of a postcode than its prefix, a velocity window nobody
 * counted then). Such conditions are replayed as "unavailable" or on the prefix and reported.
 */
function inexact(condition: Condition, r: ReplayableInput, facts: RuleFacts): boolean {
  const { attribute, operator, value } = condition
  if (attribute === "network.ip_in_range") return r.signals.has_ip
  if (attribute === "contact.email_domain") return r.signals.has_email && !r.signals.public_email_domain
  // an own domain not kept might be one of the draft's extra domains
  if (attribute === "contact.email_free_mail") return r.signals.has_email && !r.signals.public_email_domain && facts.settings.extra_free_mail_domains.length > 0
  if (attribute === "contact.email_disposable") return r.signals.has_email && !r.signals.public_email_domain && facts.settings.extra_disposable_domains.length > 0
  if (POSTCODE_ATTRIBUTES.includes(attribute)) {
    const address = attribute.startsWith("billing") ? r.billing : r.shipping
    if (!address?.postcode_prefix) return false
    if (operator === "starts_with" || operator === "not_starts_with") return String(value ?? "").replace(/\s+/g, "").length > POSTCODE_PREFIX_LENGTH
    return true
  }
  if (attribute.startsWith("velocity.")) {
    // the adapter counted only the windows the rules of the time read
    return CONDITION_BY_ATTRIBUTE.get(attribute)?.read(facts, condition.params ?? {}) === UNAVAILABLE
  }
  return false
}

type Evaluation = { facts: RuleFacts; replayable: ReplayableInput; inexact: Set<string> }

type ConditionResult = Extract<ConditionTrace, { type: "condition" }>

// plain object literals, no spreads: the backtest replays every past order twice (as evaluate.ts)
function trace(condition: Condition, actual: unknown, held: boolean, unavailable: boolean): ConditionResult {
  const result: ConditionResult = condition.params
    ? { type: "condition", attribute: condition.attribute, operator: condition.operator, expected: condition.value ?? null, params: condition.params, actual, held }
    : { type: "condition", attribute: condition.attribute, operator: condition.operator, expected: condition.value ?? null, actual, held }
  if (unavailable) result.unavailable = true
  return result
}

function evaluateCondition(condition: Condition, e: Evaluation): ConditionTrace {
  const definition = CONDITION_BY_ATTRIBUTE.get(condition.attribute)
  if (!definition || !definition.operators.includes(condition.operator)) return trace(condition, null, false, true)
  if (inexact(condition, e.replayable, e.facts)) e.inexact.add(condition.attribute)
  const own = REPLAY_READERS[condition.attribute]
  const actual = own ? own(e.replayable, e.facts.settings) : definition.read(e.facts, condition.params ?? {})
  if (actual === UNAVAILABLE) return trace(condition, null, false, true)
  const held = definition.test
    ? definition.test(actual, condition.operator, condition.value)
    : applyOperator(definition.type, condition.operator, actual, condition.value)
  return trace(condition, actual, held, false)
}

function evaluateGroup(group: ConditionGroup, e: Evaluation): ConditionTrace {
  const children = group.children.map((child) => (child.type === "group" ? evaluateGroup(child, e) : evaluateCondition(child, e)))
  const held = group.combinator === "and" ? children.every((c) => c.held) : children.some((c) => c.held)
  return { type: "group", combinator: group.combinator, held, children }
}

function skipReason(rule: RiskRule, now: Date): RuleTrace["skipped"] {
  if (!rule.enabled) return "disabled"
  if (rule.valid_from && new Date(rule.valid_from).getTime() > now.getTime()) return "not_yet_valid"
  if (rule.valid_until && new Date(rule.valid_until).getTime() <= now.getTime()) return "expired"
  return undefined
}

const sorted = new WeakMap<readonly RiskRule[], RiskRule[]>()

/** The rules in evaluation order, sorted once per rule list (a backtest replays one list on every order). */
function inPriorityOrder(rules: readonly RiskRule[]): RiskRule[] {
  let ordered = sorted.get(rules)
  if (!ordered) sorted.set(rules, (ordered = [...rules].sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name))))
  return ordered
}

/** The rules' result on replayable facts, plus the attributes whose replay may differ from live. */
export function evaluateReplayRules(
  rules: readonly RiskRule[],
  facts: RuleFacts,
  replayable: ReplayableInput
): { result: RulesResult; inexact: string[] } {
  const now = new Date(replayable.evaluated_at)
  const e: Evaluation = { facts, replayable, inexact: new Set() }
  const ordered = inPriorityOrder(rules)
  const traces: RuleTrace[] = ordered.map((rule) => {
    const skipped = skipReason(rule, now)
    if (skipped) return { rule_id: rule.id, name: rule.name, actions: rule.actions, held: false, skipped }
    const conditions = evaluateGroup(rule.conditions, e)
    return { rule_id: rule.id, name: rule.name, actions: rule.actions, held: conditions.held, conditions }
  })
  const held = traces.filter((trace) => trace.held)
  const score = held.reduce((sum, t) => sum + t.actions.reduce((s, a) => s + (a.type === "add_score" ? a.points : 0), 0), 0)
  const review_reasons = held.filter((t) => t.actions.some((a) => a.type === "flag_review")).map((t) => t.name)
  if (score >= facts.settings.review_score) review_reasons.push(`score ${score} ≥ ${facts.settings.review_score}`)
  return { result: { score, review: review_reasons.length > 0, review_reasons, rules: traces }, inexact: [...e.inexact].sort() }
}
