import { missingBaseRate, rateTable } from "./base-rates"
import { Day, dayString, roundCents, toDay } from "./days"
import { accrueInterest, InterestPeriod } from "./interest"
import type { DunningSettings } from "./stages"

export type DebtorType = "consumer" | "business"
/** What the merchant decided about the claim (the computed state adds paid / overdue / in dunning). */
export type ReceivableHold = "active" | "paused" | "handed_over" | "written_off"
export type ReceivableStatus = "open" | "overdue" | "in_dunning" | "paused" | "paid" | "handed_over" | "written_off"

export type ReceivableInput = {
  debtor_type: DebtorType
  /** the order's amount owed (major units) */
  principal: number
  /** invoice date: order placed or first shipment, per the settings */
  invoice_date: string
  /** dunning stages sent so far, in order (index into the settings' stages) */
  sent_stages: Array<{ stage: number; sent_at: string }>
  payments: Array<{ date: string; amount: number }>
  /** costs owed besides dunning fees: return-debit and chargeback fees (Verzugsschaden) */
  fees: Array<{ date: string; amount: number }>
  hold: ReceivableHold
  /** the day the claim was written off: no interest accrues after it */
  written_off_on?: string | null
  as_of: string
}

export type Receivable = {
  debtor_type: DebtorType
  principal: number
  paid: number
  fees: number
  interest: number
  total_due: number
  invoice_date: string
  due_date: string
  /** first day interest accrues; null while the debtor is not in default */
  default_from: string | null
  /** index of the last stage sent, null before the first */
  stage: number | null
  status: ReceivableStatus
  /** when the next stage is due; null when none is (paid, paused, last stage sent, closed) */
  next_stage_at: string | null
  /** the last stage's deadline has passed: ready to hand over to collection */
  collection_due: boolean
  interest_periods: InterestPeriod[]
  /** the settings have no base rate for a half-year the interest ran in */
  missing_base_rate: boolean
}

type Event = { day: Day; kind: "fee" | "payment"; amount: number }

/** The deadline a stage gave (sent day + its deadline days). */
function deadlineOf(settings: DunningSettings, sent: { stage: number; sent_at: string }): Day {
  return toDay(sent.sent_at) + (settings.stages[sent.stage]?.deadline_days ?? 0)
}

function defaultFrom(settings: DunningSettings, input: ReceivableInput, dueDay: Day): Day | null {
  if (settings.default_from === "due_date") return dueDay + 1
  // §286 III BGB: the 30 days start the day after the invoice; default begins the day after
  if (settings.default_from === "30_days_after_invoice") return toDay(input.invoice_date) + 31
  const first = input.sent_stages.find((sent) => settings.stages[sent.stage]?.kind !== "reminder")
  return first ? toDay(first.sent_at) + 1 : null
}

/**
 * A claim as of a day: principal, fees (return-debit/chargeback fees, each dunning stage's fee,
 * a business debtor's flat fee), default interest on the principal still open each day, and
 * payments credited first to costs, then interest, then principal (§367 I BGB) — so a partial
 * payment stops interest only on the principal it actually pays. Nothing is rounded until a
 * payment is credited or the result is shown (cents, commercial rounding).
 */
export function computeReceivable(input: ReceivableInput, settings: DunningSettings): Receivable {
  const asOf = toDay(input.as_of)
  // a written-off claim is no longer pursued: its interest stops on the day it was written off
  const accrualEnd =
    input.hold === "written_off" && input.written_off_on ? Math.min(asOf, toDay(input.written_off_on)) : asOf
  const invoiceDay = toDay(input.invoice_date)
  const dueDay = invoiceDay + settings.payment_term_days
  const table = rateTable(settings.base_rates)
  const points = input.debtor_type === "business" ? settings.business_points : settings.consumer_points
  const start = defaultFrom(settings, input, dueDay)
  const inDefault = start !== null && start <= asOf

  const events: Event[] = [
    ...input.fees.map((fee) => ({ day: toDay(fee.date), kind: "fee" as const, amount: fee.amount })),
    ...input.sent_stages.map((sent) => ({ day: toDay(sent.sent_at), kind: "fee" as const, amount: settings.stages[sent.stage]?.fee ?? 0 })),
    ...(inDefault && input.debtor_type === "business" && settings.business_flat_fee > 0
      ? [{ day: start!, kind: "fee" as const, amount: settings.business_flat_fee }]
      : []),
    ...input.payments.map((payment) => ({ day: toDay(payment.date), kind: "payment" as const, amount: payment.amount })),
  ]
    .filter((event) => event.day <= asOf && event.amount > 0)
    // on one day costs arise before a payment is credited
    .sort((a, b) => a.day - b.day || (a.kind === b.kind ? 0 : a.kind === "fee" ? -1 : 1))

  let principal = input.principal
  let feesOpen = 0
  let feesTotal = 0
  let interestOpen = 0
  let interestTotal = 0
  let paid = 0
  const periods: InterestPeriod[] = []
  // interest is accrued up to and including `accruedTo`
  let accruedTo = start === null ? asOf : start - 1
  const accrueUntil = (until: Day) => {
    const day = Math.min(until, accrualEnd)
    if (start === null || day <= accruedTo) return
    for (const period of accrueInterest(principal, accruedTo + 1, day, table, points)) {
      periods.push(period)
      interestOpen += period.interest
      interestTotal += period.interest
    }
    accruedTo = day
  }

  for (const event of events) {
    if (event.kind === "fee") {
      feesOpen += event.amount
      feesTotal += event.amount
      continue
    }
    // a payment's value day still counts as a day in default (Infobox 5-9: paid 30.10. → 21 days to 30.10.)
    accrueUntil(event.day)
    let rest = event.amount
    paid += event.amount
    const toFees = Math.min(rest, roundCents(feesOpen))
    feesOpen -= toFees
    rest -= toFees
    const toInterest = Math.min(rest, roundCents(interestOpen))
    interestOpen -= toInterest
    rest -= toInterest
    principal = roundCents(Math.max(0, principal - rest))
  }
  accrueUntil(asOf)

  const totalDue = roundCents(Math.max(0, principal + feesOpen + interestOpen))
  const lastSent = input.sent_stages[input.sent_stages.length - 1]
  const stage = lastSent ? lastSent.stage : null
  const status = statusOf(input.hold, totalDue, stage, asOf > dueDay)
  const nextIndex = stage === null ? 0 : stage + 1
  const previousDeadline = lastSent ? deadlineOf(settings, lastSent) : dueDay
  const next = settings.stages[nextIndex]
  const running = status === "open" || status === "overdue" || status === "in_dunning"
  return {
    debtor_type: input.debtor_type,
    principal: roundCents(input.principal),
    paid: roundCents(paid),
    fees: roundCents(feesTotal),
    interest: roundCents(interestTotal),
    total_due: totalDue,
    invoice_date: dayString(invoiceDay),
    due_date: dayString(dueDay),
    default_from: inDefault ? dayString(start!) : null,
    stage,
    status,
    next_stage_at: running && settings.enabled && next ? dayString(previousDeadline + next.wait_days) : null,
    collection_due: running && !next && lastSent !== undefined && asOf > previousDeadline,
    interest_periods: periods.map((period) => ({ ...period, interest: roundCents(period.interest) })),
    missing_base_rate: periods.some((period) => missingBaseRate(table, toDay(period.from)) || missingBaseRate(table, toDay(period.to))),
  }
}

function statusOf(hold: ReceivableHold, totalDue: number, stage: number | null, pastDue: boolean): ReceivableStatus {
  if (hold === "written_off" || hold === "handed_over") return hold
  if (totalDue <= 0) return "paid"
  if (hold === "paused") return "paused"
  if (stage !== null) return "in_dunning"
  return pastDue ? "overdue" : "open"
}

/** The stage the daily job sends for a claim today, or null (at most one stage per run). */
export function stageDue(receivable: Receivable, today: string): number | null {
  if (!receivable.next_stage_at || toDay(receivable.next_stage_at) > toDay(today)) return null
  return receivable.stage === null ? 0 : receivable.stage + 1
}
