/** What the receivables API answers (GET /admin/payment-risk/receivables, …/:order_id) and the page's tabs and actions: no SDK or React imports, so unit tests can use it. */
import type { ReceivableStatus } from "../../../engine/dunning/receivable"

export type { ReceivableStatus }

/** The page's tabs, in order: every status has one, so a paused claim is not out of sight. */
export const RECEIVABLE_TABS = ["open", "overdue", "in_dunning", "paused", "handed_over", "paid", "written_off"] as const
export type ReceivableTab = (typeof RECEIVABLE_TABS)[number]

export type InterestPeriodDTO = { from: string; to: string; days: number; rate: number; principal?: number; interest?: number }

/** One entry of a receivable's timeline: an outcome (stage sent, payment, return debit …) or a capture in Medusa. */
export type ReceivableEvent = {
  kind: string
  /** ISO timestamp */
  date: string
  amount: number | null
  fee: number | null
  reason_code: string | null
  /** the stage a `dunning_stage` event sent (0 = the first) */
  stage: number | null
  /** admin, webhook, job; "medusa" for a capture */
  source: string | null
  outcome_id: string | null
  note: string | null
}

export type ReceivableDTO = {
  order_id: string
  display_id?: number | string | null
  /** the order's billing name and email */
  first_name?: string | null
  last_name?: string | null
  email?: string | null
  currency_code: string
  debtor_type: "consumer" | "business"
  principal: number
  paid: number
  fees: number
  interest: number
  total_due: number
  invoice_date: string
  due_date: string
  default_from: string | null
  /** index of the last stage sent; null before the first */
  stage: number | null
  status: ReceivableStatus
  next_stage_at: string | null
  interest_periods?: InterestPeriodDTO[]
  events?: ReceivableEvent[]
  /** past its due date, not paid and not closed */
  overdue?: boolean
  /** the last stage's deadline has passed: ready to hand over */
  collection_due?: boolean
  /** a letter came back "moved, address unknown" */
  address_research?: boolean
  /** the settings lack the base rate of a half-year the interest ran in */
  missing_base_rate?: boolean
}

/** Count and amount per status for the tabs (the list answers it when it can). */
export type ReceivableTotals = Partial<Record<string, { count: number; amount?: number | null; currency_code?: string | null }>>

export type ReceivableListQuery = { status: ReceivableTab; stage?: string; overdue?: "true" | "false"; limit: number; offset: number }

export type ReceivableList = { receivables: ReceivableDTO[]; count: number; limit: number; offset: number; totals?: ReceivableTotals }

export const RECEIVABLE_ACTIONS = ["advance", "pause", "resume", "payment", "write-off", "hand-over"] as const
export type ReceivableAction = (typeof RECEIVABLE_ACTIONS)[number]

