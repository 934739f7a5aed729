import type { ReceivableStatus } from "../dunning/receivable"
import { defaultedByOutcomes, OutcomeFact } from "../outcomes/types"

/** What really happened to an order, as the backtest and the overview split it (issue 17). */
export const OUTCOME_BUCKETS = ["defaulted", "paid_late", "refunded", "paid_fine"] as const
export type OutcomeBucket = (typeof OUTCOME_BUCKETS)[number]

/** How the admin names each bucket. */
export const OUTCOME_BUCKET_LABELS: Record<OutcomeBucket, { de: string; en: string }> = {
  defaulted: { de: "Ausgefallen (Rücklastschrift, Chargeback, Annahme verweigert, abgeschrieben)", en: "Defaulted (returned, charged back, refused, written off)" },
  paid_late: { de: "Verspätet bezahlt (Mahnstufe erreicht)", en: "Paid late (dunning stage reached)" },
  refunded: { de: "Erstattet", en: "Refunded" },
  paid_fine: { de: "Ordnungsgemäß bezahlt", en: "Paid fine" },
}

export type OrderAftermath = {
  /** the order's recorded outcomes (return debits, chargebacks, refused parcels, dunning stages, …) */
  outcomes: readonly Pick<OutcomeFact, "kind" | "occurred_at">[]
  /** the order's claim, where it has one (invoice, or reopened by a return debit) */
  receivable?: { status: ReceivableStatus; stage: number | null } | null
  /** refunded in the order's currency (major units) */
  refunded_amount?: number | null
}

/**
 * The bucket of an order, first that fits:
 * 1. **defaulted** — the money is gone: a return debit, a chargeback not reversed, a refused
 *    cash-on-delivery parcel or a write-off (the engine's `defaultedByOutcomes`, the same rule
 *    that stops such an order counting as paid), or a claim written off;
 * 2. **paid_late** — a dunning stage was reached (outcome `dunning_stage`, or the claim has a
 *    stage), the claim was handed to collection, or it is past due and unpaid (`overdue`);
 * 3. **refunded** — money was refunded (partly or fully);
 * 4. **paid_fine** — everything else, including a claim still within its payment term.
 * So a chargeback that was reversed after dunning counts as paid late, and a refunded order
 * whose debit came back first counts as defaulted.
 */
export function outcomeBucketOf({ outcomes, receivable, refunded_amount }: OrderAftermath): OutcomeBucket {
  const facts: OutcomeFact[] = outcomes.map((o) => ({ order_id: "", kind: o.kind, occurred_at: o.occurred_at }))
  if (defaultedByOutcomes(facts) || receivable?.status === "written_off") return "defaulted"
  const dunned = outcomes.some((o) => o.kind === "dunning_stage" || o.kind === "handed_over")
  if (dunned || (receivable && (receivable.stage !== null || receivable.status === "handed_over" || receivable.status === "overdue" || receivable.status === "in_dunning"))) {
    return "paid_late"
  }
  if ((Number(refunded_amount) || 0) > 0) return "refunded"
  return "paid_fine"
}
