/// <reference types="jest" />
/// <reference types="node" />
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import type { TFunction } from "i18next"
import { DEFAULT_RULES, FORMER_DEFAULT_TEXTS } from "../../../engine/rules/defaults"
import { ruleDescription, ruleName, ruleNameText } from "../rule-text"

type Messages = { [key: string]: string | Messages }

const JSON_DIR = join(__dirname, "../../i18n/json")
const messages = (file: string): Messages => JSON.parse(readFileSync(join(JSON_DIR, file), "utf8"))

/** A t() over one language's JSON: the text at the dotted key, or the key itself (as i18next does). */
const translator = (file: string) =>
  ((key: string) => {
    let value: string | Messages | undefined = messages(file)
    for (const part of key.split(".")) value = typeof value === "object" ? value[part] : undefined
    return typeof value === "string" ? value : key
  }) as unknown as TFunction

const de = translator("rules.de.json")
const en = translator("rules.en.json")

describe("default rule texts", () => {
  it("should have a German and an English name and description for every default rule, the English one the source text", () => {
    for (const rule of DEFAULT_RULES) {
      const stored = { default_key: rule.default_key, name: rule.name, description: rule.description ?? null }
      expect(ruleName(stored, en)).toBe(rule.name)
      expect(ruleDescription(stored, en)).toBe(rule.description)
      expect(ruleName(stored, de)).not.toMatch(/^paymentRisk\./)
      expect(ruleName(stored, de)).not.toBe(rule.name)
      expect(ruleDescription(stored, de)).not.toMatch(/^paymentRisk\./)
      expect(ruleDescription(stored, de)).not.toBe(rule.description)
    }
  })

  it("should show a rule still carrying an earlier version's text translated, and a merchant's own text as typed", () => {
    const [key, former] = Object.entries(FORMER_DEFAULT_TEXTS).find(([, texts]) => texts.description?.length)!
    const rule = DEFAULT_RULES.find((r) => r.default_key === key)!
    expect(ruleDescription({ default_key: key, name: rule.name, description: former.description![0] }, de)).toBe(
      de(`paymentRisk.rules.defaults.${key}.description`)
    )
    expect(ruleName({ default_key: key, name: "Meine Regel", description: "Selbst geschrieben" }, de)).toBe("Meine Regel")
    expect(ruleDescription({ default_key: key, name: "Meine Regel", description: "Selbst geschrieben" }, de)).toBe("Selbst geschrieben")
    // a rule of the merchant's own (no default key) is never translated, even with a default's name
    expect(ruleName({ default_key: null, name: rule.name, description: null }, de)).toBe(rule.name)
    expect(ruleDescription({ default_key: null, name: rule.name, description: null }, de)).toBeNull()
  })

  it("should translate a default rule's name in evaluations and review reasons, and leave other names alone", () => {
    expect(ruleNameText("Disposable email address", de)).toBe("Wegwerf-E-Mail-Adresse")
    expect(ruleNameText("Review every order", de)).toBe("Review every order")
  })

  it("should carry no document references in the source texts or any admin text", () => {
    const REFERENCE = /checklist|checkliste|\bseed\b|infobox|§\s?5\b|§\s?5\.|\b5-3\b|\b5-9\b/i
    for (const rule of DEFAULT_RULES) expect(`${rule.name} ${rule.description ?? ""}`).not.toMatch(REFERENCE)
    for (const file of readdirSync(JSON_DIR).filter((name) => name.endsWith(".json"))) {
      const text = readFileSync(join(JSON_DIR, file), "utf8")
      expect([file, text.match(REFERENCE)?.[0] ?? null]).toEqual([file, null])
    }
  })
})
