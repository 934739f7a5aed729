import type { CartEvaluationRow, ListEntryAddedRow, OrderFigureRow } from "../analytics-rows"
import { analyticsOf, providerFigures, restrictionsByCause } from "../analytics"

const NOV = "2026-11-10T12:00:00.000Z"
const OCT = "2026-10-10T12:00:00.000Z"
const NO_CREDIT = { ran: false, cost: 0, cached: false, failed: false }

const cart = (overrides: Partial<CartEvaluationRow>): CartEvaluationRow => ({
  evaluated_at: NOV, currency_code: "eur", total: 100, restricted: false, causes: [], completed: false, credit: NO_CREDIT, ...overrides,
})
const order = (order_id: string, overrides: Partial<OrderFigureRow>): OrderFigureRow => ({
  order_id, placed_at: NOV, currency_code: "eur", amount: 100, payment_class: "invoice", bucket: "paid_fine", ...overrides,
})

const CARTS: CartEvaluationRow[] = [
  cart({ restricted: true, causes: ["first_order"], completed: true, completed_class: "cash_on_delivery" }), // c1
  cart({ total: 200, restricted: true, causes: ["credit_check"], hidden_classes: ["invoice", "direct_debit"], credit: { ran: true, cost: 1.5, cached: false, failed: false } }), // c2
  cart({ restricted: true, causes: ["rules", "r1"], rules_held: ["r1", "r2"], completed: true }), // c3
  cart({ rules_held: ["r2"], completed: true, credit: { ran: true, cost: 0, cached: true, failed: false } }), // c4
  cart({ restricted: true, causes: ["negative_list"], list_matches: [{ kind: "person", source: "chargeback" }, { kind: "iban", source: "return_debit" }] }), // c5
  cart({ restricted: true, causes: ["credit_check"], hidden_classes: ["invoice"], credit: { ran: true, cost: 1.5, cached: false, failed: true } }), // c6
  cart({ evaluated_at: OCT, restricted: true, causes: ["first_order"] }), // c7: before the period
  cart({ currency_code: "chf", restricted: true, causes: ["first_order"] }), // c8: another currency
  cart({ restricted: true, causes: ["rules", "r_deleted"], rules_held: ["r_deleted"] }), // c9: a rule since deleted
]

const ORDERS: OrderFigureRow[] = [
  order("o1", { bucket: "defaulted", lost: 100, rules_held: ["r1"], provider_id: "pp_invoice_manual" }),
  order("o2", { amount: 200, provider_id: "pp_invoice_manual" }),
  order("o3", { amount: 50, bucket: "paid_late", recovered: 9.5, provider_id: "pp_invoice_manual" }),
  order("o4", { amount: 150, bucket: "defaulted", lost: 120, recovered: 30, rules_held: ["r2"], flagged_by: ["r2"], provider_id: "pp_invoice_manual" }),
  order("o5", { amount: 80, payment_class: "direct_debit", bucket: "defaulted", lost: 83, provider_id: "pp_stripe-sepa_stripe" }),
  order("o6", { amount: 120, payment_class: "direct_debit", provider_id: "pp_stripe-sepa_stripe" }),
  order("o7", { amount: 60, payment_class: "direct_debit", provider_id: "pp_stripe-sepa_stripe" }),
  order("o8", { amount: 40, payment_class: "direct_debit", flagged_by: ["r1"], provider_id: "pp_stripe-sepa_stripe" }),
  order("o9", { amount: 30, payment_class: "card", provider_id: "pp_stripe_stripe" }),
  order("o10", { amount: 999, placed_at: OCT, bucket: "defaulted", lost: 999 }), // before the period
]

const ADDED: ListEntryAddedRow[] = [
  { created_at: NOV, source: "manual" },
  { created_at: NOV, source: "manual" },
  { created_at: NOV, source: "cod_refused" },
  { created_at: OCT, source: "chargeback" }, // before the period
]

const RULES = [{ id: "r1", name: "Rule one" }, { id: "r2", name: "Rule two" }, { id: "r3", name: "Rule three" }]
const PERIOD = { from: "2026-11-01T00:00:00.000Z", to: "2026-12-01T00:00:00.000Z", currency_code: "EUR" }

describe("analyticsOf (hand-counted history)", () => {
  const figures = analyticsOf({ carts: CARTS, orders: ORDERS, list_entries_added: ADDED, rules: RULES }, PERIOD)

  it("should count carts evaluated, restricted, completed and abandoned after a restriction (c1–c6, c9)", () => {
    expect(figures.carts).toEqual({ evaluated: 7, restricted: 6, completed_after_restriction: 2, abandoned_after_restriction: 4 })
  })

  it("should give orders, amount, defaults, default rate, lost and recovered per class in class order", () => {
    expect(figures.by_class).toEqual([
      { class: "invoice", orders: 4, amount: 500, defaulted: 2, default_rate: 0.5, lost: 220, recovered: 39.5 },
      { class: "direct_debit", orders: 4, amount: 300, defaulted: 1, default_rate: 0.25, lost: 83, recovered: 0 },
      { class: "card", orders: 1, amount: 30, defaulted: 0, default_rate: 0, lost: 0, recovered: 0 },
    ])
  })

  it("should count credit queries, cost, cache hits, failures and estimate the losses avoided", () => {
    // c2: 200 × (2 + 1 defaults) ÷ (4 + 4 invoice and direct-debit orders) = 75; c6: 100 × 2 ÷ 4 = 50
    expect(figures.credit).toEqual({ queries: 2, cost: 3, cache_hits: 1, failures: 1, losses_avoided_estimate: 125 })
  })

  it("should give per rule how often it held, restricted, flagged and defaulted, the rules' order first, a deleted rule last", () => {
    expect(figures.rules).toEqual([
      { rule_id: "r1", name: "Rule one", held: 1, restricted: 1, flagged: 1, defaulted: 1 },
      { rule_id: "r2", name: "Rule two", held: 2, restricted: 0, flagged: 1, defaulted: 1 },
      { rule_id: "r3", name: "Rule three", held: 0, restricted: 0, flagged: 0, defaulted: 0 },
      { rule_id: "r_deleted", name: null, held: 1, restricted: 1, flagged: 0, defaulted: 0 },
    ])
  })

  it("should count list hits per kind and source and entries added per source in the period", () => {
    expect(figures.negative_list.hits.total).toBe(2)
    expect(figures.negative_list.hits.by_kind).toMatchObject({ person: 1, iban: 1, address: 0, email: 0 })
    expect(figures.negative_list.hits.by_source).toEqual({ manual: 0, chargeback: 1, return_debit: 1, dunning: 0, cod_refused: 0, fraud_review: 0, import: 0, unknown: 0 })
    expect(figures.negative_list.added_by_source).toEqual({ manual: 2, chargeback: 0, return_debit: 0, dunning: 0, cod_refused: 1, fraud_review: 0, import: 0 })
  })

  it("should count every row without a period", () => {
    const all = analyticsOf({ carts: CARTS, orders: ORDERS, list_entries_added: ADDED, rules: RULES })
    expect([all.carts.evaluated, all.by_class.find((c) => c.class === "invoice")?.orders, all.negative_list.added_by_source.chargeback]).toEqual([9, 5, 1])
  })

  it("should answer zeros for an empty period", () => {
    const empty = analyticsOf({ carts: [], orders: [], list_entries_added: [], rules: [] }, PERIOD)
    expect([empty.carts, empty.by_class, empty.credit, empty.rules, empty.negative_list.hits.total]).toEqual([
      { evaluated: 0, restricted: 0, completed_after_restriction: 0, abandoned_after_restriction: 0 },
      [],
      { queries: 0, cost: 0, cache_hits: 0, failures: 0, losses_avoided_estimate: 0 },
      [],
      0,
    ])
  })
})

describe("restrictionsByCause", () => {
  it("should count per check or rule the carts it restricted, completed and abandoned, most first", () => {
    const carts = CARTS.filter((c) => c.evaluated_at === NOV && c.currency_code === "eur")
    expect(restrictionsByCause(carts)).toEqual([
      { cause: "credit_check", restricted: 2, completed: 0, abandoned: 2 },
      { cause: "rules", restricted: 2, completed: 1, abandoned: 1 },
      { cause: "first_order", restricted: 1, completed: 1, abandoned: 0 },
      { cause: "negative_list", restricted: 1, completed: 0, abandoned: 1 },
      { cause: "r1", restricted: 1, completed: 1, abandoned: 0 },
      { cause: "r_deleted", restricted: 1, completed: 0, abandoned: 1 },
    ])
  })
})

describe("providerFigures", () => {
  it("should give the class figures per provider, by id", () => {
    expect(providerFigures(ORDERS.slice(0, 9))).toEqual([
      { provider_id: "pp_invoice_manual", orders: 4, amount: 500, defaulted: 2, default_rate: 0.5, lost: 220, recovered: 39.5 },
      { provider_id: "pp_stripe-sepa_stripe", orders: 4, amount: 300, defaulted: 1, default_rate: 0.25, lost: 83, recovered: 0 },
      { provider_id: "pp_stripe_stripe", orders: 1, amount: 30, defaulted: 0, default_rate: 0, lost: 0, recovered: 0 },
    ])
  })
})
