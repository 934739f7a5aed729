import { decide } from "../engine"
import { countAwaitingPayment, countOrders, countPaidOrders } from "../history"
import { fold, foldLoose, matchEntries, parseStreet } from "../list-matching"
import { memoByTwoStrings } from "../memo"
import { checkPhone } from "../payment-data/contact"
import { checkPlausibility } from "../plausibility"
import { emailDomain, evaluateRules, isPackingStation, RiskRule, RuleFacts } from "../rules"
import { DEFAULT_SETTINGS } from "../settings"
import { AddressSnapshot } from "../types"
import { allProviders, awaitingOrder, canceledOrder, cart, order, paidOrder } from "./builders"

/**
 * `decide` takes shortcuts for speed (issue 18): values kept per input value, work skipped where
 * it cannot change the result. Each must give what the long way gives, also when a caller changes
 * a rule or an address in place between two decisions.
 */

const BERLIN: AddressSnapshot = { first_name: "Hans", last_name: "Meier", address_1: "Hauptstraße 5", postal_code: "10115", city: "Berlin", country_code: "de", phone: "0151 23456789" }

function facts(overrides: Partial<RuleFacts> = {}): RuleFacts {
  return {
    cart: { total: 100, currency_code: "eur", item_count: 1, max_product_quantity: 1, total_vs_average: 1, sales_channel_id: "sc_1", items: undefined },
    customer: { is_new: true, paid_order_count: 0, days_since_first_paid_order: null, group_ids: undefined, has_unpaid_orders: false, has_overdue_orders: false, has_refused_cod: false, has_returned_debit: false },
    billing_address: BERLIN,
    shipping_address: BERLIN,
    email: "hans@gmx.de",
    phone: BERLIN.phone!,
    ip: "203.0.113.7",
    ip_country: "de",
    velocity: { "ip:orders:60": 1, "ip:orders:1440": 7, "ip:carts:60": 12 },
    local_time: { weekday: 3, hour: 14 },
    settings: DEFAULT_SETTINGS.rules,
    ...overrides,
  }
}

const rule = (id: string, priority: number, conditions: RiskRule["conditions"], name = id): RiskRule => ({
  id, name, priority, enabled: true, conditions, actions: [{ type: "add_score", points: 10 }],
})
const velocityRule = (window_minutes: number, source: "orders" | "carts" = "orders") =>
  rule("velocity", 1, { type: "group", combinator: "and", children: [{ type: "condition", attribute: "velocity.ip", operator: "gte", value: 5, params: { window_minutes, source } }] })
const trueRule = (id: string, priority: number, name = id) =>
  rule(id, priority, { type: "group", combinator: "and", children: [{ type: "condition", attribute: "customer.is_new", operator: "is_true" }] }, name)
const actualOf = (result: ReturnType<typeof evaluateRules>) => {
  const conditions = result.rules[0].conditions
  return conditions?.type === "group" && conditions.children[0].type === "condition" ? conditions.children[0].actual : undefined
}

describe("values kept per input value (memoByTwoStrings)", () => {
  it("should compute once per pair of values and anew for any other pair", () => {
    const calls: string[] = []
    const joined = memoByTwoStrings(10, (a, b) => {
      calls.push(`${a}|${b}`)
      return `${a}${b}`
    })
    expect([joined("de", "1"), joined("de", "1"), joined("de", "2"), joined("at", "1"), joined("de", "1")]).toEqual(["de1", "de1", "de2", "at1", "de1"])
    expect(calls).toEqual(["de|1", "de|2", "at|1"])
  })

  it("should keep a null or undefined result too, and stay right once emptied when full", () => {
    let calls = 0
    const nothing = memoByTwoStrings<null | undefined>(2, (a) => {
      calls++
      return a === "null" ? null : undefined
    })
    expect([nothing("null", "x"), nothing("null", "x"), nothing("undefined", "x"), nothing("undefined", "x")]).toEqual([null, null, undefined, undefined])
    expect(calls).toBe(2)
    expect(nothing("null", "y")).toBeNull() // third pair: the cache was full and starts again
    expect(nothing("null", "x")).toBeNull()
    expect(calls).toBe(4)
  })
})

describe("when a rule or its facts change between two evaluations", () => {
  const now = new Date("2026-12-01T12:00:00Z")

  it("should read the velocity count of the condition's current window and source, also after an edit in place", () => {
    const rules = [velocityRule(60)]
    expect(actualOf(evaluateRules(rules, facts(), now))).toBe(1)
    const condition = rules[0].conditions.children[0]
    if (condition.type !== "condition") throw new Error("condition expected")
    condition.params = { ...condition.params, window_minutes: 1440 }
    expect(actualOf(evaluateRules(rules, facts(), now))).toBe(7)
    condition.params.source = "carts"
    condition.params.window_minutes = 60
    expect(actualOf(evaluateRules(rules, facts(), now))).toBe(12)
  })

  it("should order the rules by priority then name whatever order they come in, and again after a priority changes in place", () => {
    const names = (rules: RiskRule[]) => evaluateRules(rules, facts(), now).rules.map((trace) => trace.rule_id)
    const rules = [trueRule("a", 1), trueRule("b", 2), trueRule("c", 3)]
    expect(names(rules)).toEqual(["a", "b", "c"])
    rules[0].priority = 5
    expect(names(rules)).toEqual(["b", "c", "a"])
    expect(rules.map((r) => r.id)).toEqual(["a", "b", "c"]) // the caller's array is not sorted in place
    expect(names([trueRule("z", 1, "Zebra"), trueRule("y", 1, "Ärger"), trueRule("x", 0, "Mitte")])).toEqual(["x", "y", "z"])
  })

  it("should read the phone for the country it is given now, not the one it was first read for", () => {
    const mobile = (country_code: string) =>
      actualOf(evaluateRules([rule("m", 1, { type: "group", combinator: "and", children: [{ type: "condition", attribute: "contact.phone_mobile_only", operator: "is_true" }] })],
        facts({ billing_address: { ...BERLIN, country_code } }), now))
    expect(mobile("de")).toBe(true)
    expect(mobile("us")).toBeNull() // "0151 …" is no valid number in the US: unavailable
    expect(mobile("DE")).toBe(true)
    expect(checkPhone("0151 23456789", "de")).toEqual({ ok: true, e164: "+4915123456789" })
    expect(checkPhone("0151 23456789", "us").ok).toBe(false)
    expect(checkPhone("0151 23456789", "DE")).toEqual({ ok: true, e164: "+4915123456789" })
  })

  it("should give each email its own domain, the same email asked twice included", () => {
    expect(["a@GMX.de", "a@GMX.de", "b@web.de", null, "b@web.de", "kein-at", "x@y.org "].map(emailDomain)).toEqual(["gmx.de", "gmx.de", "web.de", null, "web.de", null, "y.org"])
  })

  it("should decide again from an address changed in place", () => {
    const address = { ...BERLIN }
    const input = {
      cart: cart({ providers: allProviders(), billing_address: address, shipping_address: address, email: "hans@gmx.de" }),
      history: { orders: [] },
      settings: DEFAULT_SETTINGS,
      rules: [rule("station", 1, { type: "group", combinator: "and", children: [{ type: "condition", attribute: "shipping.is_packing_station", operator: "is_true" }] })],
      rule_facts: { now: "2026-12-01T12:00:00Z" },
    }
    expect(decide(input).rules?.rules[0].held).toBe(false)
    address.address_1 = "Packstation 123"
    expect(decide(input).rules?.rules[0].held).toBe(true)
    address.address_1 = "Hauptstraße"
    expect(decide(input).signals?.plausibility).toEqual(["billing_address.address_1:house_number_missing", "shipping_address.address_1:house_number_missing"])
  })
})

describe("plausibility of a shipping address alike the billing address", () => {
  it("should give the shipping address the billing address's findings under its own name, for the same object or a copy", () => {
    const bad = { ...BERLIN, address_1: "Hauptstraße", postal_code: "1011", phone: "12" }
    const expected = [
      { field: "billing_address.address_1", code: "house_number_missing" },
      { field: "billing_address.postal_code", code: "postcode_format" },
      { field: "billing_address.phone", code: "phone_invalid" },
      { field: "shipping_address.address_1", code: "house_number_missing" },
      { field: "shipping_address.postal_code", code: "postcode_format" },
      { field: "shipping_address.phone", code: "phone_invalid" },
    ]
    expect(checkPlausibility({ billing_address: bad, shipping_address: bad })).toEqual(expected)
    expect(checkPlausibility({ billing_address: bad, shipping_address: { ...bad } })).toEqual(expected)
  })

  it("should check a shipping address that differs in any checked field on its own", () => {
    const billing = { ...BERLIN, phone: "12" }
    expect(checkPlausibility({ billing_address: billing, shipping_address: { ...billing, phone: BERLIN.phone } })).toEqual([
      { field: "billing_address.phone", code: "phone_invalid" },
    ])
    expect(checkPlausibility({ billing_address: BERLIN, shipping_address: { ...BERLIN, country_code: "at" } })).toEqual([
      { field: "shipping_address.postal_code", code: "postcode_format" },
    ])
    expect(checkPlausibility({ billing_address: { country_code: "de" }, shipping_address: { ...BERLIN, city: "" } })).toEqual([
      { field: "shipping_address.city", code: "city_missing" },
    ])
  })
})

describe("orders counted in one pass", () => {
  it("should count paid and awaiting orders as the two counts one by one do", () => {
    const orders = [
      paidOrder(), awaitingOrder(), canceledOrder(), order({ status: "draft", captured_amount: 0 }),
      order({ defaulted: true }), order({ refunded_amount: 100 }), order({ refunded_amount: 20 }), order({ captured_amount: 0, refunded_amount: 10 }),
      order({ total: null as unknown as number }), order({ total: "" as unknown as number, captured_amount: 0 }),
    ]
    for (let n = 0; n <= orders.length; n++) {
      const some = orders.slice(0, n)
      expect(countOrders(some)).toEqual({ paid: countPaidOrders(some), awaiting: countAwaitingPayment(some) })
    }
  })
})

describe("folding plain ASCII the short way", () => {
  it.each([
    ["Hauptstr. 5", "hauptstr 5"], ["  O'Brien-Smith ", "o brien smith"], ["Müller", "mueller"], ["Weiß", "weiss"], ["Søren", "soeren"],
    ["José", "jose"], ["\u212Aelvin", "kelvin"], ["ÆØÅ", "aeoea"], ["ﬁnn", "finn"], ["Ｐａｃｋｓｔａｔｉｏｎ", "packstation"], ["", ""],
  ])("should fold %j to %j", (value, expected) => {
    expect(fold(value)).toBe(expected)
  })

  it("should loosen only where there is an e to loosen", () => {
    expect([foldLoose("Müller"), foldLoose("Bauer"), foldLoose("Schmidt"), foldLoose("Ringstraße")]).toEqual(["muller", "baur", "schmidt", "ringstrasse"])
    expect(parseStreet("Ringstraße 12")).toEqual({ name: "ringstrasse", number: "12" })
  })

  it("should find a pick-up point written in any field, with punctuation or full-width letters", () => {
    expect(isPackingStation({ company: "DHL", address_1: "Pack-Station 5" })).toBe(true)
    expect(isPackingStation({ address_1: "Ｐａｃｋｓｔａｔｉｏｎ 5" })).toBe(true)
    expect(isPackingStation({ company: "Pick", address_1: "up point 3" })).toBe(true)
    expect(isPackingStation({ company: "", address_1: "Hauptstraße 5", address_2: null })).toBe(false)
  })
})

describe("the checked addresses normalised once per list check", () => {
  const listed = { id: "e1", kind: "person" as const, first_name: "Hans", last_name: "Müller", address_1: "Hauptstraße 5", postal_code: "10115", city: "Berlin", country_code: "de" }

  it("should compare every candidate with the same checked address, and read it anew in the next check", () => {
    const address = { first_name: "Hans", last_name: "Mueller", address_1: "Hauptstr. 5", postal_code: "10115", city: "Berlin", country_code: "de" }
    const subject = { addresses: [address] }
    const candidates = [listed, { ...listed, id: "e2", last_name: "Meier" }, { ...listed, id: "e3", kind: "address" as const, first_name: null, last_name: null }]
    expect(matchEntries(subject, candidates).map((m) => [m.entry_id, m.certain])).toEqual([["e1", true], ["e3", true]])
    address.address_1 = "Hauptstraße 7"
    expect(matchEntries(subject, candidates)).toEqual([])
    address.address_1 = "Hauptstraße 5"
    address.last_name = "Meyer"
    expect(matchEntries(subject, candidates).map((m) => m.entry_id).sort()).toEqual(["e2", "e3"])
  })
})
