import { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  AdapterRuleFacts,
  CartSnapshot,
  CustomerHistory,
  Decision,
  DEFAULT_SETTINGS,
  EngineInput,
  NegativeListSource,
  ReplayableInput,
  replayableInputOf,
  decide,
  defaultClassFor,
  EvaluationListMatch,
  EvaluationStage,
  fallbackDecision,
  ProviderSnapshot,
  RiskSettings,
  planCreditQuery,
  subjectFromCart,
} from "../engine"
import { PAYMENT_RISK_MODULE } from "../modules/payment-risk"
import PaymentRiskModuleService, { ConfigReader } from "../modules/payment-risk/service"
import { runCreditCheck } from "./credit/run-credit-check"
import { identityKeyFor } from "../engine/identity/shopper-key"
import { checkNegativeList, ListCheckResult } from "./negative-list/check-negative-list"
import { redactForLog } from "../engine/payment-data/redact-log"
import { LoadedCart, loadCartSnapshot } from "./readers/load-cart-snapshot"
import { cartsWithOrders } from "./readers/cart-of-order"
import { loadCustomerHistory } from "./readers/load-customer-history"
import { EvaluationTimeoutError, withTimeout } from "./with-timeout"
import { cachedCreditOutcome } from "./credit/cached-credit-outcome"
import { loadRules } from "./rules/load-rules"
import { hasOverdueOrders, listSourceFacts, refusalFacts } from "../engine/rules/history-facts"
import { loadRuleFacts } from "./rules/load-rule-facts"
import { recordCartSignal } from "./signals/record-cart-signal"
import { ruleNeeds } from "../engine/rules/rule-needs"
import { signalKeysFor } from "./signals/signal-keys"
import { observeIdentity } from "./probing/observe-identity"
import { recordCartEvaluation } from "./figures/record-cart-evaluation"

export type CartAssessment = {
  loaded: LoadedCart
  snapshot: CartSnapshot
  decision: Decision
  settings: RiskSettings
  identity_key: string
  /** the checks' and rules' input without personal data (with `recordReplayable`; null: could not be built) */
  replayable?: ReplayableInput | null
  /** whether a credit check would have been asked (set when `dryRun`: only the cache is read) */
  credit_check?: "not_needed" | "cached" | "not_cached"
}

export type AssessCartOptions = {
  /** count completions of the same identity that have no order yet (completion time) */
  includeInFlight?: boolean
  /** an already loaded cart, to avoid reading it twice */
  loaded?: LoadedCart
  /** the shopper's IP address, where the caller knows it (checked against `ip` entries) */
  ip?: string | null
  /**
   * the customer the request is authenticated as (store routes with a customer session or
   * token); only when it is the cart's customer does the account's own history count in full
   */
  authenticatedCustomerId?: string | null
  /**
   * the admin's evaluate tool: stores nothing (no cart signal, no credit query — a credit
   * answer only from the cache)
   */
  dryRun?: boolean
  /** record the cart's signal row for the velocity counts (default true; completion records its own) */
  recordSignal?: boolean
  /** build the replayable input of the final decision (completion records it with the assessment) */
  recordReplayable?: boolean
  /** orders that are not earlier orders of the shopper (the order whose payment collection is paid) */
  excludeOrderIds?: string[]
  /**
   * record the decision for the merchant's figures (payment_risk_cart_evaluation, one row per
   * cart and decision), in the background: the answer never waits for it. Default: `completion`
   * with `includeInFlight` (the completion's evaluation), nothing for `dryRun` (the admin's
   * evaluate tool) or an order's payment collection (`excludeOrderIds`), else `listing`.
   */
  figures?: EvaluationStage | "off"
}

/** The figures stage of an evaluation with these options (see AssessCartOptions.figures). */
export function figuresStageOf(options: AssessCartOptions): EvaluationStage | null {
  if (options.dryRun) return null
  if (options.figures) return options.figures === "off" ? null : options.figures
  if (options.excludeOrderIds?.length) return null
  return options.includeInFlight ? "completion" : "listing"
}

/** Accepted completions of the identity whose order does not exist yet (the race window). */
async function inFlightCompletions(
  container: MedusaContainer,
  service: PaymentRiskModuleService,
  identityKey: string,
  cartId: string
): Promise<Array<{ cart_id: string }>> {
  const rows = await service.listInFlightCompletions(identityKey, cartId)
  if (!rows.length) {
    return []
  }
  const placed = await cartsWithOrders(container, rows.map((row) => row.cart_id))
  return rows.filter((row) => !placed.has(row.cart_id))
}

type Evaluated = {
  snapshot: CartSnapshot
  decision: Decision
  credit_check?: CartAssessment["credit_check"]
  replayable?: ReplayableInput | null
  /** the negative-list matches the decision used, kind and entry source only (for the figures) */
  list_matches?: EvaluationListMatch[]
  /** the paid credit queries this evaluation made (for the figures) */
  paid_credit?: PaidCredit
}

/** Paid credit queries (not cache hits) and what they cost, as the queries were recorded. */
export type PaidCredit = { queries: number; cost: number }

type CreditQueryRecord = { cached?: boolean | null; cost?: number | null }

/**
 * The module service as runCreditCheck uses it, counting the paid queries it records (a cache
 * hit records cost 0 and cached) into `tally`: the figures count exactly this evaluation's paid
 * queries, whatever other evaluations of the same cart run meanwhile.
 */
export function countingPaidCredit(service: PaymentRiskModuleService, tally: PaidCredit): PaymentRiskModuleService {
  const count = (record: CreditQueryRecord) => {
    if (record.cached) return
    tally.queries += 1
    tally.cost += Number(record.cost) || 0
  }
  return new Proxy(service, {
    get(target, property) {
      const value = Reflect.get(target, property, target)
      if (property === "createCreditQueries") {
        return async (data: CreditQueryRecord | CreditQueryRecord[], ...rest: unknown[]) => {
          const created = await Reflect.apply(value, target, [data, ...rest])
          for (const record of Array.isArray(data) ? data : [data]) count(record)
          return created
        }
      }
      return typeof value === "function" ? value.bind(target) : value
    },
  })
}

async function evaluate(
  service: PaymentRiskModuleService,
  container: MedusaContainer,
  config: ConfigReader,
  loaded: LoadedCart,
  settings: RiskSettings,
  identityKey: string,
  options: AssessCartOptions
): Promise<Evaluated> {
  const now = new Date()
  const keys = signalKeysFor(loaded.cart, options.ip, service.getHashKeys())
  // one upsert, started now and awaited at the end: it costs no time of its own and never throws
  const signalWrite =
    options.dryRun || options.recordSignal === false
      ? Promise.resolve()
      : recordCartSignal(container, service, loaded.cart, keys)
  const rulesPromise = settings.rules.enabled ? loadRules(service, config) : Promise.resolve([])
  const needsPromise = rulesPromise.then(ruleNeeds)
  const listCheck = () => checkNegativeList(container, subjectFromCart(loaded.cart, options.ip, loaded.payment_data))
  const ruleFactsPromise = needsPromise.then(async (needs) => {
    if (!keys.ip_key && options.ip == null && needs.velocity.some((need) => need.subject === "ip")) {
      // completion does not know the shopper's IP: count under the one recorded while shopping
      keys.ip_key = await service.getCartSignalIpKey(loaded.cart.id)
    }
    return loadRuleFacts(container, service, { loaded, needs, keys, ip: options.ip, now })
  })
  // the admin's evaluate tool observes nothing; completion counts the identity it completes with
  const probingPromise = options.dryRun
    ? Promise.resolve(undefined)
    : observeIdentity(service, loaded.cart, { ip: options.ip, email_key: keys.email_key, payment: loaded.payment_data }, settings, now)
  const [classes, history, inFlight, listMatches, rules, adapterFacts, probing] = await Promise.all([
    config.providerClasses(loaded.region_provider_ids),
    loadCustomerHistory(
      container,
      { ...loaded.cart, authenticated_customer_id: options.authenticatedCustomerId ?? null },
      settings.protection.guest_recognition,
      settings
    ),
    options.includeInFlight
      ? inFlightCompletions(container, service, identityKey, loaded.cart.id)
      : Promise.resolve([]),
    settings.negative_list.enabled
      ? listCheck()
      : needsPromise.then((needs) => (needs.list_sources ? listCheck() : null)),
    rulesPromise,
    ruleFactsPromise,
    probingPromise,
  ])
  const excluded = new Set(options.excludeOrderIds ?? [])
  const fullHistory: CustomerHistory = {
    orders: [
      ...history.orders.filter((order) => !excluded.has(order.id)),
      // A completion accepted moments ago whose order is not linked yet awaits payment too.
      ...inFlight.map((row) => ({
        id: `in-flight:${row.cart_id}`,
        status: "pending",
        total: 0,
        captured_amount: 0,
        refunded_amount: 0,
      })),
    ],
  }
  const snapshot: CartSnapshot = {
    ...loaded.cart,
    providers: classes.map(({ id, risk_class }) => ({ id, risk_class })),
  }
  const rule_facts: AdapterRuleFacts = {
    ...adapterFacts,
    has_overdue_orders: hasOverdueOrders(fullHistory, now),
    // refused parcels and returned debits: from the list's sources and the recorded outcomes
    ...refusalFacts(listMatches ? listSourceFacts(listMatches.matches) : null, history.outcomes),
  }
  const input = {
    cart: snapshot,
    history: fullHistory,
    settings,
    negative_list_matches: settings.negative_list.enabled && listMatches ? listMatches.matches.map(({ match }) => match) : [],
    rules,
    rule_facts,
    probing,
  }
  if (probing && (probing.identities_on_cart > settings.protection.max_identities_per_cart || probing.identities_from_ip > settings.protection.max_identities_per_ip)) {
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    logger.warn(
      `payment-risk: cart ${loaded.cart.id} showed ${probing.identities_on_cart} billing identities (its IP ${probing.identities_from_ip}) within ${settings.protection.identity_window_minutes} min: probing limit, safe methods only`
    )
  }
  const preliminary = decide(input)
  const list_matches: EvaluationListMatch[] =
    settings.negative_list.enabled && listMatches
      ? listMatches.matches.map(({ entry, match }) => ({ kind: match.kind, source: (entry.source as NegativeListSource | undefined) ?? null }))
      : []
  const finish = async (evaluated: Evaluated, decided: EngineInput = input) => {
    await signalWrite
    const result = { ...evaluated, list_matches }
    return options.recordReplayable ? { ...result, replayable: replayableOf(container, decided, listMatches) } : result
  }
  // external data last, and only when it can change the answer (golden rules)
  if (!planCreditQuery(input, preliminary).ask) {
    return finish({ snapshot, decision: preliminary, credit_check: options.dryRun ? "not_needed" : undefined })
  }
  if (options.dryRun) {
    const cached = await cachedCreditOutcome(service, snapshot, settings)
    return finish({
      snapshot,
      decision: cached ? decide({ ...input, credit: cached }) : preliminary,
      credit_check: cached ? "cached" : "not_cached",
    })
  }
  const paid_credit: PaidCredit = { queries: 0, cost: 0 }
  const credit = await runCreditCheck(countingPaidCredit(service, paid_credit), snapshot, settings, {
    ip: options.ip ?? null,
    customer_id: options.authenticatedCustomerId ?? null,
  })
  if (!credit) {
    return finish({ snapshot, decision: preliminary, paid_credit })
  }
  const withCredit = { ...input, credit }
  return finish({ snapshot, decision: decide(withCredit), paid_credit }, withCredit)
}

/**
 * What the checks and rules read, without personal data, for backtests on the merchant's own
 * outcomes (the figures engine's replayable input); list matches keep their entries' sources.
 * Never fails the checkout: null (reported as "not replayable") when it cannot be built.
 */
function replayableOf(container: MedusaContainer, input: EngineInput, listMatches: ListCheckResult | null): ReplayableInput | null {
  try {
    const entry_sources = new Map(
      (listMatches?.matches ?? []).map(({ entry, match }) => [match.entry_id, entry.source as NegativeListSource])
    )
    return replayableInputOf(input, { entry_sources })
  } catch (error) {
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    logger.warn(`payment-risk: replayable input not recorded: ${redactForLog(error instanceof Error ? error.message : String(error))}`)
    return null
  }
}

async function providersForFallback(
  service: PaymentRiskModuleService,
  providerIds: string[]
): Promise<ProviderSnapshot[]> {
  try {
    const classes = await withTimeout(service.getProviderClasses(providerIds), 500)
    return classes.map(({ id, risk_class }) => ({ id, risk_class }))
  } catch {
    return providerIds.map((id) => ({ id, risk_class: defaultClassFor(id).risk_class }))
  }
}

/**
 * Decides which payment providers the cart may use. Reading the cart can fail with
 * NOT_FOUND; everything after that is bounded by the evaluation timeout and falls back to
 * the configured safe classes on any error, so checkout always gets an answer.
 */
export async function assessCart(
  container: MedusaContainer,
  cartId: string,
  options: AssessCartOptions = {}
): Promise<CartAssessment> {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const startedAt = new Date()
  const stage = figuresStageOf(options)
  // the version read of settings, rules and classes runs beside the cart read (its failure is
  // the evaluation's, below: an unknown cart still answers NOT_FOUND)
  const configPromise = service.readConfig()
  configPromise.catch(() => undefined)
  const loaded = options.loaded ?? (await loadCartSnapshot(container, cartId))
  const identityKey = identityKeyFor(loaded.cart)
  // a cart already completed (a shopper calling the payment step with an old cart id) adds no
  // figures row: its rows say how it was completed (the insert checks the cart's time again)
  const figuresStage = loaded.completed ? null : stage
  let settings: RiskSettings = DEFAULT_SETTINGS
  try {
    const [config, stored] = await withTimeout(
      configPromise.then(async (reader) => [reader, await reader.settings()] as const),
      DEFAULT_SETTINGS.evaluation_timeout_ms
    )
    settings = stored
    const { snapshot, decision, credit_check, replayable, list_matches, paid_credit } = await withTimeout(
      evaluate(service, container, config, loaded, settings, identityKey, options),
      settings.evaluation_timeout_ms
    )
    if (figuresStage) {
      // started, not awaited: the answer never waits for the figures (failures are logged)
      void recordCartEvaluation(container, service, { stage: figuresStage, snapshot, decision, started_at: startedAt, list_matches, paid_credit })
    }
    return {
      loaded,
      snapshot,
      decision,
      settings,
      identity_key: identityKey,
      ...(credit_check ? { credit_check } : {}),
      ...(replayable !== undefined ? { replayable } : {}),
    }
  } catch (error) {
    const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    const message = error instanceof Error ? error.message : String(error)
    logger.warn(`payment-risk: evaluation of cart ${loaded.cart.id} failed, fallback applied: ${redactForLog(message)}`)
    const providers = await providersForFallback(service, loaded.region_provider_ids)
    const decision = fallbackDecision(providers, settings, {
      code: error instanceof EvaluationTimeoutError ? "evaluation_timeout" : "evaluation_error",
      message: redactForLog(message),
    })
    const snapshot = { ...loaded.cart, providers }
    if (figuresStage) {
      void recordCartEvaluation(container, service, { stage: figuresStage, snapshot, decision, started_at: startedAt })
    }
    return {
      loaded,
      snapshot,
      decision,
      settings,
      identity_key: identityKey,
    }
  }
}
