import { decide } from "../engine"
import {
  applyOperator,
  conditionCatalog,
  CONDITIONS,
  DEFAULT_RULES,
  evaluateGroup,
  evaluateRules,
  isDisposable,
  isFreeMail,
  isPackingStation,
  Operator,
  RiskRule,
  RuleFacts,
  validateRule,
  velocityNeeds,
  ConditionGroup,
  Condition,
  ConditionTrace,
  ValueType,
} from "../rules"
import { DEFAULT_SETTINGS } from "../settings"
import { AddressSnapshot } from "../types"
import { allProviders, cart, P, paidOrder } from "./builders"

const BERLIN: AddressSnapshot = { first_name: "Hans", last_name: "Meier", address_1: "Hauptstraße 1", postal_code: "10115", city: "Berlin", country_code: "de", phone: "030 1234567" }

function facts(overrides: Partial<Omit<RuleFacts, "cart" | "customer">> & { cart?: Partial<RuleFacts["cart"]>; customer?: Partial<RuleFacts["customer"]> } = {}): RuleFacts {
  const { cart: c, customer, ...rest } = overrides
  return {
    cart: { total: 100, currency_code: "eur", item_count: 1, max_product_quantity: 1, total_vs_average: 1, sales_channel_id: "sc_1",
      items: [{ product_id: "prod_1", quantity: 1, category_ids: ["pcat_tv"], tag_ids: ["ptag_sale"], collection_id: "pcol_summer" }], ...c },
    customer: { is_new: true, paid_order_count: 0, days_since_first_paid_order: null, group_ids: ["cusgroup_vip"], has_unpaid_orders: false,
      has_overdue_orders: false, has_refused_cod: false, has_returned_debit: false, ...customer },
    billing_address: BERLIN,
    shipping_address: BERLIN,
    email: "hans@gmx.de",
    phone: "030 1234567",
    ip: "203.0.113.7",
    ip_country: "de",
    velocity: { "email:orders:60": 2, "ip:carts:30": 5 },
    local_time: { weekday: 3, hour: 14 },
    settings: DEFAULT_SETTINGS.rules,
    ...rest,
  }
}

const cond = (attribute: string, operator: Operator, value?: unknown, params?: Condition["params"]): Condition => ({
  type: "condition", attribute, operator, ...(value !== undefined ? { value } : {}), ...(params ? { params } : {}),
})
const and = (...children: ConditionGroup["children"]): ConditionGroup => ({ type: "group", combinator: "and", children })
const or = (...children: ConditionGroup["children"]): ConditionGroup => ({ type: "group", combinator: "or", children })
const held = (condition: Condition, f: RuleFacts = facts()) =>
  (evaluateGroup(and(condition), f) as Extract<ConditionTrace, { type: "group" }>).children[0]

describe("rule operators", () => {
  it.each<[ValueType, Operator, unknown, unknown, boolean]>([
    ["number", "eq", 10, 10, true],
    ["number", "eq", 10, "10", true],
    ["number", "neq", 10, 11, true],
    ["number", "gt", 10, 10, false],
    ["number", "gt", 10.01, 10, true],
    ["number", "gte", 10, 10, true],
    ["number", "gte", 9.99, 10, false],
    ["number", "lt", 10, 10, false],
    ["number", "lte", 10, 10, true],
    ["number", "between", 10, [10, 20], true],
    ["number", "between", 20, [10, 20], true],
    ["number", "between", 20.5, [10, 20], false],
    ["number", "between", 15, [10], false],
    ["number", "gte", "2", 10, false],
    ["number", "gte", 100, "abc", false],
    ["number", "gte", null, 0, false],
    ["text", "in", "DE", ["de", "at"], true],
    ["text", "in", "ch", ["de", "at"], false],
    ["text", "in", "ch", [], true],
    ["text", "not_in", "ch", ["de", "at"], true],
    ["text", "not_in", "de", ["DE"], false],
    ["text", "not_in", "de", [], true],
    ["text", "eq", "EUR", "eur", true],
    ["text", "neq", "eur", "usd", true],
    ["text", "starts_with", "10115", ["10", "20"], true],
    ["text", "starts_with", "80331", ["10", "20"], false],
    ["text", "starts_with", "80331", [], true],
    ["text", "not_starts_with", "80331", ["10"], true],
    ["text", "between", "10115", ["10000", "14999"], true],
    ["text", "between", "9999", ["10000", "14999"], false],
    ["text", "between", "15000", ["10000", "14999"], false],
    ["id_list", "in", ["pcat_a", "pcat_b"], ["pcat_b"], true],
    ["id_list", "in", ["pcat_a"], ["pcat_b"], false],
    ["id_list", "in", [], ["pcat_b"], false],
    ["id_list", "not_in", ["pcat_a"], ["pcat_b"], true],
    ["id_list", "not_in", ["pcat_a", "pcat_b"], ["pcat_b"], false],
    ["id_list", "in", ["pcat_a"], [], true],
    ["boolean", "is_true", true, undefined, true],
    ["boolean", "is_true", false, undefined, false],
    ["boolean", "is_false", false, undefined, true],
    ["boolean", "is_false", undefined, undefined, false],
  ])("should compare %s %s: %j against %j → %s", (type, operator, actual, expected, result) => {
    expect(applyOperator(type, operator, actual, expected)).toBe(result)
  })
})

describe("rule conditions", () => {
  const rows: Array<[string, Condition, Partial<Parameters<typeof facts>[0]>, boolean, unknown?]> = [
    ["cart total at the boundary", cond("cart.total", "gte", 100), {}, true, 100],
    ["cart total below", cond("cart.total", "gte", 100.01), {}, false, 100],
    ["total as a multiple of the average", cond("cart.total_vs_average", "gte", 3), { cart: { total_vs_average: 3.5 } }, true, 3.5],
    ["item count", cond("cart.item_count", "between", [2, 5]), { cart: { item_count: 5 } }, true, 5],
    ["highest quantity of one product", cond("cart.max_product_quantity", "gte", 20), { cart: { max_product_quantity: 30 } }, true, 30],
    ["quantity of a product", cond("cart.product_quantity", "gte", 1, { product_id: "prod_1" }), {}, true, 1],
    ["quantity of another product", cond("cart.product_quantity", "gte", 1, { product_id: "prod_2" }), {}, false, 0],
    ["quantity per category", cond("cart.category_quantity", "eq", 1, { category_id: "pcat_tv" }), {}, true, 1],
    ["product in cart", cond("cart.products", "in", ["prod_1"]), {}, true],
    ["category in cart", cond("cart.categories", "in", ["pcat_tv"]), {}, true],
    ["category not in cart", cond("cart.categories", "not_in", ["pcat_tv"]), {}, false],
    ["tag in cart", cond("cart.tags", "in", ["ptag_sale"]), {}, true],
    ["collection in cart", cond("cart.collections", "in", ["pcol_winter"]), {}, false],
    ["currency", cond("cart.currency", "in", ["eur"]), {}, true, "eur"],
    ["sales channel", cond("cart.sales_channel", "not_in", ["sc_1"]), {}, false, "sc_1"],
    ["new customer", cond("customer.is_new", "is_true"), {}, true, true],
    ["paid order count", cond("customer.paid_order_count", "lt", 1), {}, true, 0],
    ["days since first paid order (none yet counts as 0)", cond("customer.days_since_first_paid_order", "lt", 30), {}, true, 0],
    ["customer group", cond("customer.groups", "in", ["cusgroup_vip"]), {}, true],
    ["unpaid orders", cond("customer.has_unpaid_orders", "is_true"), { customer: { has_unpaid_orders: true } }, true],
    ["overdue orders", cond("customer.has_overdue_orders", "is_false"), {}, true],
    ["refused COD before", cond("customer.has_refused_cod", "is_true"), { customer: { has_refused_cod: true } }, true],
    ["returned debit", cond("customer.has_returned_debit", "is_true"), {}, false],
    ["billing country in list", cond("billing.country", "in", ["DE", "AT"]), {}, true, "de"],
    ["shipping country not in list", cond("shipping.country", "not_in", ["de"]), {}, false, "de"],
    ["shipping country on the risk list", cond("shipping.country_in_risk_list", "is_true"), { shipping_address: { ...BERLIN, country_code: "BY" } }, true, true],
    ["billing country not on the risk list", cond("billing.country_in_risk_list", "is_true"), {}, false, false],
    ["postcode prefix", cond("shipping.postcode", "starts_with", ["10", "12"]), {}, true, "10115"],
    ["postcode range", cond("billing.postcode", "between", ["10000", "10999"]), {}, true, "10115"],
    ["shipping equals billing (Str. abbreviation)", cond("address.shipping_differs", "is_true"), { shipping_address: { ...BERLIN, address_1: "Hauptstr. 1" } }, false, false],
    ["shipping differs", cond("address.shipping_differs", "is_true"), { shipping_address: { ...BERLIN, address_1: "Nebenweg 2" } }, true, true],
    ["packing station", cond("shipping.is_packing_station", "is_true"), { shipping_address: { ...BERLIN, address_1: "Packstation 123" } }, true, true],
    ["email domain", cond("contact.email_domain", "in", ["gmx.de"]), {}, true, "gmx.de"],
    ["free-mail address", cond("contact.email_free_mail", "is_true"), {}, true, true],
    ["business address is not free mail", cond("contact.email_free_mail", "is_true"), { email: "einkauf@meier-gmbh.de" }, false, false],
    ["disposable address", cond("contact.email_disposable", "is_true"), { email: "x@mailinator.com" }, true, true],
    ["landline is not mobile only", cond("contact.phone_mobile_only", "is_true"), {}, false, false],
    ["mobile number only", cond("contact.phone_mobile_only", "is_true"), { phone: "0151 23456789" }, true, true],
    ["phone country differs", cond("contact.phone_country_differs", "is_true"), { phone: "+43 1 5344 0" }, true, true],
    ["IP country in list", cond("network.ip_country", "in", ["de"]), {}, true, "de"],
    ["IP country differs from shipping", cond("network.ip_country_differs_shipping", "is_true"), { ip_country: "ng" }, true, true],
    ["IP country equals billing", cond("network.ip_country_differs_billing", "is_true"), {}, false, false],
    ["IP in a range", cond("network.ip_in_range", "in", ["203.0.113.0/24"]), {}, true, "203.0.113.7"],
    ["IP outside a range", cond("network.ip_in_range", "in", ["198.51.100.0/24"]), {}, false],
    ["IP not in a range", cond("network.ip_in_range", "not_in", ["198.51.100.0/24"]), {}, true],
    ["IP range list empty", cond("network.ip_in_range", "in", []), {}, true],
    ["velocity email orders", cond("velocity.email", "gte", 2, { window_minutes: 60, source: "orders" }), {}, true, 2],
    ["velocity ip carts", cond("velocity.ip", "gt", 5, { window_minutes: 30, source: "carts" }), {}, false, 5],
    ["weekday", cond("time.weekday", "in", ["3", "4"]), {}, true],
    ["weekday outside", cond("time.weekday", "in", ["6", "7"]), {}, false],
    ["hour window", cond("time.hour", "between", [0, 5]), {}, false, 14],
  ]
  // rows without an expected actual value get a marker (jest passes `done` for missing arguments)
  const NOT_CHECKED = Symbol("not checked")
  const padded = rows.map((row) => [row[0], row[1], row[2], row[3], row.length > 4 ? row[4] : NOT_CHECKED] as const)
  it.each(padded)("should evaluate %s", (_name, condition, overrides, expected, actual) => {
    const trace = held(condition, facts(overrides as never))
    expect(trace).toMatchObject({ type: "condition", held: expected })
    if (actual !== NOT_CHECKED) expect(trace).toMatchObject({ actual })
    expect((trace as { unavailable?: boolean }).unavailable).toBeUndefined()
  })

  it.each<[string, Condition, Parameters<typeof facts>[0]]>([
    ["IP country without a GeoIP database", cond("network.ip_country_differs_shipping", "is_true"), { ip_country: undefined }],
    ["IP country list without a GeoIP database", cond("network.ip_country", "not_in", ["de"]), { ip_country: undefined }],
    ["velocity without counts", cond("velocity.email", "gte", 1, { window_minutes: 60, source: "orders" }), { velocity: undefined }],
    ["a velocity window nobody counted", cond("velocity.email", "gte", 1, { window_minutes: 5, source: "carts" }), {}],
    ["products without catalogue data", cond("cart.categories", "not_in", ["pcat_tv"]), { cart: { items: undefined } }],
    ["the average without orders", cond("cart.total_vs_average", "gte", 3), { cart: { total_vs_average: undefined } }],
    ["customer groups unknown", cond("customer.groups", "not_in", ["x"]), { customer: { group_ids: undefined } }],
    ["an email not yet entered", cond("contact.email_free_mail", "is_false"), { email: null }],
    ["no shipping address yet", cond("shipping.country_in_risk_list", "is_false"), { shipping_address: null }],
    ["no phone", cond("contact.phone_mobile_only", "is_false"), { phone: null }],
    ["no local time", cond("time.hour", "gte", 0), { local_time: undefined }],
    ["an unknown attribute", cond("cart.colour", "eq", "red"), {}],
  ])("should report %s as unavailable and not hold", (_name, condition, overrides) => {
    expect(held(condition, facts(overrides))).toMatchObject({ held: false, unavailable: true, actual: null })
  })

  it("should list every condition in the catalogue with labels in German and English and valid operators", () => {
    const catalog = conditionCatalog()
    expect(catalog).toHaveLength(CONDITIONS.length)
    for (const entry of catalog) {
      expect(entry.label.de).toBeTruthy()
      expect(entry.label.en).toBeTruthy()
      expect(entry.operators.length).toBeGreaterThan(0)
      expect(entry).not.toHaveProperty("read")
    }
    expect(new Set(catalog.map((c) => c.attribute)).size).toBe(catalog.length)
  })
})

describe("rule groups", () => {
  const T = cond("customer.is_new", "is_true")
  const F = cond("customer.is_new", "is_false")
  it.each<[string, ConditionGroup, boolean]>([
    ["AND of true and true", and(T, T), true],
    ["AND of true and false", and(T, F), false],
    ["OR of false and true", or(F, T), true],
    ["OR of false and false", or(F, F), false],
    ["empty AND", and(), true],
    ["empty OR", or(), false],
    ["AND with a nested OR that holds", and(T, or(F, T)), true],
    ["OR with a nested AND that fails", or(F, and(T, F)), false],
    ["three levels", and(or(F, and(T, or(T))), T), true],
  ])("should evaluate %s", (_name, group, expected) => {
    const trace = evaluateGroup(group, facts())
    expect(trace.held).toBe(expected)
    expect(trace.type).toBe("group")
  })
})

const rule = (overrides: Partial<RiskRule>): RiskRule => ({
  id: "rule_1", name: "Rule", priority: 100, enabled: true, conditions: and(cond("cart.total", "gte", 50)), actions: [{ type: "add_score", points: 10 }], ...overrides,
})

describe("rule evaluation", () => {
  const now = new Date("2026-11-25T12:00:00Z")

  it("should sum the points of the rules that held and keep every rule's explanation in priority order", () => {
    const result = evaluateRules([
      rule({ id: "b", name: "B", priority: 20, actions: [{ type: "add_score", points: 30 }] }),
      rule({ id: "a", name: "A", priority: 10, actions: [{ type: "add_score", points: 15 }] }),
      rule({ id: "c", name: "C", priority: 30, conditions: and(cond("cart.total", "gte", 500)), actions: [{ type: "add_score", points: 99 }] }),
    ], facts(), now)
    expect(result.score).toBe(45)
    expect(result.rules.map((r) => [r.rule_id, r.held])).toEqual([["a", true], ["b", true], ["c", false]])
    expect(result.rules[2].conditions).toMatchObject({ children: [{ attribute: "cart.total", expected: 500, actual: 100, held: false }] })
    expect(result.review).toBe(false)
  })

  it("should flag for review by a rule's action and by the score threshold", () => {
    expect(evaluateRules([rule({ actions: [{ type: "flag_review" }] })], facts(), now)).toMatchObject({ review: true, review_reasons: ["Rule"] })
    const byScore = evaluateRules([rule({ actions: [{ type: "add_score", points: 50 }] })], facts(), now)
    expect(byScore).toMatchObject({ review: true, score: 50, review_reasons: ["score 50 ≥ 50"] })
    expect(evaluateRules([rule({ actions: [{ type: "add_score", points: 49 }] })], facts(), now).review).toBe(false)
  })

  it.each<[string, Partial<RiskRule>, string | undefined]>([
    ["a disabled rule", { enabled: false }, "disabled"],
    ["a rule not yet valid", { valid_from: "2026-12-01T00:00:00Z" }, "not_yet_valid"],
    ["an expired rule", { valid_until: "2026-11-25T12:00:00Z" }, "expired"],
    ["a rule inside its window", { valid_from: "2026-11-01T00:00:00Z", valid_until: "2026-12-01T00:00:00Z" }, undefined],
  ])("should skip %s", (_name, overrides, skipped) => {
    const [trace] = evaluateRules([rule(overrides)], facts(), now).rules
    expect(trace.skipped).toBe(skipped)
    expect(trace.held).toBe(skipped === undefined)
  })

  it("should collect the velocity counts only enabled rules need, once each", () => {
    const v = (window_minutes: number, source: "orders" | "carts") => and(cond("velocity.email", "gte", 3, { window_minutes, source }))
    expect(velocityNeeds([
      rule({ conditions: and(v(60, "orders"), or(cond("velocity.ip", "gte", 5, { window_minutes: 30, source: "carts" }))) }),
      rule({ conditions: v(60, "orders") }),
      rule({ enabled: false, conditions: v(5, "carts") }),
    ])).toEqual([
      { subject: "email", source: "orders", window_minutes: 60 },
      { subject: "ip", source: "carts", window_minutes: 30 },
    ])
  })
})

describe("rule validation", () => {
  it("should accept every default rule", () => {
    for (const r of DEFAULT_RULES) expect(validateRule(r)).toEqual([])
    expect(new Set(DEFAULT_RULES.map((r) => r.default_key)).size).toBe(DEFAULT_RULES.length)
  })

  it.each<[string, unknown, unknown, Array<(string | number)>]>([
    ["an unknown attribute", and(cond("cart.colour", "eq", "red")), [{ type: "flag_review" }], ["conditions", "children", 0, "attribute"]],
    ["an operator the attribute does not allow", and(cond("customer.is_new", "gte", 1)), [{ type: "flag_review" }], ["conditions", "children", 0, "operator"]],
    ["between with one value", and(cond("cart.total", "between", [100])), [{ type: "flag_review" }], ["conditions", "children", 0, "value"]],
    ["between with min above max", and(cond("cart.total", "between", [200, 100])), [{ type: "flag_review" }], ["conditions", "children", 0, "value"]],
    ["a number as text", and(cond("cart.total", "gte", "100")), [{ type: "flag_review" }], ["conditions", "children", 0, "value"]],
    ["a list operator without a list", and(cond("billing.country", "in", "de")), [{ type: "flag_review" }], ["conditions", "children", 0, "value"]],
    ["a velocity condition without a window", and(cond("velocity.email", "gte", 3, { source: "orders" })), [{ type: "flag_review" }], ["conditions", "children", 0, "params", "window_minutes"]],
    ["a product quantity without a product", and(cond("cart.product_quantity", "gte", 3)), [{ type: "flag_review" }], ["conditions", "children", 0, "params", "product_id"]],
    ["a nested mistake", and(or(cond("cart.total", "gte", 1), cond("cart.total", "between", [1]))), [{ type: "flag_review" }], ["conditions", "children", 0, "children", 1, "value"]],
    ["a bad combinator", { type: "group", combinator: "xor", children: [] }, [{ type: "flag_review" }], ["conditions", "combinator"]],
    ["no actions", and(), [], ["actions"]],
    ["an unknown class", and(), [{ type: "hide_classes", classes: ["bitcoin"] }], ["actions", 0, "classes"]],
    ["fractional points", and(), [{ type: "add_score", points: 2.5 }], ["actions", 0, "points"]],
    ["an unknown action", and(), [{ type: "delete_order" }], ["actions", 0, "type"]],
  ])("should name the field for %s", (_name, conditions, actions, path) => {
    expect(validateRule({ conditions, actions })).toEqual([expect.objectContaining({ path })])
  })

  it("should refuse groups nested deeper than five levels", () => {
    let group: ConditionGroup = and(cond("cart.total", "gte", 1))
    for (let i = 0; i < 6; i++) group = and(group)
    expect(validateRule({ conditions: group, actions: [{ type: "flag_review" }] }).length).toBeGreaterThan(0)
  })
})

describe("domain lists and address signals", () => {
  it.each([["gmx.de", true], ["web.de", true], ["t-online.de", true], ["gmail.com", true], ["meier-gmbh.de", false], [null, false]])(
    "should know whether %s is free mail", (domain, expected) => expect(isFreeMail(domain)).toBe(expected))
  it("should take the merchant's extra domains", () => {
    expect(isFreeMail("mein-provider.de", ["mein-provider.de"])).toBe(true)
    expect(isDisposable("wegwerf.example", ["wegwerf.example"])).toBe(true)
    expect(isDisposable("mailinator.com")).toBe(true)
    expect(isDisposable("gmx.de")).toBe(false)
  })
  it.each([
    ["Packstation 123", true], ["DHL Packstation 117", true], ["Postfiliale 502", true], ["Hermes PaketShop Kiosk", true],
    ["Postnummer 12345678, Packstation 5", true], ["Hauptstraße 5", false], ["Paketweg 3", false], ["Packhofstraße 2", false],
  ])("should recognise %s as a pick-up point: %s", (address_1, expected) => {
    expect(isPackingStation({ address_1, postal_code: "10115", country_code: "de" })).toBe(expected)
  })
})

describe("rules in the decision", () => {
  const input = (overrides: Record<string, unknown> = {}) => ({
    cart: cart({ providers: allProviders(), total: 1299 }),
    history: { orders: [paidOrder()] },
    settings: DEFAULT_SETTINGS,
    rule_facts: { now: "2026-11-25T12:00:00Z" },
    ...overrides,
  })

  it("should hide invoice above an amount, with the rule in the reasons and the explanation", () => {
    const decision = decide(input({ rules: [rule({ name: "Invoice up to 1000 €", conditions: and(cond("cart.total", "gt", 1000)), actions: [{ type: "hide_classes", classes: ["invoice"] }] })] }))
    expect(decision.allowed_provider_ids).not.toContain(P.invoice)
    expect(decision.hidden.find((h) => h.provider_id === P.invoice)?.reasons).toEqual([
      expect.objectContaining({ check: "rules", code: "rule_matched", values: { rule_id: "rule_1", name: "Invoice up to 1000 €" } }),
    ])
    expect(decision.rules?.rules[0]).toMatchObject({ held: true, conditions: { children: [{ actual: 1299, expected: 1000, held: true }] } })
  })

  it("should flag the satellite-dish case for review and allow only prepayment (default rule)", () => {
    const bulk = DEFAULT_RULES.find((r) => r.default_key === "bulk_to_risk_country")!
    const dishes = cart({
      providers: allProviders(), total: 30 * 89,
      items: [{ product_id: "prod_dish", variant_id: "v", title: "Satellite dish", quantity: 30, unit_price: 89 }],
      shipping_address: { ...BERLIN, city: "Minsk", postal_code: "220030", country_code: "by" },
    })
    const decision = decide(input({ cart: dishes, rules: [{ ...bulk, id: "r_bulk" }] }))
    expect(decision.allowed_provider_ids).toEqual([P.prepayment])
    expect(decision.rules).toMatchObject({ review: true, score: 40, review_reasons: [bulk.name] })
    // the same cart to Germany passes
    const toBerlin = decide(input({ cart: { ...dishes, shipping_address: BERLIN }, rules: [{ ...bulk, id: "r_bulk" }] }))
    expect(toBerlin.allowed_provider_ids).toContain(P.invoice)
    expect(toBerlin.rules?.review).toBe(false)
  })

  it("should allow only prepayment once the score reaches the threshold", () => {
    const decision = decide(input({ rules: [rule({ actions: [{ type: "add_score", points: 80 }] })] }))
    expect(decision.allowed_provider_ids).toEqual([P.prepayment])
    expect(decision.hidden[0].reasons).toEqual([expect.objectContaining({ code: "risk_score_prepayment", values: { score: 80, threshold: 80 } })])
  })

  it("should leave the methods alone when rules are switched off in the settings", () => {
    const decision = decide(input({
      settings: { ...DEFAULT_SETTINGS, rules: { ...DEFAULT_SETTINGS.rules, enabled: false } },
      rules: [rule({ actions: [{ type: "allow_only_classes", classes: ["prepayment"] }] })],
    }))
    expect(decision.allowed_provider_ids).toContain(P.invoice)
    expect(decision.rules).toBeUndefined()
  })
})
