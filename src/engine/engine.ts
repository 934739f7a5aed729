import { checkPlausibility } from "./plausibility"
import { DEFAULT_CHECKS } from "./checks"
import { countAwaitingPayment, countPaidOrders } from "./history"
import {
  CheckOutcome,
  Decision,
  DecisionSignals,
  EngineContext,
  EngineInput,
  HiddenProvider,
  ProviderSnapshot,
  Reason,
  Restriction,
  RiskCheck,
  RiskSettings,
} from "./types"
import { ENGINE_VERSION } from "./version"
import { deriveRuleFacts } from "./rules/facts"
import { evaluateRules } from "./rules/evaluate"

export function buildContext(input: EngineInput): EngineContext {
  const orders = input.history?.orders ?? []
  const paid = countPaidOrders(orders)
  const required = Math.max(0, input.settings.first_order.paid_orders_required)
  const context: EngineContext = {
    ...input,
    facts: {
      paid_order_count: paid,
      awaiting_payment_order_count: countAwaitingPayment(orders),
      is_new_customer: paid < required,
    },
  }
  if (input.settings.plausibility.enabled) {
    context.plausibility_findings = checkPlausibility(input.cart)
  }
  if (input.rules?.length && input.settings.rules.enabled) {
    const now = input.rule_facts?.now ? new Date(input.rule_facts.now) : new Date()
    context.rules_result = evaluateRules(input.rules, deriveRuleFacts(context), now)
  }
  return context
}

function hides(restriction: Restriction, provider: ProviderSnapshot): boolean {
  switch (restriction.kind) {
    case "allow_only_classes":
      return !restriction.classes.includes(provider.risk_class)
    case "hide_classes":
      return restriction.classes.includes(provider.risk_class)
    case "hide_providers":
      return restriction.provider_ids.includes(provider.id)
  }
}

/** Applies the outcomes to the providers: a provider is allowed when no outcome hides it. */
export function applyOutcomes(
  providers: ProviderSnapshot[],
  outcomes: CheckOutcome[],
  facts: EngineContext["facts"],
  fallback = false
): Decision {
  const allowed: string[] = []
  const hidden: HiddenProvider[] = []
  for (const provider of providers) {
    const reasons: Reason[] = outcomes
      .filter((outcome) => hides(outcome.restriction, provider))
      .map((outcome) => outcome.reason)
    if (reasons.length) {
      hidden.push({ provider_id: provider.id, risk_class: provider.risk_class, reasons })
    } else {
      allowed.push(provider.id)
    }
  }
  return { allowed_provider_ids: allowed, hidden, fallback, engine_version: ENGINE_VERSION, facts }
}

/** The decision: which of the cart's providers are allowed, and why each hidden one is hidden. */
export function decide(input: EngineInput, checks: readonly RiskCheck[] = DEFAULT_CHECKS): Decision {
  const context = buildContext(input)
  const outcomes = checks.flatMap((check) => check.evaluate(context))
  return {
    ...applyOutcomes(input.cart.providers, outcomes, context.facts),
    signals: signalsOf(context),
    ...(context.rules_result ? { rules: context.rules_result } : {}),
  }
}

function signalsOf(context: EngineContext): DecisionSignals {
  const credit = context.credit
  return {
    plausibility: (context.plausibility_findings ?? []).map((f) => `${f.field}:${f.code}`),
    credit: !credit
      ? null
      : credit.status === "failed"
        ? { status: "failed" }
        : {
            status: "answered",
            provider_id: credit.provider_id,
            cached: credit.cached,
            result: credit.answer.result,
            score: credit.answer.score ?? null,
            traffic_light: credit.answer.traffic_light ?? null,
          },
  }
}

/** The answer when an evaluation failed or timed out: only the configured fallback classes. */
export function fallbackDecision(
  providers: ProviderSnapshot[],
  settings: Pick<RiskSettings, "fallback_classes">,
  error: { code: string; message: string }
): Decision {
  const outcome: CheckOutcome = {
    restriction: { kind: "allow_only_classes", classes: settings.fallback_classes },
    reason: {
      check: "fallback",
      code: error.code,
      message: `Evaluation failed, fallback applied: ${error.message}`,
      values: { fallback_classes: settings.fallback_classes },
    },
  }
  return applyOutcomes(
    providers,
    [outcome],
    { paid_order_count: 0, awaiting_payment_order_count: 0, is_new_customer: true },
    true
  )
}
