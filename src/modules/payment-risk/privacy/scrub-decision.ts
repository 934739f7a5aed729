import type { HiddenProvider, PaymentClass, RuleTrace } from "../../../engine"
import type { StoredDecision } from "../types/stored-decision"

/** A stored decision after erasure: anonymous figures only. */
export type ScrubbedDecision = StoredDecision & { erased: true }

/** ids and codes: provider ids (`pp_cash-on-delivery_manual`), rule ids, check ids, reason codes */
const CODE = /^[a-z0-9_.-]{1,100}$/i
/** a plausibility signal is `field:code`, e.g. `billing_address.postal_code:postcode_format` */
const PLAUSIBILITY_SIGNAL = /^[a-z0-9_.]{1,100}:[a-z0-9_]{1,100}$/i

const code = (value: unknown): string => (typeof value === "string" && CODE.test(value) ? value : "unknown")
const ids = (values: unknown): string[] => (Array.isArray(values) ? values.filter((v): v is string => typeof v === "string" && CODE.test(v)) : [])
const count = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) ? value : 0)
const record = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {}

/**
 * What an erased assessment keeps: the allowed and hidden provider ids with their risk classes,
 * each reason's check id and code, the counts the decision was based on, the plausibility
 * codes, the credit check's status and result class, the rules' ids, whether each held, the
 * score and the review flag. Gone: every value a condition or a reason read (IP, postcode,
 * email domain, credit score and reference, list entry ids), every message (they quote such
 * values) and the merchant's rule names. Pure; built from an allow-list, so a field added to
 * decisions later is dropped until it is added here on purpose.
 */
export function scrubDecision(decision: unknown): ScrubbedDecision {
  const d = record(decision)
  const facts = record(d.facts)
  const scrubbed: ScrubbedDecision = {
    allowed_provider_ids: ids(d.allowed_provider_ids),
    hidden: (Array.isArray(d.hidden) ? d.hidden : []).map((item): HiddenProvider => {
      const hidden = record(item)
      return {
        provider_id: code(hidden.provider_id),
        risk_class: code(hidden.risk_class) as PaymentClass,
        reasons: (Array.isArray(hidden.reasons) ? hidden.reasons : []).map((reason) => {
          const r = record(reason)
          return { check: code(r.check), code: code(r.code), message: "", values: {} }
        }),
      }
    }),
    facts: {
      paid_order_count: count(facts.paid_order_count),
      awaiting_payment_order_count: count(facts.awaiting_payment_order_count),
      is_new_customer: facts.is_new_customer === true,
    },
    erased: true,
  }
  if (d.signals) {
    const signals = record(d.signals)
    const credit = signals.credit ? record(signals.credit) : null
    scrubbed.signals = {
      plausibility: (Array.isArray(signals.plausibility) ? signals.plausibility : []).filter(
        (s): s is string => typeof s === "string" && PLAUSIBILITY_SIGNAL.test(s)
      ),
      credit: !credit
        ? null
        : credit.status === "answered"
          ? {
              status: "answered",
              provider_id: code(credit.provider_id),
              cached: credit.cached === true,
              result: code(credit.result),
              score: null,
              traffic_light: typeof credit.traffic_light === "string" ? code(credit.traffic_light) : null,
            }
          : { status: "failed" },
    }
  }
  if (d.rules) {
    const rules = record(d.rules)
    scrubbed.rules = {
      score: count(rules.score),
      review: rules.review === true,
      review_reasons: [],
      rules: (Array.isArray(rules.rules) ? rules.rules : []).map((item): RuleTrace => {
        const rule = record(item)
        const trace: RuleTrace = { rule_id: code(rule.rule_id), name: "", held: rule.held === true, actions: [] }
        if (typeof rule.skipped === "string") trace.skipped = code(rule.skipped) as RuleTrace["skipped"]
        return trace
      }),
    }
  }
  return scrubbed
}
