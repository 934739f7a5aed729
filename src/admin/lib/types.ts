export const PAYMENT_CLASSES = [
  "prepayment",
  "guaranteed",
  "cash_on_delivery",
  "invoice",
  "direct_debit",
  "card",
  "other",
] as const

export type PaymentClass = (typeof PAYMENT_CLASSES)[number]

export type RiskSettings = {
  first_order: {
    enabled: boolean
    paid_orders_required: number
    allowed_classes: PaymentClass[]
    cod_max_amount: number | null
    pending_order_allowed_classes: PaymentClass[]
  }
  fallback_classes: PaymentClass[]
  notice: { de: string; en: string }
  evaluation_timeout_ms: number
}

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

export type Reason = {
  check: string
  code: string
  message: string
  values: Record<string, unknown>
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
}
