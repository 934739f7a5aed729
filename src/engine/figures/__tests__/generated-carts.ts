import { planCreditQuery } from "../../credit/policy"
import { decide } from "../../engine"
import type { NegativeListKind } from "../../negative-list/types"
import { DEFAULT_RULES } from "../../rules/defaults"
import type { RiskRule } from "../../rules/types"
import { velocityKey, velocityNeeds } from "../../rules/velocity"
import { DEFAULT_SETTINGS } from "../../settings"
import type { AddressSnapshot, EngineInput, OrderHistoryEntry, ProviderSnapshot, RiskSettings } from "../../types"

/** A small seeded generator (mulberry32): the same seed gives the same carts on every run. */
export function random(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]
  const chance = (p: number) => next() < p
  return { next, int, pick, chance }
}

export const DEFAULT_RISK_RULES: RiskRule[] = DEFAULT_RULES.map((rule, index) => ({ ...rule, id: `rule_${index + 1}` }))

const PROVIDERS: ProviderSnapshot[] = [
  { id: "pp_prepayment_manual", risk_class: "prepayment" },
  { id: "pp_cash-on-delivery_manual", risk_class: "cash_on_delivery" },
  { id: "pp_invoice_manual", risk_class: "invoice" },
  { id: "pp_stripe_stripe", risk_class: "card" },
  { id: "pp_stripe-sepa_stripe", risk_class: "direct_debit" },
  { id: "pp_paypal_paypal", risk_class: "guaranteed" },
]

const EMAILS = [null, "anna@gmail.com", "ben@web.de", "x@mailinator.com", "c.meier@meier-gartenbau.de", "kaputt", "d@trashmail.com"]
const PHONES = [null, "+49 151 23456789", "030 1234567", "+43 664 1234567", "123", "+49 170 1234567"]
const STREETS = ["Hauptstraße 5", "Hauptstr. 5", "Lindenweg", "Packstation 112", "Am Markt 3a"]
const COUNTRIES = ["de", "de", "de", "at", "by", "ru"]
const KINDS: NegativeListKind[] = ["person", "address", "email", "iban", "phone"]

function address(g: ReturnType<typeof random>): AddressSnapshot {
  return {
    first_name: g.pick(["Hans", "Lea", ""]),
    last_name: g.pick(["Meier", "Meyer", "Schulz"]),
    address_1: g.pick(STREETS),
    postal_code: g.pick(["10115", "10 115", "8010", "123", ""]),
    city: g.pick(["Berlin", "Graz", ""]),
    country_code: g.pick(COUNTRIES),
    phone: g.pick(PHONES),
  }
}

function history(g: ReturnType<typeof random>): OrderHistoryEntry[] {
  return Array.from({ length: g.int(0, 3) }, (_, i) => {
    const kind = g.pick(["paid", "awaiting", "canceled", "defaulted"])
    return {
      id: `o${i}`,
      status: kind === "canceled" ? "canceled" : kind === "awaiting" ? "pending" : "completed",
      total: 100,
      captured_amount: kind === "awaiting" || kind === "canceled" ? 0 : 100,
      refunded_amount: 0,
      created_at: `2026-0${g.int(1, 9)}-1${g.int(0, 9)}T10:00:00.000Z`,
      ...(kind === "defaulted" ? { defaulted: true } : {}),
    }
  })
}

/** A random cart with history, list matches, rule facts and probing counts; a credit answer where the settings would ask. */
export function generatedInput(seed: number, rules: RiskRule[] = DEFAULT_RISK_RULES): EngineInput {
  const g = random(seed)
  const settings: RiskSettings = {
    ...DEFAULT_SETTINGS,
    plausibility: { ...DEFAULT_SETTINGS.plausibility, enabled: g.chance(0.7) },
    credit_check: { ...DEFAULT_SETTINGS.credit_check, enabled: g.chance(0.5), providers: [{ id: "bureau", cost: 1.5 }], min_amount: g.pick([0, 200]) },
  }
  const billing = g.chance(0.9) ? address(g) : null
  const shipping = g.chance(0.4) ? (g.chance(0.5) && billing ? { ...billing } : address(g)) : null
  const quantity = g.pick([1, 2, 5, 20, 30])
  const total = g.pick([19.99, 99, 250, 299.99, 300, 301, 900, 2500])
  const needs = velocityNeeds(rules)
  const input: EngineInput = {
    cart: {
      id: `cart_${seed}`,
      currency_code: g.pick(["eur", "EUR", "chf"]),
      total,
      items: [
        { product_id: "prod_dish", variant_id: "v1", title: "Satellite dish", quantity, unit_price: total / quantity },
        ...(g.chance(0.5) ? [{ product_id: "prod_shirt", quantity: g.int(1, 3), unit_price: 10 }] : []),
      ],
      email: g.pick(EMAILS),
      customer_id: g.chance(0.5) ? "cus_1" : null,
      billing_address: billing,
      shipping_address: shipping,
      providers: PROVIDERS.filter(() => g.chance(0.85)),
    },
    history: { orders: history(g) },
    settings,
    rules,
    negative_list_matches: g.chance(0.2)
      ? [{ entry_id: "nle_1", kind: g.pick(KINDS), score: g.pick([0.8, 1]), certain: g.chance(0.6), matched_on: ["last_name"], ...(g.chance(0.3) ? { action: { type: "hide_classes" as const, classes: ["invoice" as const] } } : {}) }]
      : [],
    rule_facts: {
      now: `2026-11-${String(g.int(10, 28))}T${String(g.int(10, 23))}:00:00.000Z`,
      ...(g.chance(0.8) ? { average_order_value: g.pick([null, 0, 80, 120, 400]) } : {}),
      ...(g.chance(0.7) ? { ip: "203.0.113.9", ip_country: g.pick([null, "de", "at", "ru"]) } : {}),
      velocity: Object.fromEntries(needs.map((need) => [velocityKey(need), g.int(0, 12)])),
      local_time: { weekday: g.int(0, 6), hour: g.int(0, 23) },
      ...(g.chance(0.5) ? { has_overdue_orders: g.chance(0.3), has_refused_cod: g.chance(0.2), has_returned_debit: g.chance(0.2) } : {}),
    },
    ...(g.chance(0.3) ? { probing: { identities_on_cart: g.int(0, 6), identities_from_ip: g.int(0, 12) } } : {}),
  }
  if (planCreditQuery(input, decide(input)).ask) {
    input.credit = g.chance(0.2)
      ? { status: "failed", errors: ["timeout"] }
      : {
          status: "answered",
          provider_id: "bureau",
          cached: g.chance(0.5),
          answer: { result: g.pick(["none", "soft", "medium", "hard", "unknown"] as const), score: g.pick([null, 300, 700]), traffic_light: g.pick([null, "green", "yellow", "red"] as const), reference: "REF-1" },
        }
  }
  return input
}
