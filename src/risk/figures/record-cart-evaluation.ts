import { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CartSnapshot, Decision, EvaluationListMatch, EvaluationStage, evaluationRecordOf } from "../../engine"
import { redactForLog } from "../../engine/payment-data/redact-log"
import type PaymentRiskModuleService from "../../modules/payment-risk/service"

export type CartEvaluationFacts = {
  stage: EvaluationStage
  /** the cart as judged (its id, currency, total and the region's providers with their classes) */
  snapshot: Pick<CartSnapshot, "id" | "currency_code" | "total" | "providers">
  decision: Decision
  /** when the evaluation started: a cart completed before then gets no row */
  started_at: Date
  /** the paid credit queries this evaluation made and their configured price (none: no query paid) */
  paid_credit?: { queries: number; cost: number }
  /** the negative-list matches the decision used, with their entries' sources (no values) */
  list_matches?: EvaluationListMatch[]
}

/**
 * Figures writes in flight per process at most. A write waiting on the database (a lock, an
 * overloaded server) holds a pooled connection; beyond this many the next ones are skipped
 * (logged), so the figures can never take the connections the shoppers' answers need.
 */
export const MAX_PENDING_FIGURE_WRITES = 4

let pending = 0
let skipped = 0

/**
 * Evaluations this process lost for the figures (skipped, or their write failed), per UTC day and
 * currency, not yet added to payment_risk_figure_gap: the next successful write adds them (its
 * own statement, in the background like the write), so the overview can say by how much its cart
 * figures may be low. Bounded: a process that never writes again keeps at most a few hundred keys.
 */
const lost = new Map<string, { day: Date; currency_code: string; count: number }>()
const LOST_KEYS_LIMIT = 400
/**
 * Cart and decision pairs counted as lost and not written since: a shopper reloading the payment
 * step while the writes are saturated is counted once, not per reload (bounded, oldest first;
 * a pair written later is taken out, though a count already reported stays — the overview says
 * "up to").
 */
const lostPairs = new Set<string>()
const LOST_PAIRS_LIMIT = 20_000

/** Counts a lost evaluation of a cart and decision once. */
function countLostPair(pair: string, currency: string, at: Date): void {
  if (lostPairs.has(pair)) return
  lostPairs.add(pair)
  if (lostPairs.size > LOST_PAIRS_LIMIT) lostPairs.delete(lostPairs.values().next().value as string)
  countLost(currency, at)
}

function countLost(currency: string, at: Date, n = 1): void {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
  const key = `${day.toISOString()} ${currency.toLowerCase()}`
  const entry = lost.get(key)
  if (entry) entry.count += n
  else if (lost.size < LOST_KEYS_LIMIT) lost.set(key, { day, currency_code: currency.toLowerCase(), count: n })
}

/** Adds what this process lost to the database (after a write succeeded: the database answers again); kept for later when it fails. */
function reportLost(container: MedusaContainer, service: PaymentRiskModuleService): void {
  if (!lost.size || pending >= MAX_PENDING_FIGURE_WRITES) return
  const report = [...lost.values()]
  lost.clear()
  pending += 1
  service
    .recordLostEvaluations(report)
    .catch((error) => {
      for (const entry of report) countLost(entry.currency_code, entry.day, entry.count)
      warn(container, `payment-risk: lost figures not counted yet: ${redactForLog(error instanceof Error ? error.message : String(error))}`)
    })
    .finally(() => {
      pending -= 1
    })
}

/** For tests: the evaluations this process lost and has not reported yet. */
export function unreportedLostEvaluations(): number {
  let total = 0
  for (const entry of lost.values()) total += entry.count
  return total
}

/**
 * Cart and decision pairs this process has already written (or found written): a shopper
 * reloading the payment step gets the same decision, and its row exists — the write would change
 * nothing, so it is not even started (the database's unique key still decides across instances).
 * Bounded (oldest forgotten first) and short-lived, so it only saves work, never decides a figure.
 */
const RECENT_LIMIT = 20_000
const RECENT_MS = 10 * 60_000
const recent = new Map<string, number>()

function seenRecently(key: string, now: number): boolean {
  const at = recent.get(key)
  if (at === undefined) return false
  if (now - at <= RECENT_MS) return true
  recent.delete(key)
  return false
}

function remember(key: string, now: number): void {
  recent.delete(key)
  recent.set(key, now)
  if (recent.size > RECENT_LIMIT) recent.delete(recent.keys().next().value as string)
}

/** For tests: forget what this process wrote and lost. */
export function forgetRecordedEvaluations(): void {
  recent.clear()
  lost.clear()
  lostPairs.clear()
}

/**
 * Records the evaluation for the merchant's figures (payment_risk_cart_evaluation) without the
 * caller waiting: the insert is started and its failure is logged, never thrown, so the
 * shopper's answer is neither slowed nor failed by it. Returns the write's promise (it always
 * resolves: true when a row was added or its credit spend grew) for callers that may wait, such as tests.
 */
export function recordCartEvaluation(container: MedusaContainer, service: PaymentRiskModuleService, facts: CartEvaluationFacts): Promise<boolean> {
  let row: ReturnType<typeof evaluationRecordOf>
  try {
    row = evaluationRecordOf({
      stage: facts.stage,
      cart_id: facts.snapshot.id,
      evaluated_at: new Date(),
      currency_code: facts.snapshot.currency_code,
      total: facts.snapshot.total,
      decision: facts.decision,
      providers: facts.snapshot.providers,
      list_matches: facts.list_matches,
      paid_credit: facts.paid_credit,
    })
  } catch (error) {
    // never the shopper's problem: the figure is lost, the answer is not
    countLost(facts.snapshot.currency_code, new Date())
    warn(container, `payment-risk: figures of cart ${facts.snapshot.id} not recorded: ${redactForLog(error instanceof Error ? error.message : String(error))}`)
    return Promise.resolve(false)
  }
  const key = `${row.cart_id}\u0000${row.decision_key}`
  const now = Date.now()
  // a paid credit query always goes to the database: its cost is added to the existing row
  const paid = (facts.paid_credit?.queries ?? 0) > 0
  if (!paid && seenRecently(key, now)) return Promise.resolve(false)
  if (pending >= MAX_PENDING_FIGURE_WRITES) {
    skipped += 1
    countLostPair(key, row.currency_code, row.evaluated_at)
    // the first skip of a stretch and every hundredth after it
    if (skipped % 100 === 1) warn(container, `payment-risk: figures of cart ${facts.snapshot.id} not recorded: ${pending} figures writes still waiting on the database (${skipped} skipped)`)
    return Promise.resolve(false)
  }
  pending += 1
  const write = async () => {
    const written = await service.recordCartEvaluation(row, facts.started_at)
    // the row exists now (or the cart was completed before this evaluation: none is wanted)
    remember(key, now)
    lostPairs.delete(key)
    return written === "inserted" || written === "credit_added"
  }
  let succeeded = false
  return write()
    .then((added) => {
      skipped = 0
      succeeded = true
      return added
    })
    .catch((error) => {
      countLostPair(key, row.currency_code, row.evaluated_at)
      warn(container, `payment-risk: figures of cart ${facts.snapshot.id} not recorded: ${redactForLog(error instanceof Error ? error.message : String(error))}`)
      return false
    })
    .finally(() => {
      pending -= 1
      // the database answers again: what this process lost is added now (its own slot)
      if (succeeded) reportLost(container, service)
    })
}

function warn(container: MedusaContainer, message: string): void {
  try {
    container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).warn(message)
  } catch {
    // no logger: nothing else to do, the shopper's answer does not depend on it
  }
}
