/// <reference types="jest" />
import { DEFAULT_SETTINGS } from "../../../engine/settings"
import { mergeSettings } from "../../../engine/settings-update"
import type { RiskSettings } from "../../../engine/types"
import {
  creditSection,
  fallbackSection,
  firstOrderSection,
  negativeListSection,
  plausibilitySection,
  protectionSection,
  retentionSection,
  SETTINGS_SECTIONS,
  shopperTextsSection,
} from "../settings-draft"

const settings = (): RiskSettings => JSON.parse(JSON.stringify(DEFAULT_SETTINGS))

/** The top-level keys of the stored settings a body would change when the route merges it. */
function changedSections(before: RiskSettings, body: object): string[] {
  const after = mergeSettings(before, body)
  return (Object.keys(after) as Array<keyof RiskSettings>).filter((key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]))
}

describe("settings sections", () => {
  describe("when a section is saved", () => {
    it.each([
      [firstOrderSection, ["first_order"]],
      [fallbackSection, ["fallback_classes", "evaluation_timeout_ms"]],
      [protectionSection, ["protection"]],
      [negativeListSection, ["negative_list"]],
      [plausibilitySection, ["plausibility"]],
      [creditSection, ["credit_check"]],
      [retentionSection, ["retention"]],
      [shopperTextsSection, ["notice", "notice_restricted", "refusal_message", "credit_check"]],
    ] as const)("should send only its own fields (%#)", (section, keys) => {
      const body = (section.toBody as (draft: unknown) => object)(section.toDraft(settings()))
      expect(Object.keys(body).sort()).toEqual([...keys].sort())
    })

    it("should leave every other section as stored, even when the others were edited meanwhile", () => {
      const stored = settings()
      // the merchant edits the retention section without saving, then saves the first-order section
      const firstOrder = { ...firstOrderSection.toDraft(stored), cod_max_amount: "150" }
      const retention = { ...retentionSection.toDraft(stored), outcome_days: "99" }
      const body = firstOrderSection.toBody(firstOrder)
      expect(changedSections(stored, body)).toEqual(["first_order"])
      const saved = mergeSettings(stored, body)
      expect(saved.first_order.cod_max_amount).toBe(150)
      expect(saved.retention).toEqual(stored.retention)
      expect(retention.outcome_days).toBe("99")
    })

    it("should send the credit settings without the shoppers' notice, and the notice without the credit settings", () => {
      const stored = settings()
      stored.credit_check.consent_notice = { de: "Alt", en: "Old" }
      // two stale copies: the credit section still holds min_amount 200, the texts section a new notice
      const credit = { ...creditSection.toDraft(stored), min_amount: 250 }
      const texts = { ...shopperTextsSection.toDraft(stored), consent_notice: { de: "Neu", en: "New" } }
      expect(creditSection.toBody(credit).credit_check).not.toHaveProperty("consent_notice")
      expect(shopperTextsSection.toBody(texts).credit_check).toEqual({ consent_notice: { de: "Neu", en: "New" } })

      const afterTexts = mergeSettings(stored, shopperTextsSection.toBody(texts))
      const afterBoth = mergeSettings(afterTexts, creditSection.toBody(credit))
      expect(afterBoth.credit_check.consent_notice).toEqual({ de: "Neu", en: "New" })
      expect(afterBoth.credit_check.min_amount).toBe(250)
    })

    it("should send the time budget alone with the fallback methods, as numbers", () => {
      const body = fallbackSection.toBody({ fallback_classes: ["prepayment"], evaluation_timeout_ms: "2500" })
      expect(body).toEqual({ fallback_classes: ["prepayment"], evaluation_timeout_ms: 2500 })
    })

    it("should read a German decimal comma and an empty limit", () => {
      const draft = firstOrderSection.toDraft(settings())
      expect(firstOrderSection.toBody({ ...draft, cod_max_amount: "149,90" }).first_order?.cod_max_amount).toBe(149.9)
      expect(firstOrderSection.toBody({ ...draft, cod_max_amount: " " }).first_order?.cod_max_amount).toBeNull()
    })
  })

  describe("when a value is wrong", () => {
    it("should name the field of that section with a code the admin words", () => {
      const draft = firstOrderSection.toDraft(settings())
      expect(firstOrderSection.validate({ ...draft, cod_max_amount: "-5" })).toEqual({ "first_order.cod_max_amount": "amount" })
      expect(firstOrderSection.validate({ ...draft, paid_orders_required: "1.5" })).toEqual({ "first_order.paid_orders_required": "range:0:1000" })
      expect(firstOrderSection.validate({ ...draft, allowed_classes: [] })).toEqual({ "first_order.allowed_classes": "classes" })
      expect(fallbackSection.validate({ fallback_classes: ["prepayment"], evaluation_timeout_ms: "10" })).toEqual({ evaluation_timeout_ms: "range:50:30000" })
      expect(retentionSection.validate({ ...retentionSection.toDraft(settings()), list_entry_grace_days: "400" })).toEqual({ "retention.list_entry_grace_days": "range:0:365" })
      expect(shopperTextsSection.validate({ ...shopperTextsSection.toDraft(settings()), refusal_message: { de: " ", en: "x" } })).toEqual({ "refusal_message.de": "text" })
    })

    it("should accept what the defaults hold, in every section", () => {
      for (const section of SETTINGS_SECTIONS) {
        expect([section.key, (section.validate as (draft: unknown) => object)(section.toDraft(settings()))]).toEqual([section.key, {}])
      }
    })

    it("should check the credit settings against the server's ranges", () => {
      const draft = creditSection.toDraft(settings())
      expect(creditSection.validate({ ...draft, timeout_ms: 50, breaker_failures: 0, limits: { ...draft.limits, identities_per_ip: 1001 } })).toEqual({
        "credit_check.timeout_ms": "range:100:30000",
        "credit_check.breaker_failures": "range:1:100",
        "credit_check.limits.identities_per_ip": "range:1:1000",
      })
      expect(creditSection.validate({ ...draft, traffic_light_actions: { yellow: { type: "hide_classes", classes: [] }, red: null } })).toEqual({
        "credit_check.traffic_light_actions.yellow.classes": "classes",
      })
    })

    it("should take a server error only at a field of its own", () => {
      expect(creditSection.owns("credit_check.limits.queries_per_cart")).toBe(true)
      expect(creditSection.owns("credit_check.consent_notice.de")).toBe(false)
      expect(shopperTextsSection.owns("credit_check.consent_notice.de")).toBe(true)
      expect(shopperTextsSection.owns("credit_check.min_amount")).toBe(false)
      expect(fallbackSection.owns("evaluation_timeout_ms")).toBe(true)
      expect(firstOrderSection.owns("first_order_x")).toBe(false)
    })
  })
})
