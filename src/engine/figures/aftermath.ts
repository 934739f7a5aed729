import { toAmount } from "../amount"
import type { OutcomeFact } from "../outcomes/types"
import { cents, fromCents } from "./money"
import { OrderAftermath, OutcomeBucket, outcomeBucketOf } from "./outcome-bucket"

/** Kinds after which an order's money is gone until recovered (as `defaultedByOutcomes` reads them). */
const DEFAULT_KINDS = ["return_debit", "chargeback", "cod_refused", "written_off"]
/** Kinds after which the shop is chasing the money. */
const DUNNING_KINDS = ["dunning_stage", "handed_over"]

export type AftermathFacts = Omit<OrderAftermath, "outcomes"> & {
  /** the order's outcomes with their amounts (major units; a payment without an amount counts 0) */
  outcomes: ReadonlyArray<Pick<OutcomeFact, "kind" | "occurred_at" | "amount">>
}

export type AftermathFigures = {
  bucket: OutcomeBucket
  /** defaulted orders only: the amount minus every payment received for the order (never below 0) */
  lost: number
  /** payments received at or after the order's first default or dunning event */
  recovered: number
  returned: boolean
  /** a chargeback not reversed since */
  charged_back: boolean
  refused: boolean
  written_off: boolean
}

const at = (value: string | Date) => new Date(value).getTime()
const paid = (o: { amount?: number | null }) => {
  const amount = toAmount(o.amount)
  return Number.isFinite(amount) && amount > 0 ? amount : 0
}

/**
 * What the overview counts for one order from its outcomes, claim and refunds (issue 17):
 * its bucket (`outcomeBucketOf`), the amount **lost** (a defaulted order's amount minus the
 * payments received for it, so a debit paid again later is no loss), the amount **recovered**
 * (payments received at or after the first return debit, chargeback, refused parcel, write-off,
 * dunning stage or hand-over: money that came back only because it was chased), and which kinds
 * of default it had.
 */
export function aftermathOf(amount: number, facts: AftermathFacts): AftermathFigures {
  const bucket = outcomeBucketOf(facts)
  const outcomes = facts.outcomes
  const payments = outcomes.filter((o) => o.kind === "payment_received")
  const trouble = outcomes.filter((o) => DEFAULT_KINDS.includes(o.kind) || DUNNING_KINDS.includes(o.kind)).map((o) => at(o.occurred_at))
  const since = trouble.length ? Math.min(...trouble) : null
  const paidCents = payments.reduce((sum, o) => sum + cents(paid(o)), 0)
  const recoveredCents = since === null ? 0 : payments.filter((o) => at(o.occurred_at) >= since).reduce((sum, o) => sum + cents(paid(o)), 0)
  const chargebacks = outcomes.filter((o) => o.kind === "chargeback").length
  const reversed = outcomes.filter((o) => o.kind === "chargeback_reversed").length
  return {
    bucket,
    lost: bucket === "defaulted" ? fromCents(Math.max(0, cents(amount) - paidCents)) : 0,
    recovered: fromCents(recoveredCents),
    returned: outcomes.some((o) => o.kind === "return_debit"),
    charged_back: chargebacks > reversed,
    refused: outcomes.some((o) => o.kind === "cod_refused"),
    written_off: outcomes.some((o) => o.kind === "written_off") || facts.receivable?.status === "written_off",
  }
}
