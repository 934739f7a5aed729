/// <reference types="jest" />
/// <reference types="node" />
import { readFileSync } from "node:fs"
import { join } from "node:path"
import i18next, { TFunction } from "i18next"
import type { Reason } from "../../../../engine/types"
import { actionSentence } from "../../negative-list/action-sentence"
import { reasonDetails, reasonSentence } from "../../review/reason-text"
import { kindLabel, parseAmount, reasonText } from "../labels"

type Messages = { [key: string]: string | Messages }
const AREAS = ["", "widgets.", "outcomes.", "rules."]

/** The admin's merged messages of one language (earlier files win, as in src/admin/i18n/index.ts). */
function messages(lang: "de" | "en"): Messages {
  const merge = (base: Messages, extra: Messages): Messages => {
    const merged: Messages = { ...base }
    for (const [key, value] of Object.entries(extra)) {
      const current = merged[key]
      if (current === undefined) merged[key] = value
      else if (typeof current === "object" && typeof value === "object") merged[key] = merge(current, value)
    }
    return merged
  }
  return AREAS.map((area) => JSON.parse(readFileSync(join(__dirname, `../../../i18n/json/${area}${lang}.json`), "utf8")) as Messages).reduce(merge)
}

const translator = (lang: "de" | "en"): TFunction => {
  const instance = i18next.createInstance()
  void instance.init({ lng: lang, resources: { [lang]: { translation: messages(lang) } }, initImmediate: false, interpolation: { escapeValue: false } })
  return instance.t
}

const de = translator("de")
const en = translator("en")

describe("an entry's action in words", () => {
  it("should say what a match hides, in the admin's language", () => {
    const action = { type: "hide_classes", classes: ["invoice", "direct_debit"] }
    expect(actionSentence(action, de, "de")).toBe("Rechnung und Lastschrift ausgeblendet")
    expect(actionSentence(action, en, "en")).toBe("Invoice and Direct debit hidden")
    expect(actionSentence({ type: "allow_only_classes", classes: ["prepayment"] }, de, "de")).toBe("Nur Vorkasse")
    expect(actionSentence(null, de, "de")).toBe("Wie in den Einstellungen für diese Art von Eintrag")
    expect(actionSentence({ type: "bogus" }, en, "en")).toBe("As set for this kind of entry in the settings")
  })
})

describe("outcome labels", () => {
  it("should name kinds and reason codes", () => {
    expect(kindLabel("return_debit", "de")).toBe("Rücklastschrift")
    expect(reasonText("return_debit", "AM04", "de")).toBe("Keine Deckung (AM04)")
    expect(reasonText("chargeback", "10.4", "en")).toBe("Fraud: the cardholder denies making the payment (10.4)")
    expect(reasonText("chargeback", "XYZ", "en")).toBe("XYZ")
    expect(reasonText("cod_refused", null, "en")).toBeNull()
  })
})

describe("amounts typed by a merchant", () => {
  it.each([
    ["12,50", 12.5],
    ["1.299,00", 1299],
    ["12.50", 12.5],
    ["7", 7],
    ["", undefined],
  ])("should read %j", (text, value) => {
    expect(parseAmount(text)).toBe(value)
  })

  it.each([["abc"], ["-3"], ["1,234,5"], ["12.345"]])("should refuse %j", (text) => {
    expect(parseAmount(text)).toBeNaN()
  })
})

describe("a hidden method's reason on the order page", () => {
  const reason = (code: string, values: Record<string, unknown>, check = "negative_list"): Reason => ({ check, code, message: "raw", values })
  const RAW = /allowed_classes|matched_on|house_number_missing|last_name|billing_address|entry_action|_/

  it("should put a list match into words without raw keys", () => {
    const match = reason("negative_list_match", {
      entry_id: "prnle_1",
      kind: "person",
      score: 0.95,
      certain: true,
      matched_on: ["last_name", "first_name", "house_number"],
      entry_action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
    })
    const text = reasonSentence(match, de, "de")
    expect(text).toBe("Treffer auf der Negativliste (Person, Ähnlichkeit 95 %) bei Nachname, Vorname, Hausnummer")
    expect(reasonDetails(match, de, "de")).toEqual(["Eigene Wirkung dieses Eintrags: Rechnung und Lastschrift ausgeblendet"])
    expect([text, ...reasonDetails(match, de, "de")].join(" ")).not.toMatch(RAW)
  })

  it("should name findings and the methods that stay", () => {
    const finding = reason("implausible_data", { findings: ["billing_address.address_1:house_number_missing"] }, "plausibility")
    expect(reasonSentence(finding, en, "en")).not.toMatch(RAW)
    // the place once, the field only where the finding does not name it
    expect(reasonSentence(finding, de, "de")).toBe("Unplausible Angaben: Rechnungsadresse: Hausnummer fehlt")
    expect(reasonSentence(finding, en, "en")).toBe("Implausible data: Billing address: House number missing")
    const tooLong = reason("implausible_data", { findings: ["shipping_address.last_name:too_long"] }, "plausibility")
    expect(reasonSentence(tooLong, de, "de")).toBe("Unplausible Angaben: Lieferadresse, Nachname: Angabe zu lang")
    const first = reason("new_customer", { paid_order_count: 0, paid_orders_required: 1, allowed_classes: ["prepayment", "cash_on_delivery"] }, "first_order")
    expect(reasonDetails(first, de, "de")).toEqual(["Weiter angeboten: Vorkasse und Nachnahme"])
    expect(reasonSentence(reason("rule_matched", { rule_id: "r1", name: "Teuer" }, "rules"), de, "de")).toBe("Regel „Teuer“ greift")
  })

  it("should name the credit bureau that answered, in words", () => {
    const soft = reason("credit_soft", { provider_id: "sandbox", result: "soft" }, "credit_check")
    expect(reasonSentence(soft, de, "de")).toBe("Bonitätsprüfung (Test-Auskunftei): leichter Negativeintrag")
    expect(reasonSentence(soft, en, "en")).toBe("Credit check (Test bureau): minor negative entry")
    // a bureau the merchant configured keeps its id as its name
    expect(reasonSentence(reason("credit_hard", { provider_id: "schufa" }, "credit_check"), de, "de")).toBe("Bonitätsprüfung (schufa): schwerer Negativeintrag")
  })
})
