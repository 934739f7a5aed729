import type { AddressSnapshot, PaymentClass } from "../types"
import type { OutcomeCounts } from "../outcomes/types"

/**
 * Merchant rules: nested AND/OR condition groups plus actions. Stored as rows (one rule per
 * row, conditions and actions as JSON), read by the engine as plain data.
 */

export const OPERATORS = [
  "eq", "neq", "gt", "gte", "lt", "lte", "between",
  "in", "not_in",
  "starts_with", "not_starts_with",
  "is_true", "is_false",
] as const
export type Operator = (typeof OPERATORS)[number]

/** Extra inputs some conditions need (which product, which time window…). */
export type ConditionParams = {
  product_id?: string
  category_id?: string
  /** velocity: look back this many minutes */
  window_minutes?: number
  /** velocity: count orders or carts */
  source?: "orders" | "carts"
}

export type Condition = {
  type: "condition"
  /** a registry attribute, e.g. `cart.total` */
  attribute: string
  operator: Operator
  /** number, [min, max] for between, string[] for in/not_in and lists, string for starts_with; absent for is_true/is_false */
  value?: unknown
  params?: ConditionParams
}

export type ConditionGroup = {
  type: "group"
  combinator: "and" | "or"
  children: Array<Condition | ConditionGroup>
}

export type RuleAction =
  | { type: "hide_classes"; classes: PaymentClass[] }
  | { type: "allow_only_classes"; classes: PaymentClass[] }
  | { type: "hide_providers"; provider_ids: string[] }
  | { type: "add_score"; points: number }
  | { type: "flag_review" }

export type RiskRule = {
  id: string
  name: string
  description?: string | null
  /** lower runs (and is listed) first */
  priority: number
  enabled: boolean
  /** ISO timestamps; the rule applies only inside the window */
  valid_from?: string | null
  valid_until?: string | null
  conditions: ConditionGroup
  actions: RuleAction[]
  /** set on the rules shipped by default (`bulk_to_risk_country`…), null on the merchant's own */
  default_key?: string | null
}

export type RuleSettings = {
  enabled: boolean
  /** a score at or above this flags the order for review */
  review_score: number
  /** a score at or above this allows only prepayment */
  prepayment_score: number
  /** ISO country codes (lowercase) the merchant considers risky, for `*.country_in_risk_list` */
  risk_countries: string[]
  /** the same cart contents from the same customer or IP within this many minutes is a duplicate order */
  duplicate_window_minutes: number
  /** domains the merchant adds to the shipped free-mail / disposable lists */
  extra_free_mail_domains: string[]
  extra_disposable_domains: string[]
}

export type VelocitySubject = "email" | "phone" | "shipping_address" | "ip" | "customer"
export type VelocityNeed = { subject: VelocitySubject; source: "orders" | "carts"; window_minutes: number }

export type RuleItemFacts = {
  product_id: string | null
  quantity: number
  category_ids: string[]
  tag_ids: string[]
  collection_id: string | null
}

/**
 * What only the adapter can know (catalogue, customer groups, database counts, GeoIP, the
 * store's local time). Everything else the engine derives from the cart and history itself.
 * A field left undefined makes the conditions reading it "unavailable" (never guessed).
 */
export type AdapterRuleFacts = {
  items?: RuleItemFacts[]
  sales_channel_id?: string | null
  /** the store's average order value in the cart's currency (null: no orders yet) */
  average_order_value?: number | null
  customer_group_ids?: string[]
  /** orders past their payment term and still unpaid */
  has_overdue_orders?: boolean
  /** an earlier refused COD parcel or returned debit (negative-list source or order history) */
  has_refused_cod?: boolean
  has_returned_debit?: boolean
  /** the shopper's outcomes after checkout over her earlier orders (account or email) */
  outcome_counts?: OutcomeCounts
  ip?: string | null
  /** country of the shopper's IP (lowercase ISO); undefined when no GeoIP database is configured */
  ip_country?: string | null
  /** counts by `velocityKey(need)` */
  velocity?: Record<string, number>
  /** the store's local time at evaluation */
  local_time?: { weekday: number; hour: number }
  /** current time (ISO), for validity windows */
  now?: string
}

/** The facts every condition reads: derived by the engine plus the adapter's. */
export type RuleFacts = {
  cart: {
    total: number
    currency_code: string
    item_count: number
    max_product_quantity: number
    total_vs_average: number | undefined
    sales_channel_id: string | null | undefined
    items: RuleItemFacts[] | undefined
  }
  customer: {
    is_new: boolean
    paid_order_count: number
    days_since_first_paid_order: number | null
    group_ids: string[] | undefined
    has_unpaid_orders: boolean
    has_overdue_orders: boolean | undefined
    has_refused_cod: boolean | undefined
    has_returned_debit: boolean | undefined
    /** counts over the shopper's earlier orders; undefined when the history was not read */
    return_debits?: number
    /** chargebacks not reversed */
    chargebacks?: number
    refused_cod_parcels?: number
    open_dunning_amount?: number
    handed_over_orders?: number
  }
  billing_address: AddressSnapshot | null
  shipping_address: AddressSnapshot | null
  email: string | null
  phone: string | null
  ip: string | null | undefined
  ip_country: string | null | undefined
  velocity: Record<string, number> | undefined
  local_time: { weekday: number; hour: number } | undefined
  settings: RuleSettings
}

/** What a condition held, with which value (for the admin's "why"). */
export type ConditionTrace =
  | {
      type: "condition"
      attribute: string
      operator: Operator
      expected: unknown
      actual: unknown
      held: boolean
      /** the data was missing (e.g. no GeoIP database): the condition does not hold */
      unavailable?: boolean
      params?: ConditionParams
    }
  | { type: "group"; combinator: "and" | "or"; held: boolean; children: ConditionTrace[] }

export type RuleTrace = {
  rule_id: string
  name: string
  held: boolean
  /** why a rule was not evaluated: switched off or outside its validity window */
  skipped?: "disabled" | "not_yet_valid" | "expired"
  conditions?: ConditionTrace
  actions: RuleAction[]
}

export type RulesResult = {
  score: number
  review: boolean
  /** why review: rule names that flag, and/or the score threshold */
  review_reasons: string[]
  rules: RuleTrace[]
}
