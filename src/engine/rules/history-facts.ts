import type { CustomerHistory } from "../types"
import { isAwaitingPayment } from "../history"
import type { NegativeListMatch } from "../negative-list/types"
import type { OutcomeCounts } from "../outcomes/types"
import type { Receivable, ReceivableStatus } from "../dunning"

/**
 * Payment term after which an order still awaiting payment counts as overdue (days). Invoices
 * in Germany are commonly due within 14 days; a merchant with other terms edits the rule to
 * `customer.has_unpaid_orders` plus its own timing instead.
 */
export const PAYMENT_TERM_DAYS = 14

/** An order of the shopper that awaits payment and was placed longer ago than the payment term. */
export function hasOverdueOrders(history: CustomerHistory, now: Date): boolean {
  const due = now.getTime() - PAYMENT_TERM_DAYS * 86_400_000
  return history.orders.some(
    (order) => !!order.created_at && new Date(order.created_at).getTime() <= due && isAwaitingPayment(order)
  )
}

type ListHit = { entry: Record<string, unknown>; match: NegativeListMatch }

/**
 * Earlier refused COD parcels and returned debits, read from the negative list: certain matches
 * of entries whose source is `cod_refused` or `return_debit` (Medusa's order history has no such
 * states). Possible matches (e.g. an initial instead of the first name) do not count.
 */
export function listSourceFacts(hits: ListHit[]): { has_refused_cod: boolean; has_returned_debit: boolean } {
  const sources = new Set(hits.filter((hit) => hit.match.certain).map((hit) => hit.entry.source))
  return { has_refused_cod: sources.has("cod_refused"), has_returned_debit: sources.has("return_debit") }
}

/**
 * The same two facts with the shopper's recorded outcomes (refused parcels, returned debits of
 * the orders found under the email or account): true when either the list or an outcome says
 * so; unknown only when neither was read. The outcome counts travel along for the counting
 * conditions (return debits, chargebacks, refused parcels, open dunning amount, handed over).
 */
export function refusalFacts(
  list: { has_refused_cod: boolean; has_returned_debit: boolean } | null,
  outcomes: Pick<OutcomeCounts, "refused_cod" | "return_debits"> & Partial<OutcomeCounts>
): { has_refused_cod?: boolean; has_returned_debit?: boolean; outcome_counts?: OutcomeCounts } {
  const either = (fromList: boolean | undefined, count: number) => (count > 0 ? true : fromList)
  const complete =
    outcomes.chargebacks !== undefined && outcomes.handed_over !== undefined && outcomes.open_dunning_amount !== undefined
  return {
    has_refused_cod: either(list?.has_refused_cod, outcomes.refused_cod),
    has_returned_debit: either(list?.has_returned_debit, outcomes.return_debits),
    ...(complete ? { outcome_counts: { ...(outcomes as OutcomeCounts) } } : {}),
  }
}

/** Claim statuses whose amount counts as open in dunning: past due and unpaid, or a dunning stage sent (not paused, paid or closed). */
export const OPEN_DUNNING_STATUSES: readonly ReceivableStatus[] = ["overdue", "in_dunning"]

/**
 * `customer.open_dunning_amount`: what the shopper still owes on her claims that are overdue or
 * in dunning — each claim's total due (principal, fees and default interest less what was paid,
 * as the receivables compute it), summed and rounded to the cent. Paused, paid, written-off and
 * handed-over claims do not count.
 */
export function openDunningAmountOf(claims: ReadonlyArray<Pick<Receivable, "status" | "total_due">>): number {
  const open = claims.filter((claim) => OPEN_DUNNING_STATUSES.includes(claim.status) && claim.total_due > 0)
  return Math.round(open.reduce((sum, claim) => sum + claim.total_due, 0) * 100) / 100
}
