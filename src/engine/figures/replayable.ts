import { buildContext } from "../engine"
import { checkPlausibility } from "../plausibility"
import type { NegativeListKind, NegativeListSource } from "../negative-list/types"
import type { PlausibilityFinding } from "../plausibility/types"
import type { CreditLimitName, CreditResult, TrafficLight } from "../credit/types"
import type { OutcomeCounts } from "../outcomes/types"
import { deriveRuleFacts } from "../rules/facts"
import { emailDomain, isDisposable, isFreeMail } from "../rules/domains"
import { CONDITION_BY_ATTRIBUTE } from "../rules/registry"
import type { RuleFacts, RuleItemFacts } from "../rules/types"
import type { EngineInput, ListAction, ProbingCounts, ProviderSnapshot } from "../types"

/**
 * Version of the `ReplayableInput` shape. A stored input of another version is reported as not
 * replayable rather than guessed (bump it when a field changes meaning).
 */
export const REPLAYABLE_VERSION = 1

/** Characters of a postcode that are kept (German "Leitbereich": 3 digits ≈ a district, never a street). */
export const POSTCODE_PREFIX_LENGTH = 3

/** An address reduced to where it is, roughly: country and postcode prefix. null = not entered. */
export type ReplayableAddress = { country_code: string | null; postcode_prefix: string | null }

/**
 * What the checks and rules read about a cart, as facts without personal data: no names,
 * emails, streets, phone numbers, IPs, IBANs or cards, no customer, cart or list-entry ids.
 * Conditions whose live reading needs such data (same address, packing station, mobile phone,
 * email domain) are stored as their result at the time (`signals`). Stored as JSON: a field
 * left out means "the adapter did not know it", as in `AdapterRuleFacts`.
 */
export type ReplayableInput = {
  version: number
  /** when the cart was evaluated (ISO): validity windows and the days since the first paid order refer to it */
  evaluated_at: string
  cart: {
    currency_code: string
    total: number
    item_count: number
    max_product_quantity: number
    /** absent: unknown to the adapter; null: no orders yet (as `AdapterRuleFacts`) */
    average_order_value?: number | null
    sales_channel_id?: string | null
    items?: RuleItemFacts[]
    /** the region's providers and the classes the merchant gave them (ids are the shop's, not the shopper's) */
    providers: ProviderSnapshot[]
  }
  customer: {
    paid_order_count: number
    awaiting_payment_order_count: number
    days_since_first_paid_order: number | null
    group_ids?: string[]
    has_overdue_orders?: boolean
    has_refused_cod?: boolean
    has_returned_debit?: boolean
    outcome_counts?: OutcomeCounts
  }
  billing: ReplayableAddress | null
  shipping: ReplayableAddress | null
  /** results of the conditions that read personal data, as they were (null = unavailable then) */
  signals: {
    shipping_differs: boolean | null
    packing_station: boolean | null
    phone_mobile_only: boolean | null
    phone_country_differs: boolean | null
    has_email: boolean
    /**
     * only a public provider's domain (free-mail or disposable, by the shipped lists and the
     * merchant's extra domains then); a company's or a person's own domain is not kept, so a draft
     * that adds it to the extra lists cannot see it
     */
    public_email_domain: string | null
    /** whether an IP was known (the IP itself is not kept: `network.ip_in_range` cannot be replayed) */
    has_ip: boolean
  }
  ip_country?: string | null
  velocity?: Record<string, number>
  local_time?: { weekday: number; hour: number }
  probing?: ProbingCounts
  /** the list matches found then (tolerant matching against the live list cannot be replayed) */
  negative_list: Array<{
    kind: NegativeListKind
    certain: boolean
    score: number
    matched_on: string[]
    action?: ListAction | null
    source?: NegativeListSource
  }>
  /** plausibility findings (field and code), computed whether or not the check was switched on */
  plausibility: PlausibilityFinding[]
  /** the credit check's outcome then, without the bureau's reference or error texts */
  credit?:
    | { status: "answered"; provider_id: string; cached: boolean; result: CreditResult; score: number | null; traffic_light: TrafficLight | null }
    | { status: "failed"; limit?: CreditLimitName }
}

export type ReplayableOptions = {
  /** evaluation time when the input carries none (`rule_facts.now`) */
  now?: Date
  /** list entry id → the entry's source, to keep the source of each match */
  entry_sources?: ReadonlyMap<string, NegativeListSource>
}

/** A registry reading as stored: a boolean, or null when unavailable. */
function readFlag(attribute: string, facts: RuleFacts): boolean | null {
  const value = CONDITION_BY_ATTRIBUTE.get(attribute)?.read(facts, {})
  return typeof value === "boolean" ? value : null
}

function addressOf(address: RuleFacts["billing_address"]): ReplayableAddress | null {
  if (!address) return null
  const postcode = address.postal_code?.replace(/\s+/g, "") || null
  return { country_code: address.country_code ?? null, postcode_prefix: postcode ? postcode.slice(0, POSTCODE_PREFIX_LENGTH) : null }
}

/** The engine input as replayable facts (see `ReplayableInput`). */
export function replayableInputOf(input: EngineInput, options: ReplayableOptions = {}): ReplayableInput {
  const now = input.rule_facts?.now ?? (options.now ?? new Date()).toISOString()
  const context = buildContext({ ...input, rules: [], rule_facts: { ...input.rule_facts, now } })
  const facts = deriveRuleFacts(context)
  const adapter = input.rule_facts ?? {}
  const domain = emailDomain(input.cart.email)
  const { extra_free_mail_domains: extraFree, extra_disposable_domains: extraDisposable } = input.settings.rules
  const isPublic = isFreeMail(domain, extraFree) || isDisposable(domain, extraDisposable)
  const credit = input.credit
  return {
    version: REPLAYABLE_VERSION,
    evaluated_at: now,
    cart: {
      currency_code: input.cart.currency_code,
      total: input.cart.total,
      item_count: facts.cart.item_count,
      max_product_quantity: facts.cart.max_product_quantity,
      ...("average_order_value" in adapter ? { average_order_value: adapter.average_order_value } : {}),
      ...("sales_channel_id" in adapter ? { sales_channel_id: adapter.sales_channel_id } : {}),
      ...(adapter.items ? { items: adapter.items } : {}),
      providers: input.cart.providers.map(({ id, risk_class }) => ({ id, risk_class })),
    },
    customer: {
      paid_order_count: context.facts.paid_order_count,
      awaiting_payment_order_count: context.facts.awaiting_payment_order_count,
      days_since_first_paid_order: facts.customer.days_since_first_paid_order,
      ...(adapter.customer_group_ids ? { group_ids: adapter.customer_group_ids } : {}),
      ...(adapter.has_overdue_orders !== undefined ? { has_overdue_orders: adapter.has_overdue_orders } : {}),
      ...(adapter.has_refused_cod !== undefined ? { has_refused_cod: adapter.has_refused_cod } : {}),
      ...(adapter.has_returned_debit !== undefined ? { has_returned_debit: adapter.has_returned_debit } : {}),
      ...(adapter.outcome_counts ? { outcome_counts: adapter.outcome_counts } : {}),
    },
    billing: addressOf(facts.billing_address),
    shipping: addressOf(facts.shipping_address),
    signals: {
      shipping_differs: readFlag("address.shipping_differs", facts),
      packing_station: readFlag("shipping.is_packing_station", facts),
      phone_mobile_only: readFlag("contact.phone_mobile_only", facts),
      phone_country_differs: readFlag("contact.phone_country_differs", facts),
      has_email: !!facts.email,
      public_email_domain: isPublic ? domain : null,
      has_ip: !!adapter.ip,
    },
    ...("ip_country" in adapter ? { ip_country: adapter.ip_country } : {}),
    ...(adapter.velocity ? { velocity: adapter.velocity } : {}),
    ...(adapter.local_time ? { local_time: adapter.local_time } : {}),
    ...(input.probing ? { probing: { ...input.probing } } : {}),
    negative_list: (input.negative_list_matches ?? []).map((match) => {
      const source = options.entry_sources?.get(match.entry_id)
      return {
        kind: match.kind,
        certain: match.certain,
        score: match.score,
        matched_on: [...match.matched_on],
        ...(match.action ? { action: match.action } : {}),
        ...(source ? { source } : {}),
      }
    }),
    plausibility: (context.plausibility_findings ?? checkPlausibility(input.cart)).map(({ field, code }) => ({ field, code })),
    ...(credit
      ? {
          credit:
            credit.status === "answered"
              ? {
                  status: "answered" as const,
                  provider_id: credit.provider_id,
                  cached: credit.cached,
                  result: credit.answer.result,
                  score: credit.answer.score ?? null,
                  traffic_light: credit.answer.traffic_light ?? null,
                }
              : { status: "failed" as const, ...(credit.limit ? { limit: credit.limit } : {}) },
        }
      : {}),
  }
}
