import { decide } from "../../engine"
import type { Condition, ConditionGroup, RiskRule, RuleAction } from "../../rules/types"
import { CONDITIONS } from "../../rules/registry"
import { PAYMENT_CLASSES } from "../../types"
import { replayDecision } from "../replay"
import { replayableInputOf } from "../replayable"
import { generatedInput, random } from "./generated-carts"

const c = (attribute: string, operator: Condition["operator"], value?: unknown, params?: Condition["params"]): Condition => ({
  type: "condition", attribute, operator, ...(value !== undefined ? { value } : {}), ...(params ? { params } : {}),
})

/** Conditions over every group of the registry, values that hold for some generated carts and not for others. */
const POOL: Condition[] = [
  c("cart.total", "gt", 250), c("cart.total_vs_average", "gte", 2), c("cart.item_count", "gte", 3), c("cart.max_product_quantity", "gte", 20),
  c("cart.currency", "in", ["eur"]), c("cart.sales_channel", "in", ["sc_1"]), c("cart.products", "in", ["prod_shirt"]),
  c("customer.is_new", "is_true"), c("customer.paid_order_count", "gte", 1), c("customer.days_since_first_paid_order", "gte", 60),
  c("customer.has_unpaid_orders", "is_true"), c("customer.has_overdue_orders", "is_true"), c("customer.has_refused_cod", "is_true"),
  c("customer.has_returned_debit", "is_false"), c("customer.return_debits", "gte", 1),
  c("billing.country", "in", ["de"]), c("shipping.country", "not_in", ["de"]), c("billing.country_in_risk_list", "is_true"),
  c("shipping.country_in_risk_list", "is_true"), c("billing.postcode", "starts_with", "10"), c("shipping.postcode", "not_starts_with", "801"),
  c("address.shipping_differs", "is_true"), c("shipping.is_packing_station", "is_true"),
  c("contact.email_domain", "in", ["gmail.com", "web.de"]), c("contact.email_free_mail", "is_true"), c("contact.email_disposable", "is_true"),
  c("contact.phone_mobile_only", "is_true"), c("contact.phone_country_differs", "is_true"),
  c("network.ip_country", "in", ["ru"]), c("network.ip_country_differs_billing", "is_true"), c("network.ip_country_differs_shipping", "is_true"),
  c("velocity.shipping_address", "gte", 3, { window_minutes: 1440, source: "orders" }), c("velocity.ip", "gte", 10, { window_minutes: 60, source: "carts" }),
  c("time.weekday", "in", ["0", "6"]), c("time.hour", "lt", 8),
]
/** Read only from data that is not kept: replayed as unavailable or on a prefix, and reported. */
const NOT_KEPT: Condition[] = [c("network.ip_in_range", "in", ["203.0.113.0/24"]), c("billing.postcode", "eq", "10115")]

const ACTIONS: RuleAction[] = [
  { type: "hide_classes", classes: ["invoice"] },
  { type: "allow_only_classes", classes: ["prepayment", "cash_on_delivery"] },
  { type: "hide_providers", provider_ids: ["pp_stripe_stripe"] },
  { type: "add_score", points: 30 },
  { type: "add_score", points: 60 },
  { type: "flag_review" },
]

function draftRules(seed: number, pool: Condition[]): RiskRule[] {
  const g = random(seed * 104729)
  return Array.from({ length: g.int(1, 4) }, (_, i) => {
    const children: Array<Condition | ConditionGroup> = Array.from({ length: g.int(1, 3) }, () => g.pick(pool))
    if (g.chance(0.3)) children.push({ type: "group", combinator: "or", children: [g.pick(pool), g.pick(pool)] })
    return {
      id: `draft_${i}`,
      name: `Draft ${i}`,
      priority: g.int(1, 3),
      enabled: g.chance(0.9),
      ...(g.chance(0.1) ? { valid_from: "2027-01-01T00:00:00.000Z" } : {}),
      conditions: { type: "group" as const, combinator: g.pick(["and", "or"] as const), children },
      actions: [g.pick(ACTIONS), ...(g.chance(0.5) ? [g.pick(ACTIONS)] : [])],
    }
  })
}

function compare(seed: number, pool: Condition[]) {
  const rules = draftRules(seed, pool)
  const input = generatedInput(seed, rules)
  const decision = decide(input)
  const replayed = replayDecision(JSON.parse(JSON.stringify(replayableInputOf(input))), { rules, settings: input.settings })
  const hidden = new Set(decision.hidden.map((h) => h.risk_class))
  const expected = {
    rules: decision.rules?.rules.map((r) => [r.rule_id, r.held]) ?? [],
    score: decision.rules?.score ?? 0,
    review: decision.rules?.review ?? false,
    hidden: PAYMENT_CLASSES.filter((cls) => hidden.has(cls)),
    providers: decision.hidden.map((h) => h.provider_id),
  }
  const actual = {
    rules: replayed.rules?.rules.map((r) => [r.rule_id, r.held]) ?? [],
    score: replayed.score,
    review: replayed.review,
    hidden: replayed.hidden_classes,
    providers: replayed.hidden_provider_ids,
  }
  return { rules, replayed, same: JSON.stringify(expected) === JSON.stringify(actual), expected, actual }
}

describe("replayDecision with generated draft rules", () => {
  it("should draw conditions from every group of the registry (cart, customer, address, contact, network, velocity, time)", () => {
    const used = new Set([...POOL, ...NOT_KEPT].map((condition) => condition.attribute.split(".")[0]))
    expect([...new Set(CONDITIONS.map((d) => d.attribute.split(".")[0]))].filter((group) => !used.has(group))).toEqual([])
  })

  it("should agree with decide on every rule's result, the score, review and the hidden classes (800 carts)", () => {
    const results = Array.from({ length: 800 }, (_, i) => compare(i + 1, POOL))
    const exact = results.filter((result) => !result.replayed.inexact.length)
    expect(exact.filter((result) => !result.same).map(({ expected, actual }) => ({ expected, actual }))).toEqual([])
    // the only reading of the pool not kept: a company's or a person's own email domain
    expect([...new Set(results.flatMap((result) => result.replayed.inexact))]).toEqual(["contact.email_domain"])
    expect(exact.length).toBeGreaterThan(700)
    // the pool is not trivially false: rules hold on many carts, and their scores reach review
    expect(results.filter((result) => result.actual.rules.some(([, held]) => held)).length).toBeGreaterThan(300)
    expect(results.filter((result) => result.actual.review).length).toBeGreaterThan(50)
  })

  it("should agree wherever nothing is reported inexact, and report the attributes not kept where they are read", () => {
    const results = Array.from({ length: 400 }, (_, i) => compare(i + 1, [...POOL, ...NOT_KEPT]))
    expect(results.filter((result) => !result.same && !result.replayed.inexact.length)).toEqual([])
    const reported = new Set(results.flatMap((result) => result.replayed.inexact))
    expect([...reported].sort()).toEqual(["billing.postcode", "contact.email_domain", "network.ip_in_range"])
  })
})
