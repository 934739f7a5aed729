import { auditHint, isAuditHint, isMaskedAuditChanges, maskAuditChanges } from "../privacy/mask"

describe("audit masking", () => {
  describe("when a value is masked", () => {
    it.each([
      ["Meier", "M… (5)"],
      ["kunigunde@quastenberg.example", "k… (29)"],
      ["+4915123456789", "+… (14)"],
      ["DE …3000", "D… (8)"],
      ["Ärger", "Ä… (5)"],
      ["😀 Emoji", "😀… (7)"],
      [42, "4… (2)"],
    ])("should keep only the first character and the length of %j", (value, hint) => {
      expect(auditHint(value)).toBe(hint)
    })

    it.each([[null], [undefined], [""]])("should keep %j as no value", (value) => {
      expect(auditHint(value)).toBeNull()
    })

    it("should replace a lone surrogate, which PostgreSQL refuses in JSON", () => {
      expect(auditHint("\ud800abc")).toBe("\ufffd… (4)")
    })

    it("should not mask a hint again", () => {
      expect(auditHint(auditHint("Quastenberg"))).toBe("Q… (11)")
      expect(isAuditHint("Q… (11)")).toBe(true)
      expect(isAuditHint("Quastenberg")).toBe(false)
    })
  })

  describe("when the changes of an entry are masked", () => {
    it("should mask every personal field and keep kind, source, country and expiry readable", () => {
      const masked = maskAuditChanges({
        kind: [null, "person"],
        first_name: [null, "Kunigunde"],
        last_name: ["Quastenberg", "Quastenburg"],
        address_1: [null, "Zwetschgenallee 17"],
        postal_code: [null, "39261"],
        city: [null, "Zerbst"],
        country_code: [null, "de"],
        value: [null, "kunigunde@quastenberg.example"],
        display_hint: [null, "DE …3000"],
        reason: [null, "Rücklastschrift von Frau Quastenberg"],
        note: ["Tel. 0151 23456789", null],
        source: ["manual", "dunning"],
        expires_at: [null, "2029-12-03T00:00:00.000Z"],
      })
      expect(masked).toEqual({
        kind: [null, "person"],
        first_name: [null, "K… (9)"],
        last_name: ["Q… (11)", "Q… (11)"],
        address_1: [null, "Z… (18)"],
        postal_code: [null, "3… (5)"],
        city: [null, "Z… (6)"],
        country_code: [null, "de"],
        value: [null, "k… (29)"],
        display_hint: [null, "D… (8)"],
        reason: [null, "R… (36)"],
        note: ["T… (18)", null],
        source: ["manual", "dunning"],
        expires_at: [null, "2029-12-03T00:00:00.000Z"],
      })
      expect(JSON.stringify(masked)).not.toMatch(/Kunigunde|Quasten|Zwetschgen|39261|Zerbst|@|3000|23456789/)
      expect(isMaskedAuditChanges(masked)).toBe(true)
    })

    it("should tell clear changes from masked ones", () => {
      expect(isMaskedAuditChanges({ note: [null, "Inkasso beauftragt"] })).toBe(false)
      expect(isMaskedAuditChanges({ source: ["manual", "dunning"] })).toBe(true)
      expect(isMaskedAuditChanges({})).toBe(true)
    })

    it.each([[null], ["text"], [["a"]]])("should give no changes for %j", (value) => {
      expect(maskAuditChanges(value)).toEqual({})
    })
  })
})
