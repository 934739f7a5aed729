import { actionsForAnswer, creditIdentity, planCreditQuery } from "../credit"
import { CreditOutcome } from "../credit/types"
import { decide } from "../engine"
import { DEFAULT_SETTINGS } from "../settings"
import { NegativeListMatch } from "../negative-list/types"
import { AddressSnapshot, RiskSettings } from "../types"
import { allProviders, input, P, paidOrder, settings } from "./builders"

const ADDRESS: AddressSnapshot = { first_name: "Hans", last_name: "Meier", address_1: "Hauptstraße 5", postal_code: "10115", city: "Berlin", country_code: "de" }
const credit = (overrides: Partial<RiskSettings["credit_check"]> = {}) =>
  settings({}, { credit_check: { ...DEFAULT_SETTINGS.credit_check, enabled: true, providers: [{ id: "sandbox", cost: 0.3 }], min_amount: 200, ...overrides } })

/** A known customer (one paid order) with a cart of `total`. */
const known = (total: number, s: RiskSettings, extra: { matches?: NegativeListMatch[]; credit?: CreditOutcome; orders?: number } = {}) => {
  const base = input({ cart: { providers: allProviders(), total, billing_address: ADDRESS }, orders: extra.orders === 0 ? [] : [paidOrder()], settings: s })
  return { ...base, negative_list_matches: extra.matches, credit: extra.credit }
}

describe("when to ask a bureau (golden rules)", () => {
  it.each<[string, ReturnType<typeof known>, string | true]>([
    ["a known customer at the threshold with invoice on offer", known(200, credit()), true],
    ["the credit check switched off", known(500, settings()), "disabled"],
    ["no provider configured", known(500, credit({ providers: [] })), "disabled"],
    ["a cart below the threshold", known(199.99, credit()), "below_threshold"],
    ["a listed person (internal data first)", known(500, credit(), { matches: [{ entry_id: "e", kind: "person", score: 1, certain: true, matched_on: ["last_name"] }] }), "internal_data_decided"],
    ["a new customer limited by the first-order rule", known(250, credit(), { orders: 0 }), "internal_data_decided"],
    ["no unsafe class in the region", { ...known(500, credit()), cart: { ...known(500, credit()).cart, providers: allProviders().filter((p) => p.id !== P.invoice && p.id !== P.sepa) } }, "no_unsafe_class"],
  ])("should decide for %s", (_, engineInput, expected) => {
    const plan = planCreditQuery(engineInput, decide(engineInput))
    expect(plan.ask ? true : plan.why).toBe(expected)
  })
})

describe("what an answer does", () => {
  const s = credit({
    score_bands: [
      { below: 300, action: { type: "allow_only_classes", classes: ["prepayment"] } },
      { below: 600, action: { type: "hide_classes", classes: ["invoice"] } },
    ],
  })
  const allowed = (outcome: CreditOutcome, settingsUsed = s) => decide(known(500, settingsUsed, { credit: outcome })).allowed_provider_ids
  const answered = (answer: Record<string, unknown>): CreditOutcome => ({ status: "answered", provider_id: "sandbox", cached: false, answer: { result: "none", ...answer } as never })

  it.each<[string, CreditOutcome, string[]]>([
    ["hard → only prepayment", answered({ result: "hard" }), [P.prepayment]],
    ["medium → only prepayment", answered({ result: "medium" }), [P.prepayment]],
    ["soft → no invoice, no direct debit", answered({ result: "soft" }), [P.prepayment, P.cod, P.card, P.paypal, P.other]],
    ["none → everything", answered({ result: "none", score: 900, traffic_light: "green" }), [P.prepayment, P.cod, P.invoice, P.card, P.sepa, P.paypal, P.other]],
    ["score 250 → first band", answered({ score: 250 }), [P.prepayment]],
    ["score 450 → second band", answered({ score: 450 }), [P.prepayment, P.cod, P.card, P.sepa, P.paypal, P.other]],
    ["yellow light", answered({ traffic_light: "yellow" }), [P.prepayment, P.cod, P.card, P.paypal, P.other]],
    ["red light", answered({ traffic_light: "red" }), [P.prepayment]],
    ["every provider failed → fallback hides the unsafe classes", { status: "failed", errors: ["sandbox: timeout"] }, [P.prepayment, P.cod, P.card, P.paypal, P.other]],
    ["unknown person → unknown action (no invoice, no direct debit)", answered({ result: "unknown" }), [P.prepayment, P.cod, P.card, P.paypal, P.other]],
    ["unknown person with score 900 and green light → still the unknown action", answered({ result: "unknown", score: 900, traffic_light: "green" }), [P.prepayment, P.cod, P.card, P.paypal, P.other]],
    ["a limit stopped the query → failure action", { status: "failed", errors: ["limit reached"], limit: "identities_per_cart" }, [P.prepayment, P.cod, P.card, P.paypal, P.other]],
  ])("should map %s", (_, outcome, expected) => {
    expect(allowed(outcome)).toEqual(expected)
  })

  it("should say which provider answered and whether from the cache, for the admin", () => {
    const decision = decide(known(500, s, { credit: { status: "answered", provider_id: "bureau", cached: true, answer: { result: "soft", reference: "ref-1" } } }))
    expect(decision.hidden.find((h) => h.provider_id === P.invoice)!.reasons).toEqual([
      expect.objectContaining({ check: "credit_check", code: "credit_soft", values: expect.objectContaining({ provider_id: "bureau", cached: true, result: "soft", reference: "ref-1" }) }),
    ])
  })

  it.each<[string, RiskSettings]>([
    ["the default unknown action", credit()],
    ["a stricter unknown action (only prepayment)", credit({ unknown_action: { type: "allow_only_classes", classes: ["prepayment"] } })],
    ["relaxed score bands and lights", credit({ score_bands: [], traffic_light_actions: { yellow: null, red: null } })],
  ])("should never treat an unknown person like one without negative features, with %s", (_, settingsUsed) => {
    const none = allowed(answered({ result: "none", score: 900, traffic_light: "green" }), settingsUsed)
    const unknown = allowed(answered({ result: "unknown", score: 900, traffic_light: "green" }), settingsUsed)
    expect(unknown).not.toEqual(none)
    expect(actionsForAnswer({ result: "unknown" }, settingsUsed.credit_check)).toEqual([{ code: "credit_unknown", action: settingsUsed.credit_check.unknown_action }])
  })

  it("should apply the merchant's unknown action", () => {
    const strict = credit({ unknown_action: { type: "allow_only_classes", classes: ["prepayment"] } })
    expect(allowed(answered({ result: "unknown" }), strict)).toEqual([P.prepayment])
  })

  it("should name the limit that stopped the query, for the admin", () => {
    const decision = decide(known(500, s, { credit: { status: "failed", errors: ["limit reached"], limit: "identities_per_ip" } }))
    expect(decision.hidden.find((h) => h.provider_id === P.invoice)!.reasons).toEqual([
      expect.objectContaining({ check: "credit_check", code: "credit_limit_reached", values: { limit: "identities_per_ip", max: 5 } }),
    ])
  })

  it("should let the merchant switch a traffic light off", () => {
    const relaxed = credit({ traffic_light_actions: { yellow: null, red: null } })
    expect(actionsForAnswer({ result: "none", traffic_light: "red" }, relaxed.credit_check)).toEqual([])
  })
})

describe("credit identity (cache key)", () => {
  it.each<[string, AddressSnapshot]>([
    ["spelling of the street", { ...ADDRESS, address_1: "Hauptstr. 5" }],
    ["umlauts and case", { ...ADDRESS, last_name: "MEIER" }],
  ])("should stay the same across %s", (_, address) => {
    expect(creditIdentity(address)).toBe(creditIdentity(ADDRESS))
  })

  it("should differ for another person or address, and be null without enough data", () => {
    expect(creditIdentity({ ...ADDRESS, first_name: "Petra" })).not.toBe(creditIdentity(ADDRESS))
    expect(creditIdentity({ ...ADDRESS, address_1: "Hauptstraße 7" })).not.toBe(creditIdentity(ADDRESS))
    expect(creditIdentity({ ...ADDRESS, postal_code: null })).toBeNull()
    expect(creditIdentity(null)).toBeNull()
  })
})
