import type { CreditCheckSettings, CreditOutcome } from "./credit/types"
import type { NegativeListKind, NegativeListMatch } from "./negative-list/types"
import type { PlausibilityFinding } from "./plausibility/types"
import type { AdapterRuleFacts, RiskRule, RuleSettings, RulesResult } from "./rules/types"
import type { DunningSettings } from "./dunning/stages"
import type { Consequence, ConsequenceKey } from "./outcomes/consequences"

/**
 * Plain data types of the decision engine. Nothing in src/engine imports Medusa:
 * adapters build these snapshots, call `decide`, and store or show the result.
 */

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

export type AddressSnapshot = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  postal_code?: string | null
  city?: string | null
  province?: string | null
  country_code?: string | null
  phone?: string | null
}

export type CartItemSnapshot = {
  product_id?: string | null
  variant_id?: string | null
  title?: string | null
  quantity: number
  /** unit price in major units, as Medusa stores it */
  unit_price: number
}

/** A payment provider enabled in the cart's region, with the class the merchant gave it. */
export type ProviderSnapshot = {
  id: string
  risk_class: PaymentClass
}

export type CartSnapshot = {
  id: string
  currency_code: string
  /** cart total in major units (e.g. 299.99 EUR), a number */
  total: number
  items: CartItemSnapshot[]
  email?: string | null
  customer_id?: string | null
  billing_address?: AddressSnapshot | null
  shipping_address?: AddressSnapshot | null
  region_id?: string | null
  /** the shopper's birth date (YYYY-MM-DD) where the storefront collects it (cart metadata `birth_date`), for credit checks */
  birth_date?: string | null
  providers: ProviderSnapshot[]
}

/** One earlier order of the same customer identity (customer id or normalised email). */
export type OrderHistoryEntry = {
  id: string
  /** Medusa order status: pending, completed, draft, archived, canceled, requires_action */
  status: string
  /** order total in major units */
  total: number
  captured_amount: number
  refunded_amount: number
  created_at?: string | Date | null
  /**
   * what happened after checkout took the money back or wrote it off (a return debit or a
   * chargeback not reversed, a refused parcel, a write-off): the order is not paid, whatever
   * Medusa's capture says (see defaultedByOutcomes)
   */
  defaulted?: boolean
}

export type CustomerHistory = {
  orders: OrderHistoryEntry[]
}

export type LocalizedText = {
  de: string
  en: string
}

export type FirstOrderSettings = {
  /** switch the first-order rule off entirely */
  enabled: boolean
  /** a customer is new until it has this many paid orders */
  paid_orders_required: number
  /** classes offered to a new customer */
  allowed_classes: PaymentClass[]
  /** maximum cart total (major units) for cash on delivery on a first order; null = no limit */
  cod_max_amount: number | null
  /** classes offered to a new customer who already has an order awaiting payment */
  pending_order_allowed_classes: PaymentClass[]
}

/** What a negative-list match does to the payment methods. */
export type ListAction =
  | { type: "allow_only_classes"; classes: PaymentClass[] }
  | { type: "hide_classes"; classes: PaymentClass[] }

export type NegativeListSettings = {
  enabled: boolean
  /** action for a certain match, per entry kind (default: only prepayment) */
  actions: Record<NegativeListKind, ListAction>
  /** action for a possible match (e.g. an initial instead of the first name) */
  possible_match_action: ListAction
}

export type PlausibilitySettings = {
  enabled: boolean
  /** what an implausible address, email or phone does (default: hide invoice and direct debit) */
  action: ListAction
}

export type ShopDetails = {
  /** {shop_name} */
  name: string
  /** {statement_descriptor}: how the shop appears on bank and card statements */
  statement_descriptor: string
  /** {hotline} */
  hotline: string
  /** {support_email} */
  support_email: string
  /** language for shoppers whose locale the plugin has no text for (before English) */
  default_locale: string
  /** the shop's bank account for prepayment and dunning letters (the merchant's, not personal data) */
  account_holder: string
  iban: string
  bic: string
  bank_name: string
  /** postal address printed on letters, one line per line */
  postal_address: string
}

/** What outcomes after checkout do to the negative list: the merchant's consequence per kind and reason (unset keys use the defaults). */
export type OutcomeSettings = {
  consequences: Record<ConsequenceKey, Consequence>
}

/** How a shopper is recognised, and how probing of the provider list is stopped. */
export type ShopperProtectionSettings = {
  /**
   * `email_and_address` (default): a guest's earlier orders count only where the billing person
   * and address match (tolerantly) the order placed under that email. `email`: the email alone
   * (weaker: anyone who knows a customer's email is treated as that customer).
   */
  guest_recognition: "email_and_address" | "email"
  /** more distinct billing identities (email, person + address) than this on one cart → fallback */
  max_identities_per_cart: number
  /** more distinct billing identities than this from one IP address → fallback */
  max_identities_per_ip: number
  /** the window both limits count in, in minutes */
  identity_window_minutes: number
}

/**
 * How long each kind of stored data is kept, in days (the daily retention job applies them;
 * README "What is stored, when, and for how long" gives the reasons for the defaults).
 */
export type RetentionSettings = {
  /**
   * assessments: after this many days the personal data goes (email, customer id, cart and
   * order link, the decision's values and messages); the anonymous figures stay. null: the
   * plugin option `assessment_retention_days` (default 730)
   */
  assessment_days: number | null
  /** velocity signals (keyed hashes per cart); never shorter than the longest velocity window of an enabled rule */
  cart_signal_days: number
  /** identity observations (probing limits); never shorter than the probing window */
  identity_observation_days: number
  /** credit-check queries and limit events; never shorter than the credit answers' cache */
  credit_query_days: number
  /** review events (actor, note, order) */
  review_event_days: number
  /** what happened after checkout (outcomes): claims expire three years after the end of their year (§195, §199 BGB) */
  outcome_days: number
  /** default expiry of a negative-list entry created without one */
  list_entry_days: number
  /** an expired entry is deleted this many days after its expiry (time to renew it) */
  list_entry_grace_days: number
  /** negative-list audit rows (masked values only) */
  list_audit_days: number
  /** the merchant's figures: evaluated carts and placed orders (no personal data; ids removed on erasure) */
  figures_days: number
}

export type RiskSettings = {
  first_order: FirstOrderSettings
  negative_list: NegativeListSettings
  plausibility: PlausibilitySettings
  credit_check: CreditCheckSettings
  /** merchant rules: score thresholds, risk countries, domain lists */
  rules: RuleSettings
  /** guest recognition and probing limits */
  protection: ShopperProtectionSettings
  /** the shop's details that shopper texts and security tips fill in as placeholders */
  shop: ShopDetails
  /** how long each kind of stored data is kept */
  retention: RetentionSettings
  /** dunning of unpaid invoices: stages, interest, base rates */
  dunning: DunningSettings
  /** negative-list consequences of outcomes after checkout */
  outcomes: OutcomeSettings
  /** classes offered when the evaluation fails or times out */
  fallback_classes: PaymentClass[]
  /** neutral notice shown to a shopper when the first-order rule alone hid methods (names what first orders can use) */
  notice: LocalizedText
  /** neutral notice for every other restriction: names no method and no reason */
  notice_restricted: LocalizedText
  /** what a shopper reads when a payment session or completion is refused (neutral) */
  refusal_message: LocalizedText
  /** time budget of one evaluation, in milliseconds */
  evaluation_timeout_ms: number
}

export type EngineInput = {
  cart: CartSnapshot
  history: CustomerHistory
  settings: RiskSettings
  /** matches of the cart's data on the negative list, found by the adapter */
  negative_list_matches?: NegativeListMatch[]
  /** a credit check's answer or failure, when the adapter asked one (see planCreditQuery) */
  credit?: CreditOutcome
  /** the merchant's rules (enabled or not; the engine skips disabled and out-of-window ones) */
  rules?: RiskRule[]
  /** facts only the adapter can know (catalogue, groups, velocity counts, GeoIP, local time) */
  rule_facts?: AdapterRuleFacts
  /** distinct billing identities seen on the cart and from its IP in the window (probing limits) */
  probing?: ProbingCounts
}

export type ProbingCounts = {
  identities_on_cart: number
  identities_from_ip: number
}

/** What a check decides about the payment methods. */
export type Restriction =
  | { kind: "allow_only_classes"; classes: PaymentClass[] }
  | { kind: "hide_classes"; classes: PaymentClass[] }
  | { kind: "hide_providers"; provider_ids: string[] }

/** Why something was hidden: the check, a stable code, a merchant-readable message, and the values that made it fire. */
export type Reason = {
  check: string
  code: string
  message: string
  values: Record<string, unknown>
}

export type CheckOutcome = {
  restriction: Restriction
  reason: Reason
}

/** Values derived once from the input and shared by all checks. */
export type EngineContext = EngineInput & {
  /** the rules' results, evaluated once (absent when there are no rules or they are switched off) */
  rules_result?: RulesResult
  /** plausibility findings, computed once (absent when the check is switched off) */
  plausibility_findings?: PlausibilityFinding[]
  facts: {
    paid_order_count: number
    awaiting_payment_order_count: number
    is_new_customer: boolean
  }
}

/** A check is one file in src/engine/checks: it reads the context and returns zero or more outcomes. */
export type RiskCheck = {
  id: string
  evaluate(context: EngineContext): CheckOutcome[]
}

export type HiddenProvider = {
  provider_id: string
  risk_class: PaymentClass
  reasons: Reason[]
}

export type Decision = {
  allowed_provider_ids: string[]
  hidden: HiddenProvider[]
  /** true when the decision is the configured fallback because the evaluation failed */
  fallback: boolean
  engine_version: string
  facts: EngineContext["facts"]
  /** what the cheap and external checks found, also when nothing was hidden (for the admin) */
  signals?: DecisionSignals
  /** every rule with the result of each condition, the score and whether the order goes to review */
  rules?: RulesResult
}

export type DecisionSignals = {
  /** plausibility findings as `field:code` */
  plausibility: string[]
  /** the credit check's outcome, when one was asked (or taken from the cache) */
  credit: null | { status: "failed" } | { status: "answered"; provider_id: string; cached: boolean; result: string; score: number | null; traffic_light: string | null }
}
