import { toAmount } from "../amount"

/**
 * What happened to an order after checkout (seed 003 §5.3): one row per event, recorded once,
 * from the admin, a payment provider's webhook or the dunning job.
 */
export const OUTCOME_KINDS = [
  "payment_received",
  "return_debit",
  "chargeback",
  "chargeback_reversed",
  "cod_refused",
  "dunning_stage",
  "handed_over",
  "written_off",
  "address_unknown",
] as const
export type OutcomeKind = (typeof OUTCOME_KINDS)[number]

export const OUTCOME_SOURCES = ["admin", "webhook", "job"] as const
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number]

/** An outcome as the engine reads it (amounts in the order's currency, major units). */
export type OutcomeFact = {
  order_id: string
  kind: OutcomeKind
  reason_code?: string | null
  amount?: number | null
  fee?: number | null
  occurred_at: string | Date
}

/** Kinds after which an order's money is gone (until reversed): the order is not paid, whatever the capture says. */
const DEFAULTING_KINDS: readonly OutcomeKind[] = ["return_debit", "chargeback", "cod_refused", "written_off"]

/**
 * Whether an order counts as not paid because of what happened after checkout: its payment was
 * returned or charged back (and not reversed since), the parcel was refused, or the claim was
 * written off. Events are read in time order, so a chargeback won back and charged back again
 * counts again.
 */
export function defaultedByOutcomes(outcomes: readonly OutcomeFact[]): boolean {
  let defaulted = false
  for (const outcome of [...outcomes].sort(byTime)) {
    if (DEFAULTING_KINDS.includes(outcome.kind)) defaulted = true
    else if (outcome.kind === "chargeback_reversed" && !isWrittenOff(outcomes)) defaulted = false
  }
  return defaulted
}

const isWrittenOff = (outcomes: readonly OutcomeFact[]) => outcomes.some((outcome) => outcome.kind === "written_off")
const byTime = (a: OutcomeFact, b: OutcomeFact) => new Date(a.occurred_at).getTime() - new Date(b.occurred_at).getTime()

/** Per shopper: what the rule conditions count (return debits, chargebacks, refused parcels, open dunning amount, handed over). */
export type OutcomeCounts = {
  return_debits: number
  chargebacks: number
  refused_cod: number
  /** orders handed to collection */
  handed_over: number
  /** still owed on orders in dunning (order total minus payments received), in the orders' currency */
  open_dunning_amount: number
}

export const NO_OUTCOMES: OutcomeCounts = { return_debits: 0, chargebacks: 0, refused_cod: 0, handed_over: 0, open_dunning_amount: 0 }

/** Kinds after which an order's claim is no longer dunned by the shop (closed or passed on). */
const DUNNING_CLOSED: readonly OutcomeKind[] = ["written_off", "handed_over"]

/**
 * What is still owed on an order in dunning: its total minus the payments received, when it
 * reached a dunning stage and was neither written off nor handed to collection; 0 otherwise
 * (also when paid in full or overpaid).
 */
export function openDunningAmount(total: number, events: readonly OutcomeFact[]): number {
  if (!events.some((event) => event.kind === "dunning_stage")) return 0
  if (events.some((event) => DUNNING_CLOSED.includes(event.kind))) return 0
  const paid = events
    .filter((event) => event.kind === "payment_received")
    .reduce((sum, event) => {
      const amount = toAmount(event.amount)
      return Number.isFinite(amount) && amount > 0 ? sum + amount : sum
    }, 0)
  const owed = Math.round((total - paid) * 100) / 100
  return owed > 0 ? owed : 0
}

/**
 * Counts a shopper's outcomes for the rule conditions; a chargeback won back does not count.
 * `totals` (order id → order total) lets the open dunning amount be summed; without it it is 0.
 */
export function countOutcomes(outcomes: readonly OutcomeFact[], totals?: ReadonlyMap<string, number>): OutcomeCounts {
  const byOrder = new Map<string, OutcomeFact[]>()
  for (const outcome of outcomes) byOrder.set(outcome.order_id, [...(byOrder.get(outcome.order_id) ?? []), outcome])
  const counts: OutcomeCounts = { ...NO_OUTCOMES }
  for (const [orderId, events] of byOrder) {
    counts.return_debits += events.filter((event) => event.kind === "return_debit").length
    const chargebacks = events.filter((event) => event.kind === "chargeback").length
    const reversed = events.filter((event) => event.kind === "chargeback_reversed").length
    counts.chargebacks += Math.max(0, chargebacks - reversed)
    counts.refused_cod += events.filter((event) => event.kind === "cod_refused").length
    counts.handed_over += events.some((event) => event.kind === "handed_over") ? 1 : 0
    const total = totals?.get(orderId)
    if (total !== undefined) counts.open_dunning_amount += openDunningAmount(total, events)
  }
  counts.open_dunning_amount = Math.round(counts.open_dunning_amount * 100) / 100
  return counts
}
