import { DEFAULT_CHECKS } from "../checks"
import { creditCheck } from "../checks/credit-check"
import { planCreditQuery } from "../credit/policy"
import type { CreditOutcome } from "../credit/types"
import { applyOutcomes } from "../engine"
import type { NegativeListMatch } from "../negative-list/types"
import type { RiskRule, RuleFacts, RulesResult } from "../rules/types"
import { EngineContext, EngineInput, PAYMENT_CLASSES, PaymentClass, RiskSettings } from "../types"
import { evaluateReplayRules } from "./replay-rules"
import { REPLAYABLE_VERSION, ReplayableAddress, ReplayableInput } from "./replayable"

export type ReplayResult = {
  /** ids of the rules that held, in evaluation order */
  rules_held: string[]
  score: number
  /** the order would go to review (a holding rule flags it, or the score reaches the review threshold) */
  review: boolean
  /** the score reaches the prepayment threshold */
  prepayment_only: boolean
  /** classes of the region's providers that would be hidden, in PAYMENT_CLASSES order */
  hidden_classes: PaymentClass[]
  hidden_provider_ids: string[]
  /** something was hidden */
  restricted: boolean
  /** the checks that hid something (`rules`, `negative_list`, …) and the ids of the rules whose actions hid something, sorted */
  causes: string[]
  /**
   * what the replay could not reproduce exactly: condition attributes read from data not kept
   * (see evaluateReplayRules), and `credit_check` when the draft would ask a bureau that was
   * not asked then (its answer is unknown: replayed as not asked)
   */
  inexact: string[]
  rules?: RulesResult
}

export type ReplayConfig = { rules: readonly RiskRule[]; settings: RiskSettings }

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value)

/** Whether a stored input can be replayed by this version: its version and the parts replay reads (anything else is "not replayable"). */
export function isReplayable(value: unknown): value is ReplayableInput {
  if (!isObject(value) || value.version !== REPLAYABLE_VERSION) return false
  const { cart, customer, signals } = value
  return (
    isObject(cart) && Array.isArray(cart.providers) && typeof cart.total === "number" &&
    isObject(customer) && typeof customer.paid_order_count === "number" &&
    isObject(signals) && Array.isArray(value.negative_list) && Array.isArray(value.plausibility) &&
    typeof value.evaluated_at === "string"
  )
}

const address = (a: ReplayableAddress | null) => (a ? { country_code: a.country_code, postal_code: a.postcode_prefix } : null)

function ruleFactsOf(r: ReplayableInput, settings: RiskSettings, isNew: boolean): RuleFacts {
  const average = r.cart.average_order_value
  return {
    cart: {
      total: r.cart.total,
      currency_code: r.cart.currency_code,
      item_count: r.cart.item_count,
      max_product_quantity: r.cart.max_product_quantity,
      total_vs_average: average === undefined ? undefined : average && average > 0 ? r.cart.total / average : undefined,
      sales_channel_id: r.cart.sales_channel_id,
      items: r.cart.items,
    },
    customer: {
      is_new: isNew,
      paid_order_count: r.customer.paid_order_count,
      days_since_first_paid_order: r.customer.days_since_first_paid_order,
      group_ids: r.customer.group_ids,
      has_unpaid_orders: r.customer.awaiting_payment_order_count > 0,
      has_overdue_orders: r.customer.has_overdue_orders,
      has_refused_cod: r.customer.has_refused_cod,
      has_returned_debit: r.customer.has_returned_debit,
      return_debits: r.customer.outcome_counts?.return_debits,
      chargebacks: r.customer.outcome_counts?.chargebacks,
      refused_cod_parcels: r.customer.outcome_counts?.refused_cod,
      open_dunning_amount: r.customer.outcome_counts?.open_dunning_amount,
      handed_over_orders: r.customer.outcome_counts?.handed_over,
    },
    billing_address: address(r.billing),
    shipping_address: address(r.shipping),
    // read only through the replay readers (replay-rules.ts)
    email: null,
    phone: null,
    ip: undefined,
    ip_country: r.ip_country,
    velocity: r.velocity,
    local_time: r.local_time,
    settings: settings.rules,
  }
}

function creditOf(r: ReplayableInput): CreditOutcome | undefined {
  const credit = r.credit
  if (!credit) return undefined
  if (credit.status === "failed") return { status: "failed", errors: [], ...(credit.limit ? { limit: credit.limit } : {}) }
  return {
    status: "answered",
    provider_id: credit.provider_id,
    cached: credit.cached,
    answer: { result: credit.result, score: credit.score, traffic_light: credit.traffic_light },
  }
}

/**
 * Replays the engine's decision on stored facts with a rule set and settings (today's or a
 * draft): the engine's own checks (`DEFAULT_CHECKS`) run on a context rebuilt from the facts,
 * the rules are evaluated by `evaluateReplayRules`. What cannot be recomputed from facts is
 * replayed as recorded: the negative-list matches (tolerant matching ran against the live list,
 * with the shopper's name and address), the plausibility findings (they read the address text)
 * and the credit answer — the latter only where the settings would have asked a bureau
 * (`planCreditQuery`, golden rule 3), as the adapter does.
 */
function engineFactsOf(r: ReplayableInput, settings: RiskSettings): EngineContext["facts"] {
  const required = Math.max(0, settings.first_order.paid_orders_required)
  return {
    paid_order_count: r.customer.paid_order_count,
    awaiting_payment_order_count: r.customer.awaiting_payment_order_count,
    is_new_customer: r.customer.paid_order_count < required,
  }
}

/** Only the rules' score on stored facts (what the threshold simulator needs; no checks run). 0 when the rules are off. */
export function replayScore(r: ReplayableInput, { rules, settings }: ReplayConfig): number {
  if (!rules.length || !settings.rules.enabled) return 0
  return evaluateReplayRules(rules, ruleFactsOf(r, settings, engineFactsOf(r, settings).is_new_customer), r).result.score
}

export function replayDecision(r: ReplayableInput, { rules, settings }: ReplayConfig): ReplayResult {
  const facts = engineFactsOf(r, settings)
  const inexact = new Set<string>()
  let rulesResult: RulesResult | undefined
  if (rules.length && settings.rules.enabled) {
    const evaluated = evaluateReplayRules(rules, ruleFactsOf(r, settings, facts.is_new_customer), r)
    rulesResult = evaluated.result
    evaluated.inexact.forEach((attribute) => inexact.add(attribute))
  }
  const matches: NegativeListMatch[] = r.negative_list.map((match, index) => ({
    entry_id: `replayed_${index}`,
    kind: match.kind,
    score: match.score,
    certain: match.certain,
    matched_on: match.matched_on,
    ...(match.action ? { action: match.action } : {}),
  }))
  const input: EngineInput = {
    cart: { id: "replayed", currency_code: r.cart.currency_code, total: r.cart.total, items: [], providers: r.cart.providers },
    history: { orders: [] },
    settings,
    negative_list_matches: matches,
    ...(r.probing ? { probing: r.probing } : {}),
  }
  const context: EngineContext = { ...input, facts, plausibility_findings: r.plausibility, ...(rulesResult ? { rules_result: rulesResult } : {}) }
  const outcomes = DEFAULT_CHECKS.flatMap((check) => check.evaluate(context))
  let decision = applyOutcomes(r.cart.providers, outcomes, facts)
  if (planCreditQuery(input, decision).ask) {
    const credit = creditOf(r)
    // the credit check reads only `credit` and the settings: its outcomes are added to the others
    if (credit) decision = applyOutcomes(r.cart.providers, [...outcomes, ...creditCheck.evaluate({ ...context, credit })], facts)
    else inexact.add("credit_check")
  }
  const hiddenClasses = new Set(decision.hidden.map((hidden) => hidden.risk_class))
  const causes = new Set<string>()
  for (const hidden of decision.hidden) {
    for (const reason of hidden.reasons) {
      causes.add(reason.check)
      if (reason.code === "rule_matched") causes.add(String(reason.values.rule_id))
    }
  }
  return {
    rules_held: rulesResult ? rulesResult.rules.filter((rule) => rule.held).map((rule) => rule.rule_id) : [],
    score: rulesResult?.score ?? 0,
    review: rulesResult?.review ?? false,
    prepayment_only: !!rulesResult && rulesResult.score >= settings.rules.prepayment_score,
    hidden_classes: PAYMENT_CLASSES.filter((c) => hiddenClasses.has(c)),
    hidden_provider_ids: decision.hidden.map((hidden) => hidden.provider_id),
    restricted: decision.hidden.length > 0,
    causes: [...causes].sort(),
    inexact: [...inexact].sort(),
    ...(rulesResult ? { rules: rulesResult } : {}),
  }
}
