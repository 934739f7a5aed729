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
  order("o1", { bucket: "defaulted", written_off: true, lost: 100, rules_held: ["r1"], provider_id: "pp_invoice_manual" }),
  order("o2", { amount: 200, provider_id: "pp_invoice_manual" }),
  order("o3", { amount: 50, bucket: "paid_late", recovered: 9.5, provider_id: "pp_invoice_manual" }),
  order("o4", { amount: 150, bucket: "defaulted", written_off: true, lost: 120, recovered: 30, rules_held: ["r2"], flagged_by: ["r2"], provider_id: "pp_invoice_manual" }),
  order("o5", { amount: 80, payment_class: "direct_debit", bucket: "defaulted", returned: true, lost: 83, provider_id: "pp_stripe-sepa_stripe" }),
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

const KINDS = { returned: 0, charged_back: 0, refused: 0, written_off: 0, in_dunning: 0 }

const RULES = [{ id: "r1", name: "Rule one" }, { id: "r2", name: "Rule two" }, { id: "r3", name: "Rule three" }]
const PERIOD = { from: "2026-11-01T00:00:00.000Z", to: "2026-12-01T00:00:00.000Z", currency_code: "EUR" }

describe("analyticsOf (hand-counted history)", () => {
  const figures = analyticsOf({ carts: CARTS, orders: ORDERS, list_entries_added: ADDED, rules: RULES }, PERIOD)

  it("should count carts evaluated, restricted, completed and abandoned after a restriction (c1–c6, c9)", () => {
    expect(figures.carts).toEqual({ evaluated: 7, restricted: 6, completed_after_restriction: 2, abandoned_after_restriction: 4 })
  })

  it("should give orders, amount, defaults, default rate, lost and recovered per class in class order", () => {
    expect(figures.by_class).toEqual([
      { class: "invoice", orders: 4, amount: 500, defaulted: 2, default_rate: 0.5, lost: 220, recovered: 39.5, ...KINDS, written_off: 2, in_dunning: 1 },
      { class: "direct_debit", orders: 4, amount: 300, defaulted: 1, default_rate: 0.25, lost: 83, recovered: 0, ...KINDS, returned: 1 },
      { class: "card", orders: 1, amount: 30, defaulted: 0, default_rate: 0, lost: 0, recovered: 0, ...KINDS },
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
      { provider_id: "pp_invoice_manual", payment_class: "invoice", orders: 4, amount: 500, defaulted: 2, default_rate: 0.5, lost: 220, recovered: 39.5 },
      { provider_id: "pp_stripe-sepa_stripe", payment_class: "direct_debit", orders: 4, amount: 300, defaulted: 1, default_rate: 0.25, lost: 83, recovered: 0 },
      { provider_id: "pp_stripe_stripe", payment_class: "card", orders: 1, amount: 30, defaulted: 0, default_rate: 0, lost: 0, recovered: 0 },
    ])
  })
})

describe("when rows are grouped (SQL passes one row per group with a count)", () => {
  const expand = <T extends { count?: number }>(rows: readonly T[]): T[] =>
    rows.flatMap((row) => Array.from({ length: row.count ?? 1 }, () => ({ ...row, count: undefined })))

  it("should give the same figures as the rows one by one when totals and amounts are the group's sums", () => {
    const grouped: CartEvaluationRow[] = [
      cart({ count: 3, total: 300, restricted: true, causes: ["credit_check"], hidden_classes: ["invoice"], credit: { ran: true, cost: 4.5, cached: false, failed: false } }),
      cart({ count: 2, total: 200, restricted: true, causes: ["rules", "r1"], rules_held: ["r1"], completed: true, list_matches: [{ kind: "email", source: "manual" }] }),
      cart({ count: 4, total: 400 }),
    ]
    const single = expand(grouped).map((row) => ({ ...row, total: row.total / (grouped.find((g) => g.causes === row.causes)?.count ?? 1), credit: { ...row.credit, cost: row.credit.ran ? 1.5 : 0 } }))
    const orders: OrderFigureRow[] = [
      order("g1", { count: 5, amount: 500, provider_id: "pp_invoice_manual" }),
      order("g2", { count: 2, amount: 300, bucket: "defaulted", written_off: true, lost: 300, rules_held: ["r1"], flagged_by: ["r1"], provider_id: "pp_invoice_manual" }),
    ]
    const singleOrders = [
      ...Array.from({ length: 5 }, (_, i) => order(`s${i}`, { amount: 100, provider_id: "pp_invoice_manual" })),
      ...Array.from({ length: 2 }, (_, i) => order(`d${i}`, { amount: 150, bucket: "defaulted", written_off: true, lost: 150, rules_held: ["r1"], flagged_by: ["r1"], provider_id: "pp_invoice_manual" })),
    ]
    const added: ListEntryAddedRow[] = [{ created_at: NOV, source: "manual", count: 3 }]
    const a = analyticsOf({ carts: grouped, orders, list_entries_added: added, rules: RULES }, PERIOD)
    const b = analyticsOf({ carts: single, orders: singleOrders, list_entries_added: expand(added), rules: RULES }, PERIOD)
    expect(a).toEqual(b)
    expect(a.carts).toEqual({ evaluated: 9, restricted: 5, completed_after_restriction: 2, abandoned_after_restriction: 3 })
    expect(a.by_class).toEqual([{ class: "invoice", orders: 7, amount: 800, defaulted: 2, default_rate: 0.2857, lost: 300, recovered: 0, ...KINDS, written_off: 2 }])
    // 3 carts of 100 each × 2 ÷ 7
    expect(a.credit).toEqual({ queries: 3, cost: 4.5, cache_hits: 0, failures: 0, losses_avoided_estimate: 85.71 })
    expect(a.rules[0]).toEqual({ rule_id: "r1", name: "Rule one", held: 2, restricted: 2, flagged: 2, defaulted: 2 })
    expect([a.negative_list.hits.total, a.negative_list.hits.by_kind.email, a.negative_list.added_by_source.manual]).toEqual([2, 2, 3])
  })

  it("should leave out a group of no rows", () => {
    const figures = analyticsOf({
      carts: [cart({ count: 0, restricted: true, causes: ["first_order"], rules_held: ["first_order"] })],
      orders: [order("z", { count: 0, amount: 0, flagged_by: ["r_gone"] })],
      list_entries_added: [],
      rules: [],
    })
    expect([figures.by_class, figures.rules]).toEqual([[], []])
  })
})
