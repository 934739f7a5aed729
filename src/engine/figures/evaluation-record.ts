import { createHash } from "node:crypto"
import type { NegativeListKind, NegativeListSource } from "../negative-list/types"
import type { RulesResult } from "../rules/types"
import { Decision, HiddenProvider, PAYMENT_CLASSES, PaymentClass, ProviderSnapshot } from "../types"

/**
 * The row the figures keep per evaluated cart and decision (payment_risk_cart_evaluation, issue
 * 17), built from the engine's decision: no names, emails, addresses or IPs — only the cart id
 * (removed on erasure), classes, provider ids, check and rule ids, the score and the credit
 * check's bookkeeping. `decision_key` tells decisions apart, so a shopper reloading the payment
 * step adds no row and a changed decision adds one.
 */

export type EvaluationStage = "listing" | "completion"

/** The credit check of this evaluation, as the decision's signal and the query tell it. */
export type EvaluationCredit = {
  /** a credit check was asked (answered from the bureau or the cache, or failed) */
  ran: boolean
  /** the answer came from the cache: no query paid */
  cached: boolean
  failed: boolean
  /** what the paid queries of this evaluation cost (the configured price per query, summed) */
  cost: number
  /** how many paid queries (not cache hits) this evaluation made */
  queries: number
}

export type EvaluationListMatch = { kind: NegativeListKind; source: NegativeListSource | null }

export type EvaluationRecordInput = {
  stage: EvaluationStage
  cart_id: string
  evaluated_at: Date
  currency_code: string
  /** cart total, major units */
  total: number
  decision: Pick<Decision, "allowed_provider_ids" | "hidden" | "fallback" | "signals" | "rules">
  /** the region's providers with their classes (the offered classes are those of the allowed ones) */
  providers: readonly ProviderSnapshot[]
  /** the negative-list matches with their entries' sources (no values) */
  list_matches?: ReadonlyArray<{ kind: NegativeListKind; source?: NegativeListSource | null }>
  /** the paid credit queries this evaluation made and what they cost (default none; a cache hit is free) */
  paid_credit?: { queries: number; cost: number }
}

export type EvaluationRecord = {
  cart_id: string
  decision_key: string
  stage: EvaluationStage
  evaluated_at: Date
  /** lower case */
  currency_code: string
  total: number
  restricted: boolean
  fallback: boolean
  causes: string[]
  hidden_classes: PaymentClass[]
  offered_classes: PaymentClass[]
  rules_held: string[]
  score: number
  review: boolean
  credit_ran: boolean
  credit_cached: boolean
  credit_failed: boolean
  /** what this evaluation's paid credit queries cost (a later evaluation with the same decision adds its own) */
  credit_cost: number
  /** this evaluation's paid credit queries */
  credit_queries: number
  /** null when nothing matched */
  list_matches: EvaluationListMatch[] | null
}

/**
 * The checks that hid something (`first_order`, `negative_list`, `rules`, …) and the ids of the
 * rules whose actions hid something, sorted — as the replay computes them (ReplayResult.causes),
 * so live rows and backtests name causes alike.
 */
export function causesOf(hidden: readonly HiddenProvider[]): string[] {
  const causes = new Set<string>()
  for (const provider of hidden) {
    for (const reason of provider.reasons) {
      causes.add(reason.check)
      if (reason.code === "rule_matched" && reason.values?.rule_id != null) causes.add(String(reason.values.rule_id))
    }
  }
  return [...causes].sort()
}

/** Classes in PAYMENT_CLASSES order, each once. */
const inClassOrder = (classes: Iterable<PaymentClass>): PaymentClass[] => {
  const set = new Set(classes)
  return PAYMENT_CLASSES.filter((c) => set.has(c))
}

export type DecisionKeyParts = {
  stage: EvaluationStage
  allowed_provider_ids: readonly string[]
  hidden_classes: readonly PaymentClass[]
  causes: readonly string[]
  review: boolean
}

/**
 * What tells one decision from another for the figures: stage, allowed providers, hidden classes,
 * causes and review (order-independent), as a SHA-256 hex digest. The score, the credit answer
 * and the cart total are not part of it: a reload that changes none of the five is the same row.
 */
export function decisionKeyOf(parts: DecisionKeyParts): string {
  const canonical = JSON.stringify([
    parts.stage,
    [...new Set(parts.allowed_provider_ids)].sort(),
    inClassOrder(parts.hidden_classes),
    [...new Set(parts.causes)].sort(),
    parts.review,
  ])
  return createHash("sha256").update(canonical).digest("hex")
}

const nonNegative = (value: number) => Math.max(0, Number.isFinite(value) ? value : 0)

/**
 * The credit check's bookkeeping from the decision's signal and the paid queries the evaluation
 * made (counted where they were made: a failed query may have been paid, a cache hit never is).
 */
export function evaluationCreditOf(signals: Decision["signals"], paid: { queries: number; cost: number } = { queries: 0, cost: 0 }): EvaluationCredit {
  const credit = signals?.credit ?? null
  const queries = Math.round(nonNegative(paid.queries))
  const cost = queries ? nonNegative(paid.cost) : 0
  if (!credit) return { ran: queries > 0, cached: false, failed: false, cost, queries }
  const cached = credit.status === "answered" && credit.cached
  return { ran: true, cached, failed: credit.status === "failed", cost, queries }
}

/** Ids of the rules that held, in evaluation order. */
export function rulesHeldOf(rules: RulesResult | undefined): string[] {
  return rules ? rules.rules.filter((rule) => rule.held).map((rule) => rule.rule_id) : []
}

/**
 * Ids of the rules that sent the order to review: the holding rules with a `flag_review` action,
 * and, when the score reached the review threshold, the holding rules whose points made it.
 * Empty when the order does not go to review.
 */
export function flaggedByOf(rules: RulesResult | undefined): string[] {
  if (!rules?.review) return []
  const held = rules.rules.filter((rule) => rule.held)
  const flags = (rule: RulesResult["rules"][number]) => rule.actions.some((action) => action.type === "flag_review")
  const scores = (rule: RulesResult["rules"][number]) => rule.actions.some((action) => action.type === "add_score" && action.points > 0)
  // evaluateRules adds one reason per flagging rule (its name) and one for the score threshold
  const byScore = rules.review_reasons.length > held.filter(flags).length
  // in evaluation order (the backfill's SQL keeps the same order)
  return [...new Set(held.filter((rule) => flags(rule) || (byScore && scores(rule))).map((rule) => rule.rule_id))]
}

/** The figures row of one evaluated cart and its decision key. */
export function evaluationRecordOf(input: EvaluationRecordInput): EvaluationRecord {
  const { decision } = input
  const allowed = new Set(decision.allowed_provider_ids)
  const hidden_classes = inClassOrder(decision.hidden.map((hidden) => hidden.risk_class))
  const offered_classes = inClassOrder(input.providers.filter((provider) => allowed.has(provider.id)).map((provider) => provider.risk_class))
  const causes = causesOf(decision.hidden)
  const review = decision.rules?.review ?? false
  const credit = evaluationCreditOf(decision.signals, input.paid_credit)
  const matches = (input.list_matches ?? []).map(({ kind, source }) => ({ kind, source: source ?? null }))
  return {
    cart_id: input.cart_id,
    decision_key: decisionKeyOf({ stage: input.stage, allowed_provider_ids: decision.allowed_provider_ids, hidden_classes, causes, review }),
    stage: input.stage,
    evaluated_at: input.evaluated_at,
    currency_code: input.currency_code.toLowerCase(),
    total: Number.isFinite(input.total) ? input.total : 0,
    restricted: decision.hidden.length > 0,
    fallback: decision.fallback,
    causes,
    hidden_classes,
    offered_classes,
    rules_held: rulesHeldOf(decision.rules),
    score: decision.rules?.score ?? 0,
    review,
    credit_ran: credit.ran,
    credit_cached: credit.cached,
    credit_failed: credit.failed,
    credit_cost: credit.cost,
    credit_queries: credit.queries,
    list_matches: matches.length ? matches : null,
  }
}
