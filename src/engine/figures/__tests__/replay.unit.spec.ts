import { decide } from "../../engine"
import { DEFAULT_SETTINGS } from "../../settings"
import { PAYMENT_CLASSES } from "../../types"
import type { Decision, EngineInput } from "../../types"
import { isReplayable, replayDecision, replayScore } from "../replay"
import { REPLAYABLE_VERSION, replayableInputOf } from "../replayable"
import { planCreditQuery } from "../../credit/policy"
import type { RiskSettings } from "../../types"
import { DEFAULT_RISK_RULES, generatedInput, random } from "./generated-carts"

const CARTS = 600

function live(decision: Decision) {
  const hidden = new Set(decision.hidden.map((h) => h.risk_class))
  return {
    rules_held: decision.rules?.rules.filter((r) => r.held).map((r) => r.rule_id) ?? [],
    score: decision.rules?.score ?? 0,
    review: decision.rules?.review ?? false,
    hidden_classes: PAYMENT_CLASSES.filter((c) => hidden.has(c)),
    hidden_provider_ids: decision.hidden.map((h) => h.provider_id),
  }
}

/** Stored as JSON and read back, as the adapter will. */
const stored = (input: EngineInput) => JSON.parse(JSON.stringify(replayableInputOf(input)))

describe("replayDecision", () => {
  describe("when replaying generated carts with the default rules", () => {
    const inputs = Array.from({ length: CARTS }, (_, i) => generatedInput(i + 1))

    it("should agree with decide on rules held, score, review and hidden classes for every cart", () => {
      const differences = inputs.flatMap((input, i) => {
        const expected = live(decide(input))
        const replayed = replayDecision(stored(input), { rules: input.rules!, settings: input.settings })
        const actual = {
          rules_held: replayed.rules_held,
          score: replayed.score,
          review: replayed.review,
          hidden_classes: replayed.hidden_classes,
          hidden_provider_ids: replayed.hidden_provider_ids,
        }
        return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ seed: i + 1, expected, actual }]
      })
      expect(differences).toEqual([])
    })

    it("should give the same score from replayScore alone", () => {
      const different = inputs.filter((input) => {
        const config = { rules: input.rules!, settings: input.settings }
        return replayScore(stored(input), config) !== replayDecision(stored(input), config).score
      })
      expect(different).toHaveLength(0)
    })

    it("should replay every default-rule cart exactly (nothing reported inexact)", () => {
      const inexact = inputs.filter((input) => replayDecision(stored(input), { rules: input.rules!, settings: input.settings }).inexact.length)
      expect(inexact).toHaveLength(0)
    })

    it("should cover carts where rules held, classes were hidden and nothing was hidden", () => {
      const decisions = inputs.map((input) => decide(input))
      const held = new Set(decisions.flatMap((d) => d.rules?.rules.filter((r) => r.held).map((r) => r.rule_id) ?? []))
      // all nine default rules held on some generated cart
      expect([...held].sort()).toEqual(DEFAULT_RISK_RULES.map((r) => r.id).sort())
      expect(decisions.some((d) => d.hidden.length === 0)).toBe(true)
      expect(decisions.some((d) => d.rules && d.rules.score >= DEFAULT_SETTINGS.rules.prepayment_score)).toBe(true)
      expect(decisions.some((d) => d.hidden.some((h) => h.reasons.some((r) => r.check === "credit_check")))).toBe(true)
    })
  })

  describe("when replaying generated carts with other settings than they were recorded with", () => {
    /** settings a merchant might try in a draft (private email domains excepted: they are not kept) */
    const draftSettings = (seed: number, recorded: RiskSettings): RiskSettings => {
      const g = random(seed * 7919)
      return {
        ...recorded,
        first_order: { ...recorded.first_order, enabled: g.chance(0.8), paid_orders_required: g.pick([0, 1, 2]), cod_max_amount: g.pick([null, 100, 300]) },
        negative_list: { ...recorded.negative_list, enabled: g.chance(0.8), possible_match_action: g.pick([recorded.negative_list.possible_match_action, { type: "hide_classes" as const, classes: ["card" as const] }]) },
        plausibility: { ...recorded.plausibility, enabled: g.chance(0.5), action: g.pick([recorded.plausibility.action, { type: "allow_only_classes" as const, classes: ["prepayment" as const] }]) },
        protection: { ...recorded.protection, max_identities_per_cart: g.pick([1, 3, 5]), max_identities_per_ip: g.pick([2, 10]) },
        rules: {
          ...recorded.rules,
          enabled: g.chance(0.9),
          review_score: g.pick([20, 50, 70]),
          prepayment_score: g.pick([30, 80, 100]),
          risk_countries: g.pick([["by"], ["by", "ru"], [], ["at"]]),
          extra_free_mail_domains: g.pick([[], ["mailinator.com"]]),
          extra_disposable_domains: g.pick([[], ["web.de"]]),
        },
        credit_check: { ...recorded.credit_check, min_amount: g.pick([0, 200, 1000]) },
      }
    }

    it("should agree with decide under the draft settings wherever the credit answer is known", () => {
      let compared = 0
      const differences = Array.from({ length: CARTS }, (_, i) => i + 1).flatMap((seed) => {
        const recorded = generatedInput(seed)
        const settings = draftSettings(seed, recorded.settings)
        const withoutCredit: EngineInput = { ...recorded, settings, credit: undefined }
        const asks = planCreditQuery(withoutCredit, decide(withoutCredit)).ask
        const replayed = replayDecision(stored(recorded), { rules: DEFAULT_RISK_RULES, settings })
        if (asks && !recorded.credit) {
          // a bureau the recording did not ask: unknown answer, reported
          expect(replayed.inexact).toContain("credit_check")
          return []
        }
        compared += 1
        const expected = live(decide({ ...withoutCredit, ...(asks ? { credit: recorded.credit } : {}) }))
        const actual = { rules_held: replayed.rules_held, score: replayed.score, review: replayed.review, hidden_classes: replayed.hidden_classes, hidden_provider_ids: replayed.hidden_provider_ids }
        return JSON.stringify(actual) === JSON.stringify(expected) ? [] : [{ seed, expected, actual }]
      })
      expect(differences).toEqual([])
      expect(compared).toBeGreaterThan(CARTS * 0.8)
    })
  })

  describe("when replaying a draft on one stored cart", () => {
    const base = () => {
      const input = generatedInput(11)
      input.cart.total = 500
      input.cart.email = "hans@gmail.com"
      input.cart.billing_address = { last_name: "Meier", address_1: "Hauptstraße 5", postal_code: "10115", city: "Berlin", country_code: "de" }
      input.cart.shipping_address = null
      input.history = { orders: [] }
      input.negative_list_matches = []
      input.rule_facts = { now: "2026-11-20T12:00:00.000Z", average_order_value: 100, ip: "203.0.113.9", ip_country: "de" }
      delete input.probing
      delete input.credit
      input.settings = { ...input.settings, plausibility: { ...input.settings.plausibility, enabled: false }, credit_check: { ...input.settings.credit_check, enabled: false } }
      return input
    }
    const draft = (attribute: string, operator: string, value: unknown, points = 90) => [
      { id: "draft", name: "Draft", priority: 1, enabled: true, conditions: { type: "group" as const, combinator: "and" as const, children: [{ type: "condition" as const, attribute, operator: operator as "eq", value }] }, actions: [{ type: "add_score" as const, points }] },
    ]

    it.each([
      ["a free-mail draft", draft("contact.email_free_mail", "is_true", undefined), ["draft"], 90, true, []],
      ["a postcode prefix of 3", draft("billing.postcode", "starts_with", "101"), ["draft"], 90, true, []],
      ["a postcode prefix of 4 (more than is kept: replayed on the prefix, reported)", draft("billing.postcode", "starts_with", "1011"), [], 0, false, ["billing.postcode"]],
      ["an IP range (the IP is not kept)", draft("network.ip_in_range", "in", ["203.0.113.0/24"]), [], 0, false, ["network.ip_in_range"]],
      ["a velocity window nobody counted", draft("velocity.email", "gte", 1), [], 0, false, ["velocity.email"]],
      ["a cart total above 400 with 40 points", draft("cart.total", "gt", 400, 40), ["draft"], 40, false, []],
    ])("should replay %s", (_name, rules, held, score, prepaymentOnly, inexact) => {
      const replayed = replayDecision(stored(base()), { rules, settings: base().settings })
      expect([replayed.rules_held, replayed.score, replayed.prepayment_only, replayed.inexact]).toEqual([held, score, prepaymentOnly, inexact])
    })

    it("should report a free-mail condition inexact for an own domain when the draft lists extra domains", () => {
      const input = base()
      input.cart.email = "hans@meier-familie.de"
      const rules = draft("contact.email_free_mail", "is_true", undefined)
      const withExtras = { ...input.settings, rules: { ...input.settings.rules, extra_free_mail_domains: ["meier-familie.de"] } }
      expect(replayDecision(stored(input), { rules, settings: input.settings }).inexact).toEqual([])
      expect(replayDecision(stored(input), { rules, settings: withExtras }).inexact).toEqual(["contact.email_free_mail"])
    })

    it("should hide only prepayment's alternatives when the draft score reaches the prepayment threshold, and name the causes", () => {
      const replayed = replayDecision(stored(base()), { rules: draft("cart.total", "gt", 400), settings: base().settings })
      const offered: string[] = base().cart.providers.map((p) => p.risk_class).filter((c) => c !== "prepayment")
      expect(replayed.hidden_classes).toEqual(PAYMENT_CLASSES.filter((c) => offered.includes(c)))
      expect(replayed.causes).toEqual(["first_order", "first_order_cod_limit", "rules"])
      expect(replayed.restricted).toBe(true)
    })

    it("should report the credit check inexact when the draft settings would ask a bureau that was not asked", () => {
      const input = base()
      const settings = { ...input.settings, credit_check: { ...input.settings.credit_check, enabled: true, min_amount: 0, providers: [{ id: "b", cost: 1 }] }, first_order: { ...input.settings.first_order, enabled: false } }
      expect(replayDecision(stored(input), { rules: [], settings }).inexact).toEqual(["credit_check"])
    })
  })

  describe("when checking what is stored", () => {
    it("should keep no name, street, email, phone, IP, entry id or bureau reference", () => {
      for (let seed = 1; seed <= 200; seed++) {
        const text = JSON.stringify(replayableInputOf(generatedInput(seed)))
        for (const secret of ["Meier", "Meyer", "Schulz", "Hans", "Hauptstr", "Lindenweg", "Packstation", "anna@", "meier-gartenbau", "151 2345", "1234567", "203.0.113", "nle_1", "REF-1", "cus_1", "cart_", "Berlin", "timeout"]) {
          expect([seed, text.includes(secret)]).toEqual([seed, false])
        }
      }
    })

    it("should keep the postcode's first three characters and a public email domain only", () => {
      const input = generatedInput(7)
      input.cart.billing_address = { first_name: "Hans", last_name: "Meier", address_1: "Hauptstraße 5", postal_code: "10 115", city: "Berlin", country_code: "de" }
      input.cart.email = "hans@gmail.com"
      const replayable = replayableInputOf(input)
      expect(replayable.billing).toEqual({ country_code: "de", postcode_prefix: "101" })
      expect(replayable.signals.public_email_domain).toBe("gmail.com")
      input.cart.email = "hans@meier-familie.de"
      expect(replayableInputOf(input).signals.public_email_domain).toBeNull()
      expect(replayableInputOf(input).signals.has_email).toBe(true)
    })

    it("should carry its version and be recognised as replayable; another version, nothing or a damaged one is not", () => {
      const replayable = replayableInputOf(generatedInput(3))
      expect(replayable.version).toBe(REPLAYABLE_VERSION)
      expect(isReplayable(stored(generatedInput(3)))).toBe(true)
      expect(isReplayable({ ...replayable, version: REPLAYABLE_VERSION + 1 })).toBe(false)
      expect(isReplayable(null)).toBe(false)
      expect(isReplayable({ version: REPLAYABLE_VERSION })).toBe(false)
      expect(isReplayable({ ...replayable, cart: { ...replayable.cart, providers: null } })).toBe(false)
      expect(isReplayable({ ...replayable, negative_list: undefined })).toBe(false)
    })
  })
})
