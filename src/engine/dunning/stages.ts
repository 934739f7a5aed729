import type { LocalizedText } from "../types"

export const DUNNING_STAGE_KINDS = ["reminder", "dunning", "final_notice"] as const
export type DunningStageKind = (typeof DUNNING_STAGE_KINDS)[number]

export const DUNNING_CHANNELS = ["email", "letter", "both"] as const
export type DunningChannel = (typeof DUNNING_CHANNELS)[number]

/** One step of the dunning run, in order. */
export type DunningStage = {
  kind: DunningStageKind
  /** days after the previous deadline (the due date for the first stage) before this stage goes out */
  wait_days: number
  /** days the letter gives to pay: the new deadline */
  deadline_days: number
  /** dunning fee added to the claim when the stage goes out (costs, §280/§286 BGB) */
  fee: number
  channel: DunningChannel
  /** subject and body per language; {placeholders} filled in when sent */
  subject: LocalizedText
  body: LocalizedText
}

/** The dunning configuration as the settings hold it. */
export type DunningSettings = {
  enabled: boolean
  /** when the invoice is dated: when the order is placed, or when the first parcel ships */
  invoice_date: "order_placed" | "first_shipment"
  payment_term_days: number
  /** first day of default interest: after the due date, after the first dunning letter, or 30 days after the invoice (§286 III BGB) */
  default_from: "due_date" | "first_dunning" | "30_days_after_invoice"
  stages: DunningStage[]
  base_rates: Array<{ valid_from: string; rate: number }>
  /** percentage points above the base rate: consumers 5, businesses 9 (§288 I, II BGB) */
  consumer_points: number
  business_points: number
  /** flat fee a business debtor owes once in default (§288 V BGB: 40 EUR) */
  business_flat_fee: number
  /**
   * customer groups whose members are businesses (§288 II BGB), besides a company name on the
   * billing address — e.g. a "B2B" or "Händler" group
   */
  business_customer_group_ids: string[]
}
