import type { NegativeListKind, NegativeListSource } from "../negative-list/types"
import type { PaymentClass } from "../types"
import type { OutcomeBucket } from "./outcome-bucket"

/**
 * One evaluated cart (listing or completion; one row per cart and decision change), or — with
 * `count` — a group of carts with the same facts, as the adapter groups them in SQL (then
 * `total` and `credit.cost` are the group's sums). No personal data.
 */
export type CartEvaluationRow = {
  /** carts this row stands for (default 1) */
  count?: number
  evaluated_at: string | Date
  currency_code: string
  total: number
  /** something was hidden */
  restricted: boolean
  /** check ids (`first_order`, `negative_list`, `credit_check`, …) and rule ids that hid something */
  causes: string[]
  completed: boolean
  completed_class?: PaymentClass | null
  credit: { ran: boolean; cost: number; cached: boolean; failed: boolean }
  /** classes hidden, where recorded (the credit estimate needs them) */
  hidden_classes?: PaymentClass[]
  /** ids of the rules that held */
  rules_held?: string[]
  /** the negative-list matches found, by kind and the entry's source */
  list_matches?: Array<{ kind: NegativeListKind; source?: NegativeListSource | null }>
}

/**
 * One order with what happened to it, or — with `count` — a group of orders with the same facts
 * (then `amount`, `lost` and `recovered` are the group's sums and each flag counts `count` times).
 */
export type OrderFigureRow = {
  /** orders this row stands for (default 1) */
  count?: number
  order_id: string
  placed_at: string | Date
  currency_code: string
  amount: number
  payment_class: PaymentClass
  provider_id?: string | null
  /** `outcomeBucketOf` the order's outcomes and claim */
  bucket: OutcomeBucket
  /** amount lost for good (written off, charged back, returned and not paid since) */
  lost?: number
  /** amount recovered after a default or in dunning (payments received, fees and interest paid) */
  recovered?: number
  /** a direct debit came back (outcome `return_debit`) */
  returned?: boolean
  /** a chargeback not reversed since */
  charged_back?: boolean
  /** a cash-on-delivery parcel was refused */
  refused?: boolean
  /** the claim was written off (outcome or the claim's hold) */
  written_off?: boolean
  /** ids of the rules that held on the order's assessment */
  rules_held?: string[]
  /** ids of the rules that flagged the order for review (a flag action or their points) */
  flagged_by?: string[]
}

/** A negative-list entry added in the period. */
export type ListEntryAddedRow = { created_at: string | Date; source: NegativeListSource; /** entries this row stands for (default 1) */ count?: number }

/** The period and currency the overview is for; rows outside are left out. */
export type FigurePeriod = { from?: string | Date; to?: string | Date; currency_code?: string }
