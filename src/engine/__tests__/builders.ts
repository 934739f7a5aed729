import { DEFAULT_SETTINGS } from "../settings"
import {
  CartSnapshot,
  CheckOutcome,
  EngineContext,
  EngineInput,
  FirstOrderSettings,
  OrderHistoryEntry,
  PaymentClass,
  ProviderSnapshot,
  Restriction,
  RiskCheck,
  RiskSettings,
} from "../types"

/** Provider ids of a typical German region, one per class. */
export const P = {
  prepayment: "pp_prepayment_manual",
  cod: "pp_cash-on-delivery_manual",
  invoice: "pp_invoice_manual",
  card: "pp_stripe_stripe",
  sepa: "pp_stripe-sepa_stripe",
  paypal: "pp_paypal_paypal",
  other: "pp_system_default",
} as const

export const provider = (id: string, risk_class: PaymentClass): ProviderSnapshot => ({ id, risk_class })

/** All classes, in a fixed order: prepayment, cod, invoice, card, direct debit, paypal, other. */
export const allProviders = (): ProviderSnapshot[] => [
  provider(P.prepayment, "prepayment"),
  provider(P.cod, "cash_on_delivery"),
  provider(P.invoice, "invoice"),
  provider(P.card, "card"),
  provider(P.sepa, "direct_debit"),
  provider(P.paypal, "guaranteed"),
  provider(P.other, "other"),
]

export const ALL_IDS = allProviders().map((p) => p.id)

let seq = 0

export function order(overrides: Partial<OrderHistoryEntry> = {}): OrderHistoryEntry {
  seq += 1
  return {
    id: `order_${seq}`,
    status: "completed",
    total: 100,
    captured_amount: 100,
    refunded_amount: 0,
    created_at: "2024-01-01T00:00:00.000Z",
    ...overrides,
  }
}

export const paidOrder = (overrides: Partial<OrderHistoryEntry> = {}) => order(overrides)

export const awaitingOrder = (overrides: Partial<OrderHistoryEntry> = {}) =>
  order({ status: "pending", captured_amount: 0, ...overrides })

export const canceledOrder = (overrides: Partial<OrderHistoryEntry> = {}) =>
  order({ status: "canceled", captured_amount: 0, ...overrides })

export function cart(overrides: Partial<CartSnapshot> = {}): CartSnapshot {
  return {
    id: "cart_1",
    currency_code: "eur",
    total: 99.99,
    items: [{ product_id: "prod_1", variant_id: "variant_1", title: "Shirt", quantity: 1, unit_price: 99.99 }],
    email: "kunde@example.de",
    customer_id: "cus_1",
    billing_address: {
      first_name: "Hans",
      last_name: "Meier",
      address_1: "Hauptstraße 1",
      postal_code: "10115",
      city: "Berlin",
      country_code: "de",
    },
    shipping_address: null,
    region_id: "reg_de",
    providers: allProviders(),
    ...overrides,
  }
}

export function settings(
  firstOrder: Partial<FirstOrderSettings> = {},
  rest: Partial<Omit<RiskSettings, "first_order">> = {}
): RiskSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...rest,
    first_order: { ...DEFAULT_SETTINGS.first_order, ...firstOrder },
  }
}

export function input(
  opts: {
    cart?: Partial<CartSnapshot>
    orders?: OrderHistoryEntry[]
    firstOrder?: Partial<FirstOrderSettings>
    settings?: RiskSettings
  } = {}
): EngineInput {
  return {
    cart: cart(opts.cart),
    history: { orders: opts.orders ?? [] },
    settings: opts.settings ?? settings(opts.firstOrder),
  }
}

export function context(
  opts: Parameters<typeof input>[0] & { facts?: Partial<EngineContext["facts"]> } = {}
): EngineContext {
  return {
    ...input(opts),
    facts: {
      paid_order_count: 0,
      awaiting_payment_order_count: 0,
      is_new_customer: true,
      ...opts.facts,
    },
  }
}

/** A check that always returns the given restriction, with a reason named after `code`. */
export function staticCheck(code: string, restriction: Restriction): RiskCheck {
  return {
    id: `custom_${code}`,
    evaluate: (): CheckOutcome[] => [
      { restriction, reason: { check: `custom_${code}`, code, message: `custom ${code}`, values: { code } } },
    ],
  }
}

/** reason codes per hidden provider, for compact assertions */
export function hiddenCodes(decision: { hidden: { provider_id: string; reasons: { code: string }[] }[] }) {
  return Object.fromEntries(decision.hidden.map((h) => [h.provider_id, h.reasons.map((r) => r.code)]))
}
