/** The engine's own types: one definition for server and admin (src/engine has no Medusa imports). */
export { PAYMENT_CLASSES } from "../../engine/types"
export type { PaymentClass, RiskSettings } from "../../engine/types"
import type { PaymentClass, Reason } from "../../engine/types"

export type ProviderClass = {
  id: string
  risk_class: PaymentClass
  confirmed: boolean
  default_class: PaymentClass
  known: boolean
}

export type RegionProviders = {
  id: string
  name: string
  currency_code: string
  provider_ids: string[]
}

export type Assessment = {
  id: string
  cart_id: string
  order_id: string | null
  customer_id: string | null
  email: string | null
  selected_provider_id: string | null
  outcome: "accepted" | "refused" | "abandoned"
  fallback: boolean
  allowed_provider_ids: string[]
  hidden: Array<{ provider_id: string; risk_class: PaymentClass; reasons: Reason[] }>
  facts: { paid_order_count: number; awaiting_payment_order_count: number; is_new_customer: boolean }
  engine_version: string
  created_at: string
  signals?: AssessmentSignals
}

export type AssessmentSignals = {
  plausibility: string[]
  credit:
    | null
    | { status: "failed" }
    | {
        status: "answered"
        provider_id: string
        cached: boolean
        result: "none" | "soft" | "medium" | "hard"
        score: number | null
        traffic_light: string | null
      }
}
