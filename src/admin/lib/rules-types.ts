/** Types of the rules, evaluate and review API (see the HTTP contract of issue 4). */
export type {
  Condition,
  ConditionGroup,
  ConditionTrace,
  Operator,
  RuleAction,
  RuleSettings,
  RulesResult,
  RuleTrace,
} from "../../engine/rules/types"
import type { ConditionGroup, Operator, RuleAction, RulesResult } from "../../engine/rules/types"
import type { Decision, HiddenProvider } from "../../engine/types"

export type ConditionGroupName = "cart" | "customer" | "address" | "contact" | "network" | "velocity" | "time"
export const CONDITION_GROUPS: readonly ConditionGroupName[] = ["cart", "customer", "address", "contact", "network", "velocity", "time"]
export type ValueSource =
  | "products" | "categories" | "tags" | "collections" | "sales_channels" | "customer_groups"
  | "countries" | "currencies" | "weekdays"
export type ParamName = "product_id" | "category_id" | "window_minutes" | "source"

/** One entry of GET /admin/payment-risk/rules/conditions (the engine's condition registry). */
export type CatalogEntry = {
  attribute: string
  group: ConditionGroupName
  label: { de: string; en: string }
  type: "number" | "boolean" | "text" | "id_list"
  operators: Operator[]
  value_source?: ValueSource
  params?: ParamName[]
  unit?: "currency" | "multiple" | "count" | "days" | "hour" | "minutes"
}

export type RuleDTO = {
  id: string
  name: string
  description: string | null
  priority: number
  enabled: boolean
  valid_from: string | null
  valid_until: string | null
  conditions: ConditionGroup
  actions: RuleAction[]
  default_key: string | null
  created_at: string
  updated_at: string
}

export type RuleInput = {
  name: string
  description?: string | null
  priority?: number
  enabled?: boolean
  valid_from?: string | null
  valid_until?: string | null
  conditions: ConditionGroup
  actions: RuleAction[]
}

export type EvaluateResponse = {
  cart: { id: string; total: number; currency_code: string; email: string | null }
  decision: Decision
}

export type ReviewStatus = "none" | "pending" | "approved" | "cancelled"
export const REVIEW_FILTERS = ["pending", "approved", "cancelled", "all"] as const
export type ReviewFilter = (typeof REVIEW_FILTERS)[number]

export type ReviewDTO = {
  order_id: string
  display_id: number | null
  assessment_id: string
  review_status: ReviewStatus
  risk_score: number | null
  review_reasons: string[]
  email: string | null
  customer_id: string | null
  total: number | null
  currency_code: string | null
  order_created_at: string | null
}

export type ReviewEvent = {
  id: string
  action: string
  actor_id: string | null
  note: string | null
  details: Record<string, unknown> | null
  created_at: string
}

export type ReviewDetail = ReviewDTO & {
  rules: RulesResult | null
  hidden: HiddenProvider[]
  events: ReviewEvent[]
}
