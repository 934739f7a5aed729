import { ConditionReader, evaluateRules } from "../rules/evaluate"
import { isDisposable, isFreeMail } from "../rules/domains"
import { CONDITION_BY_ATTRIBUTE, UNAVAILABLE } from "../rules/registry"
import type {
  Condition,
  RiskRule,
  RuleFacts,
  RulesResult,
  RuleSettings,
} from "../rules/types"
import { POSTCODE_PREFIX_LENGTH, ReplayableInput } from "./replayable"

/**
 * The merchant's rules evaluated on replayable facts by the engine's own `evaluateRules` (priority
 * order, validity window, AND/OR groups, score, review), every condition read by the engine's
 * registry — except the few whose live reading needs personal data: those read the result stored
 * at the time (`REPLAY_READERS`).
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

/** The rules' result on replayable facts, plus the attributes whose replay may differ from live. */
export function evaluateReplayRules(
  rules: readonly RiskRule[],
  facts: RuleFacts,
  replayable: ReplayableInput
): { result: RulesResult; inexact: string[] } {
  const differs = new Set<string>()
  const read: ConditionReader = (condition, definition, live) => {
    if (inexact(condition, replayable, live)) differs.add(condition.attribute)
    const own = REPLAY_READERS[condition.attribute]
    return own ? own(replayable, live.settings) : definition.read(live, condition.params ?? {})
  }
  const result = evaluateRules(rules, facts, new Date(replayable.evaluated_at), read)
  return { result, inexact: [...differs].sort() }
}
