import { decide } from "../../engine"
import type { RulesResult, RuleTrace } from "../../rules/types"
import type { Decision, HiddenProvider, ProviderSnapshot } from "../../types"
import { causesOf, decisionKeyOf, evaluationRecordOf, flaggedByOf } from "../evaluation-record"
import { replayDecision } from "../replay"
import { replayableInputOf } from "../replayable"
import { generatedInput } from "./generated-carts"

const PROVIDERS: ProviderSnapshot[] = [
  { id: "pp_invoice", risk_class: "invoice" },
  { id: "pp_debit", risk_class: "direct_debit" },
  { id: "pp_prepay", risk_class: "prepayment" },
  { id: "pp_card", risk_class: "card" },
]

const hiddenBy = (provider_id: string, risk_class: HiddenProvider["risk_class"], ...reasons: Array<[string, string, Record<string, unknown>?]>): HiddenProvider => ({
  provider_id,
  risk_class,
  reasons: reasons.map(([check, code, values]) => ({ check, code, message: "m", values: values ?? {} })),
})

const trace = (rule_id: string, held: boolean, actions: RuleTrace["actions"]): RuleTrace => ({ rule_id, name: `Rule ${rule_id}`, held, actions })

function decision(overrides: Partial<Decision> = {}): Decision {
  return {
    allowed_provider_ids: ["pp_prepay", "pp_card"],
    hidden: [hiddenBy("pp_invoice", "invoice", ["first_order", "first_order_restricted"]), hiddenBy("pp_debit", "direct_debit", ["first_order", "first_order_restricted"])],
    fallback: false,
    engine_version: "test",
    facts: { paid_order_count: 0, awaiting_payment_order_count: 0, is_new_customer: true },
    ...overrides,
  }
}

const record = (d: Decision, extra: Partial<Parameters<typeof evaluationRecordOf>[0]> = {}) =>
  evaluationRecordOf({
    stage: "listing",
    cart_id: "cart_1",
    evaluated_at: new Date("2026-12-01T10:00:00Z"),
    currency_code: "EUR",
    total: 149.9,
    decision: d,
    providers: PROVIDERS,
    ...extra,
  })

describe("evaluationRecordOf", () => {
  describe("when a first order hides invoice and direct debit", () => {
    const row = record(decision())

    it("should record the hidden and offered classes in class order, the cause and the restriction", () => {
      expect(row).toMatchObject({
        cart_id: "cart_1",
        stage: "listing",
        currency_code: "eur",
        total: 149.9,
        restricted: true,
        fallback: false,
        causes: ["first_order"],
        hidden_classes: ["invoice", "direct_debit"],
        offered_classes: ["prepayment", "card"],
        rules_held: [],
        score: 0,
        review: false,
        credit_ran: false,
        credit_cached: false,
        credit_failed: false,
        credit_cost: 0,
        credit_queries: 0,
        list_matches: null,
      })
      expect(row.decision_key).toMatch(/^[0-9a-f]{64}$/)
    })
  })

  describe("when nothing is hidden", () => {
    it("should record an unrestricted row without causes", () => {
      const row = record(decision({ allowed_provider_ids: PROVIDERS.map((p) => p.id), hidden: [] }))
      expect(row).toMatchObject({ restricted: false, causes: [], hidden_classes: [], offered_classes: ["prepayment", "invoice", "direct_debit", "card"] })
    })
  })

  describe("when rules hide something and flag review", () => {
    const rules: RulesResult = {
      score: 60,
      review: true,
      review_reasons: ["Rule r_flag", "score 60 ≥ 50"],
      rules: [
        trace("r_flag", true, [{ type: "flag_review" }]),
        trace("r_points", true, [{ type: "add_score", points: 60 }]),
        trace("r_hide", true, [{ type: "hide_classes", classes: ["invoice"] }]),
        trace("r_off", false, [{ type: "add_score", points: 10 }]),
      ],
    }
    const d = decision({
      rules,
      allowed_provider_ids: ["pp_debit", "pp_prepay", "pp_card"],
      hidden: [hiddenBy("pp_invoice", "invoice", ["rules", "rule_matched", { rule_id: "r_hide" }], ["plausibility", "implausible_email"])],
    })
    const row = record(d)

    it("should name the checks and the hiding rule as causes, sorted, and the rules that held", () => {
      expect(row.causes).toEqual(["plausibility", "r_hide", "rules"])
      expect(row.rules_held).toEqual(["r_flag", "r_points", "r_hide"])
      expect(row).toMatchObject({ score: 60, review: true, hidden_classes: ["invoice"] })
    })

    it("should name as flagging the flag rule and, as the score reached the threshold, the rules with points", () => {
      expect(flaggedByOf(rules)).toEqual(["r_flag", "r_points"])
    })

    it("should name only the flag rule when the score stayed below the threshold", () => {
      expect(flaggedByOf({ ...rules, score: 10, review_reasons: ["Rule r_flag"] })).toEqual(["r_flag"])
    })

    it("should name nobody when the order does not go to review", () => {
      expect(flaggedByOf({ ...rules, review: false, review_reasons: [] })).toEqual([])
      expect(flaggedByOf(undefined)).toEqual([])
    })
  })

  describe("when a credit check ran", () => {
    const answered = (cached: boolean): Decision["signals"] => ({
      plausibility: [],
      credit: { status: "answered", provider_id: "bureau", cached, result: "ok", score: 500, traffic_light: "green" },
    })

    it("should record a paid query with its cost", () => {
      expect(record(decision({ signals: answered(false) }), { paid_credit: { queries: 1, cost: 1.2 } })).toMatchObject({
        credit_ran: true,
        credit_cached: false,
        credit_failed: false,
        credit_cost: 1.2,
        credit_queries: 1,
      })
    })

    it("should record a cache hit as ran, cached and free", () => {
      expect(record(decision({ signals: answered(true) }), { paid_credit: { queries: 0, cost: 0 } })).toMatchObject({
        credit_ran: true,
        credit_cached: true,
        credit_cost: 0,
        credit_queries: 0,
      })
    })

    it("should record a failure with what the failed queries cost", () => {
      expect(record(decision({ signals: { plausibility: [], credit: { status: "failed" } } }), { paid_credit: { queries: 2, cost: 0.5 } })).toMatchObject({
        credit_ran: true,
        credit_failed: true,
        credit_cost: 0.5,
        credit_queries: 2,
      })
    })

    it("should count no cost without a paid query, and no negative or broken numbers", () => {
      expect(record(decision({ signals: answered(false) }), { paid_credit: { queries: 0, cost: 3 } })).toMatchObject({ credit_cost: 0, credit_queries: 0 })
      expect(record(decision({ signals: answered(false) }), { paid_credit: { queries: 1, cost: Number.NaN } })).toMatchObject({ credit_cost: 0, credit_queries: 1 })
      expect(record(decision({ signals: answered(false) }), { paid_credit: { queries: -1, cost: -2 } })).toMatchObject({ credit_cost: 0, credit_queries: 0 })
    })

    it("should not let the credit answer change the decision key", () => {
      expect(record(decision({ signals: answered(false) })).decision_key).toBe(record(decision()).decision_key)
    })
  })

  describe("when the negative list matched", () => {
    it("should keep the kind and the entry's source only", () => {
      const row = record(decision(), { list_matches: [{ kind: "email", source: "chargeback" }, { kind: "iban" }] })
      expect(row.list_matches).toEqual([
        { kind: "email", source: "chargeback" },
        { kind: "iban", source: null },
      ])
    })
  })

  describe("when the decision is the fallback", () => {
    it("should be recorded with fallback set", () => {
      expect(record(decision({ fallback: true })).fallback).toBe(true)
    })
  })
})

describe("decisionKeyOf", () => {
  const base = { stage: "listing" as const, allowed_provider_ids: ["a", "b"], hidden_classes: ["invoice" as const], causes: ["first_order"], review: false }
  const key = decisionKeyOf(base)

  it("should not depend on the order of providers or causes", () => {
    expect(decisionKeyOf({ ...base, allowed_provider_ids: ["b", "a"] })).toBe(key)
    expect(decisionKeyOf({ ...base, causes: ["first_order", "first_order"] })).toBe(key)
  })

  it.each([
    ["the stage", { stage: "completion" as const }],
    ["the allowed providers", { allowed_provider_ids: ["a"] }],
    ["the hidden classes", { hidden_classes: ["invoice" as const, "card" as const] }],
    ["the causes", { causes: ["first_order", "rules"] }],
    ["review", { review: true }],
  ])("should change with %s", (_, change) => {
    expect(decisionKeyOf({ ...base, ...change })).not.toBe(key)
  })

  it("should keep a reload's key: the same decision evaluated again gives the same key", () => {
    const first = record(decision(), { evaluated_at: new Date("2026-12-01T10:00:00Z"), total: 100 })
    const again = record(decision(), { evaluated_at: new Date("2026-12-01T10:05:00Z"), total: 101 })
    expect(again.decision_key).toBe(first.decision_key)
  })
})

describe("causesOf", () => {
  describe("when compared with the replay on generated carts", () => {
    it("should name the same causes as replayDecision for every cart", () => {
      const differences = Array.from({ length: 300 }, (_, i) => generatedInput(i + 1)).flatMap((input, i) => {
        const live = decide(input)
        const replayed = replayDecision(JSON.parse(JSON.stringify(replayableInputOf(input))), { rules: input.rules!, settings: input.settings })
        const actual = causesOf(live.hidden)
        return JSON.stringify(actual) === JSON.stringify(replayed.causes) ? [] : [{ cart: i + 1, actual, replayed: replayed.causes }]
      })
      expect(differences).toEqual([])
    })

    it("should find restrictions with causes among the generated carts (the comparison is not empty)", () => {
      const withCauses = Array.from({ length: 300 }, (_, i) => causesOf(decide(generatedInput(i + 1)).hidden)).filter((c) => c.length > 1)
      expect(withCauses.length).toBeGreaterThan(10)
    })
  })
})
