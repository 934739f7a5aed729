import { DebtorType, dayString, ReceivableHold, ReceivableInput, toDay } from "../../engine/dunning"
import type { OutcomeKind } from "../../engine/outcomes/types"
import { stageOfKey } from "./stage-key"

/** An outcome of the order as the dunning reads it (amounts in major units). */
export type OutcomeRecord = {
  id: string
  kind: OutcomeKind
  reason_code?: string | null
  amount?: number | null
  fee?: number | null
  occurred_at: string | Date
  source?: string | null
  external_id?: string | null
  note?: string | null
}

/** Money received through Medusa (a capture of the order's payment). */
export type CaptureRecord = { date: string | Date; amount: number }

export type ReceivableRowFacts = {
  order_id: string
  debtor_type: DebtorType
  principal: number
  invoice_date: string | Date
  hold: ReceivableHold
}

/** Outcomes whose money went back to the debtor: the payments before them no longer count. */
const REVERSING: readonly OutcomeKind[] = ["return_debit", "chargeback"]

const day = (value: string | Date) => dayString(toDay(value instanceof Date ? value : String(value)))
const positive = (value: number | null | undefined): value is number => typeof value === "number" && Number.isFinite(value) && value > 0

/**
 * Payments credited to the claim: captures and recorded payments, a won-back chargeback as money
 * received again, and each returned debit or chargeback taking back what was paid before it
 * (its amount, or everything when it names none), latest payment first.
 */
export function netPayments(outcomes: readonly OutcomeRecord[], captures: readonly CaptureRecord[]): Array<{ date: string; amount: number }> {
  type Move = { date: string; amount: number; kind: "in" | "back" }
  const moves: Move[] = [
    ...captures.filter((c) => positive(c.amount)).map((c) => ({ date: day(c.date), amount: c.amount, kind: "in" as const })),
    ...outcomes
      .filter((o) => (o.kind === "payment_received" || o.kind === "chargeback_reversed") && positive(o.amount))
      .map((o) => ({ date: day(o.occurred_at), amount: o.amount!, kind: "in" as const })),
    ...outcomes
      .filter((o) => REVERSING.includes(o.kind))
      .map((o) => ({ date: day(o.occurred_at), amount: positive(o.amount) ? o.amount : Number.POSITIVE_INFINITY, kind: "back" as const })),
  ].sort((a, b) => a.date.localeCompare(b.date) || (a.kind === b.kind ? 0 : a.kind === "in" ? -1 : 1))
  const credited: Array<{ date: string; amount: number }> = []
  for (const move of moves) {
    if (move.kind === "in") {
      credited.push({ date: move.date, amount: move.amount })
      continue
    }
    let back = move.amount
    for (let i = credited.length - 1; i >= 0 && back > 0; i--) {
      const taken = Math.min(back, credited[i].amount)
      credited[i].amount = Math.round((credited[i].amount - taken) * 100) / 100
      back -= taken
    }
  }
  return credited.filter((payment) => payment.amount > 0)
}

/** Stages sent, from the order's `dunning_stage` outcomes, once each, in stage order. */
export function sentStages(orderId: string, outcomes: readonly OutcomeRecord[]): Array<{ stage: number; sent_at: string }> {
  const byStage = new Map<number, string>()
  for (const outcome of outcomes) {
    if (outcome.kind !== "dunning_stage") continue
    const stage = stageOfKey(orderId, outcome.external_id)
    if (stage !== null && !byStage.has(stage)) byStage.set(stage, day(outcome.occurred_at))
  }
  return [...byStage.entries()].sort((a, b) => a[0] - b[0]).map(([stage, sent_at]) => ({ stage, sent_at }))
}

/**
 * What the engine computes a claim from: the stored receivable, the order's outcomes and
 * captures, as of a day. `invoice_date` overrides the stored one (the first shipment, where the
 * settings date invoices so).
 */
export function receivableInput(
  row: ReceivableRowFacts,
  outcomes: readonly OutcomeRecord[],
  captures: readonly CaptureRecord[],
  asOf: string,
  invoiceDate?: string | Date | null
): ReceivableInput {
  return {
    debtor_type: row.debtor_type,
    principal: row.principal,
    invoice_date: day(invoiceDate ?? row.invoice_date),
    sent_stages: sentStages(row.order_id, outcomes),
    payments: netPayments(outcomes, captures),
    fees: outcomes
      .filter((o) => REVERSING.includes(o.kind) && positive(o.fee))
      .map((o) => ({ date: day(o.occurred_at), amount: o.fee! })),
    hold: row.hold,
    written_off_on:
      row.hold === "written_off"
        ? outcomes
            .filter((o) => o.kind === "written_off")
            .map((o) => day(o.occurred_at))
            .sort()
            .pop() ?? null
        : null,
    as_of: asOf,
  }
}
