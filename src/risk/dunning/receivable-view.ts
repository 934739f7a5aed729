import { computeReceivable, dayString, Receivable, RiskSettings, toDay } from "../../engine"
import { toAmount } from "../../engine/amount"
import { CaptureRecord, OutcomeRecord, receivableInput, ReceivableRowFacts } from "./build-input"
import type { ReceivableOrder } from "./load-order"
import { stageOfKey } from "./stage-key"

/** A stored receivable as the module lists it. */
export type ReceivableRow = ReceivableRowFacts & {
  id: string
  currency_code: string
  address_research: boolean
  reopened_by: string | null
  created_at?: string | Date
}

/** One line of a receivable's timeline. */
export type ReceivableEvent = {
  kind: string
  date: string
  amount: number | null
  fee: number | null
  reason_code: string | null
  stage: number | null
  source: string | null
  outcome_id: string | null
  note: string | null
}

/** A claim as the admin API shows it. */
export type ReceivableView = Omit<Receivable, "collection_due" | "missing_base_rate"> & {
  order_id: string
  display_id: number | string | null
  currency_code: string
  hold: ReceivableRowFacts["hold"]
  address_research: boolean
  reopened_by: string | null
  /** past its due date and not paid (paused ones included), not closed */
  overdue: boolean
  /** the last stage's deadline passed: ready to hand over */
  collection_due: boolean
  missing_base_rate: boolean
  /** the kind of the last stage sent (reminder, dunning, final notice) */
  stage_kind: string | null
  events: ReceivableEvent[]
}

/** `YYYY-MM-DD` of today (UTC). */
export const today = (now: Date = new Date()) => dayString(toDay(now))

export function rowFacts(row: Record<string, unknown>): ReceivableRow {
  return {
    id: String(row.id),
    order_id: String(row.order_id),
    currency_code: String(row.currency_code),
    debtor_type: row.debtor_type === "business" ? "business" : "consumer",
    principal: toAmount(row.principal),
    invoice_date: row.invoice_date as Date,
    hold: row.hold as ReceivableRow["hold"],
    address_research: row.address_research === true,
    reopened_by: (row.reopened_by as string | null) ?? null,
  }
}

export function outcomeRecord(row: Record<string, unknown>): OutcomeRecord {
  const amount = row.amount === null || row.amount === undefined ? null : toAmount(row.amount)
  const fee = row.fee === null || row.fee === undefined ? null : toAmount(row.fee)
  return {
    id: String(row.id),
    kind: row.kind as OutcomeRecord["kind"],
    reason_code: (row.reason_code as string | null) ?? null,
    amount,
    fee,
    occurred_at: row.occurred_at as Date,
    source: (row.source as string | null) ?? null,
    external_id: (row.external_id as string | null) ?? null,
    note: (row.note as string | null) ?? null,
  }
}

/** The invoice date the settings ask for: the stored one, or the first shipment (today while nothing shipped). */
function invoiceDateOf(row: ReceivableRow, order: ReceivableOrder | undefined, settings: Pick<RiskSettings, "dunning">, asOf: string): string | Date {
  if (settings.dunning.invoice_date !== "first_shipment" || row.reopened_by || !order) return row.invoice_date
  return order.first_shipped_at ?? asOf
}

function timeline(row: ReceivableRow, outcomes: readonly OutcomeRecord[], captures: readonly CaptureRecord[]): ReceivableEvent[] {
  const events: ReceivableEvent[] = [
    ...outcomes.map((o) => ({
      kind: o.kind,
      date: new Date(o.occurred_at).toISOString(),
      amount: o.amount ?? null,
      fee: o.fee ?? null,
      reason_code: o.reason_code ?? null,
      stage: o.kind === "dunning_stage" ? stageOfKey(row.order_id, o.external_id) : null,
      source: o.source ?? null,
      outcome_id: o.id,
      note: o.note ?? null,
    })),
    ...captures.map((c) => ({
      kind: "payment_captured",
      date: new Date(c.date).toISOString(),
      amount: c.amount,
      fee: null,
      reason_code: null,
      stage: null,
      source: "medusa",
      outcome_id: null,
      note: null,
    })),
  ]
  return events.sort((a, b) => a.date.localeCompare(b.date))
}

/** Computes one claim as of a day (nothing is written). */
export function receivableView(
  row: ReceivableRow,
  order: ReceivableOrder | undefined,
  outcomes: readonly OutcomeRecord[],
  settings: Pick<RiskSettings, "dunning">,
  asOf: string
): ReceivableView {
  const captures = order?.captures ?? []
  const input = receivableInput(row, outcomes, captures, asOf, invoiceDateOf(row, order, settings, asOf))
  const computed = computeReceivable(input, settings.dunning)
  const running = computed.status === "overdue" || computed.status === "in_dunning" || computed.status === "paused"
  return {
    ...computed,
    order_id: row.order_id,
    display_id: order?.display_id ?? null,
    currency_code: row.currency_code,
    hold: row.hold,
    address_research: row.address_research,
    reopened_by: row.reopened_by,
    overdue: running && toDay(asOf) > toDay(computed.due_date),
    stage_kind: computed.stage === null ? null : settings.dunning.stages[computed.stage]?.kind ?? null,
    events: timeline(row, outcomes, captures),
  }
}
