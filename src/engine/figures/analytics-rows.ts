import type { NegativeListKind, NegativeListSource } from "../negative-list/types"
import type { PaymentClass } from "../types"
import type { OutcomeBucket } from "./outcome-bucket"

/** One evaluated cart (listing or completion; one row per cart and decision change). No personal data. */
export type CartEvaluationRow = {
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

/** One order with what happened to it. */
export type OrderFigureRow = {
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
  /** ids of the rules that held on the order's assessment */
  rules_held?: string[]
  /** ids of the rules that flagged the order for review (a flag action or their points) */
  flagged_by?: string[]
}

/** A negative-list entry added in the period. */
export type ListEntryAddedRow = { created_at: string | Date; source: NegativeListSource }

/** The period and currency the overview is for; rows outside are left out. */
export type FigurePeriod = { from?: string | Date; to?: string | Date; currency_code?: string }
