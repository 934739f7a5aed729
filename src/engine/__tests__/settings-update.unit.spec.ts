import { DEFAULT_SETTINGS } from "../settings"
import { mergeSettings } from "../settings-update"
import type { RiskSettings } from "../types"

const stored = (): RiskSettings => structuredClone(DEFAULT_SETTINGS)

describe("mergeSettings", () => {
  describe("when nothing is sent", () => {
    it("should return the stored settings unchanged", () => {
      expect(mergeSettings(stored(), {})).toEqual(DEFAULT_SETTINGS)
    })
  })

  describe("when one field of a section is sent", () => {
    it("should change only that field", () => {
      const merged = mergeSettings(stored(), { first_order: { paid_orders_required: 3 } })
      expect(merged.first_order).toEqual({ ...DEFAULT_SETTINGS.first_order, paid_orders_required: 3 })
      expect(merged.plausibility).toEqual(DEFAULT_SETTINGS.plausibility)
    })

    it("should not change the stored settings it was given", () => {
      const current = stored()
      mergeSettings(current, { shop: { name: "Shop" }, negative_list: { actions: { email: { type: "hide_classes", classes: ["invoice"] } } } })
      expect(current).toEqual(DEFAULT_SETTINGS)
    })
  })

  describe("when negative-list actions are sent", () => {
    it("should replace the actions of the kinds sent and keep the others", () => {
      const action = { type: "hide_classes" as const, classes: ["invoice" as const] }
      const merged = mergeSettings(stored(), { negative_list: { enabled: false, actions: { email: action } } })
      expect(merged.negative_list.enabled).toBe(false)
      expect(merged.negative_list.actions).toEqual({ ...DEFAULT_SETTINGS.negative_list.actions, email: action })
    })

    it("should ignore a kind the engine does not know and a kind sent as undefined", () => {
      const action = { type: "hide_classes" as const, classes: ["invoice" as const] }
      const merged = mergeSettings(stored(), { negative_list: { actions: { unknown_kind: action, phone: undefined } } })
      expect(merged.negative_list.actions).toEqual(DEFAULT_SETTINGS.negative_list.actions)
    })
  })

  describe("when credit-check settings are sent", () => {
    it("should merge traffic lights, consent notice and limits field by field", () => {
      const red = { type: "allow_only_classes" as const, classes: ["prepayment" as const] }
      const merged = mergeSettings(stored(), {
        credit_check: {
          enabled: true,
          traffic_light_actions: { red },
          consent_notice: { en: "We check." },
          limits: { queries_per_cart: 5, identities_per_ip: undefined },
        },
      })
      expect(merged.credit_check).toEqual({
        ...DEFAULT_SETTINGS.credit_check,
        enabled: true,
        traffic_light_actions: { ...DEFAULT_SETTINGS.credit_check.traffic_light_actions, red },
        consent_notice: { ...DEFAULT_SETTINGS.credit_check.consent_notice, en: "We check." },
        limits: { ...DEFAULT_SETTINGS.credit_check.limits, queries_per_cart: 5 },
      })
    })

    it("should take null as a value for a traffic light (no action)", () => {
      const current = stored()
      current.credit_check.traffic_light_actions.yellow = { type: "hide_classes", classes: ["invoice"] }
      const merged = mergeSettings(current, { credit_check: { traffic_light_actions: { yellow: null } } })
      expect(merged.credit_check.traffic_light_actions.yellow).toBeNull()
    })
  })

  describe("when protection or retention fields are sent as undefined", () => {
    it("should keep the stored values and take null as a value", () => {
      const current = stored()
      current.retention.assessment_days = 365
      const merged = mergeSettings(current, {
        protection: { guest_recognition: "email", max_identities_per_cart: undefined },
        retention: { assessment_days: null, cart_signal_days: undefined, list_entry_days: 400 },
      })
      expect(merged.protection).toEqual({ ...DEFAULT_SETTINGS.protection, guest_recognition: "email" })
      expect(merged.retention).toEqual({ ...DEFAULT_SETTINGS.retention, assessment_days: null, list_entry_days: 400 })
    })
  })

  describe("when lists and single values are sent", () => {
    it("should replace fallback classes as a whole and take the timeout", () => {
      const merged = mergeSettings(stored(), { fallback_classes: ["prepayment", "cash_on_delivery"], evaluation_timeout_ms: 500 })
      expect(merged.fallback_classes).toEqual(["prepayment", "cash_on_delivery"])
      expect(merged.evaluation_timeout_ms).toBe(500)
    })

    it("should merge shop details, notice and refusal message field by field", () => {
      const merged = mergeSettings(stored(), {
        shop: { hotline: "+49 30 123" },
        notice: { de: "Hinweis" },
        refusal_message: { en: "Not available." },
        rules: { review_score: 70 },
      })
      expect(merged.shop).toEqual({ ...DEFAULT_SETTINGS.shop, hotline: "+49 30 123" })
      expect(merged.notice).toEqual({ ...DEFAULT_SETTINGS.notice, de: "Hinweis" })
      expect(merged.refusal_message).toEqual({ ...DEFAULT_SETTINGS.refusal_message, en: "Not available." })
      expect(merged.rules).toEqual({ ...DEFAULT_SETTINGS.rules, review_score: 70 })
    })
  })
  describe("when dunning and outcome consequences are sent", () => {
    it("should change only the dunning fields sent and replace stages and base rates as whole lists", () => {
      const current = stored()
      const merged = mergeSettings(current, {
        dunning: { payment_term_days: 30, base_rates: [{ valid_from: "2026-01-01", rate: 1.27 }], consumer_points: undefined },
      })
      expect(merged.dunning).toEqual({ ...current.dunning, payment_term_days: 30, base_rates: [{ valid_from: "2026-01-01", rate: 1.27 }] })
      expect(merged.dunning.stages).toEqual(current.dunning.stages)
    })

    it("should set a consequence per key and drop it again with null", () => {
      const set = mergeSettings(stored(), {
        outcomes: { consequences: { cod_refused: { list: ["email"], action: null, expires_days: 30 }, "return_debit:AM04": undefined } },
      })
      expect(set.outcomes.consequences).toEqual({ cod_refused: { list: ["email"], action: null, expires_days: 30 } })
      const reset = mergeSettings(set, { outcomes: { consequences: { cod_refused: null } } })
      expect(reset.outcomes.consequences).toEqual({})
      expect(set.outcomes.consequences.cod_refused).toBeDefined()
    })
  })
})
