import type { ReceivableStatus } from "../../engine"

/** Every status a computed claim can have (the admin's tabs and the list filter). */
export const RECEIVABLE_STATUSES = ["open", "overdue", "in_dunning", "paused", "paid", "handed_over", "written_off"] as const satisfies readonly ReceivableStatus[]

/** statuses in which the dunning runs (and a stage may be sent now) */
export const RUNNING_STATUSES: readonly ReceivableStatus[] = ["open", "overdue", "in_dunning"]
/** statuses that still owe money and are not closed */
export const UNPAID_STATUSES: readonly ReceivableStatus[] = ["open", "overdue", "in_dunning", "paused"]

export type StatusTotals = Record<ReceivableStatus, { count: number; amount: number }>

export function emptyTotals(): StatusTotals {
  return Object.fromEntries(RECEIVABLE_STATUSES.map((status) => [status, { count: 0, amount: 0 }])) as StatusTotals
}
