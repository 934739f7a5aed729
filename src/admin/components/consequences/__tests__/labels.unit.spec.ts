import { CONSEQUENCE_KEYS, DEFAULT_CONSEQUENCES } from "../../../../engine/outcomes/consequences"
import { actionOf, consequenceLabel, presetOf } from "../labels"

const t = ((key: string, fallback?: unknown) => (typeof fallback === "string" ? `[${key}|${fallback}]` : `[${key}]`)) as never

describe("consequence labels", () => {
  it("should name the kind and the reason with its SEPA code in the admin's language", () => {
    expect(consequenceLabel("return_debit:AM04", t, "de")).toEqual({ kind: "[paymentRiskConsequences.kinds.return_debit|return_debit]", reason: "Keine Deckung (AM04)" })
    expect(consequenceLabel("return_debit:AM04", t, "en-US").reason).toBe("Insufficient funds (AM04)")
    expect(consequenceLabel("chargeback:fraud_card_absent", t, "de").reason).toBe("Betrug: Karteninhaber bestreitet die Zahlung")
    expect(consequenceLabel("chargeback:other", t, "en").reason).toBe("[paymentRiskConsequences.otherReason]")
    expect(consequenceLabel("cod_refused", t, "de").reason).toBeNull()
  })

  it("should have words, not only the code, for every configurable reason", () => {
    for (const key of CONSEQUENCE_KEYS.filter((k) => k.includes(":") && !k.endsWith(":other"))) {
      for (const language of ["de", "en"]) {
        const code = key.split(":")[1]
        const { reason } = consequenceLabel(key, t, language)
        expect(reason?.replace(`(${code})`, "").trim()).not.toMatch(new RegExp(`^(${code})?$`))
      }
    }
  })
})

describe("action presets", () => {
  it("should recognise the defaults' actions", () => {
    expect(presetOf(DEFAULT_CONSEQUENCES["return_debit:AM04"].action)).toBe("hideInvoiceDebit")
    expect(presetOf(DEFAULT_CONSEQUENCES["return_debit:AC01"].action)).toBe("hideDebit")
    expect(presetOf(DEFAULT_CONSEQUENCES.cod_refused.action)).toBe("prepayment")
    expect(presetOf(DEFAULT_CONSEQUENCES.handed_over.action)).toBe("default")
    expect(presetOf({ type: "hide_classes", classes: ["direct_debit", "invoice"] })).toBe("hideInvoiceDebit")
    expect(presetOf({ type: "allow_only_classes", classes: ["prepayment", "card"] })).toBe("custom")
  })

  it("should turn each preset back into the action it names", () => {
    for (const key of CONSEQUENCE_KEYS) {
      const action = DEFAULT_CONSEQUENCES[key].action
      const preset = presetOf(action)
      expect(presetOf(actionOf(preset, action))).toBe(preset)
    }
    expect(actionOf("default", { type: "hide_classes", classes: ["card"] })).toBeNull()
    expect(actionOf("custom", { type: "hide_classes", classes: ["card"] })).toEqual({ type: "hide_classes", classes: ["card"] })
  })
})
