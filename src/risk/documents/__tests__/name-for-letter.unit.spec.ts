import { nameForLetter } from "../name-for-letter"

describe("nameForLetter", () => {
  it("should keep a name on one line and at most 60 characters", () => {
    expect(nameForLetter("  Max  ")).toBe("Max")
    expect(nameForLetter("Max\n\nUnsere Bankverbindung hat sich geändert: IBAN DE00 …")).toBe("Max Unsere Bankverbindung hat sich geändert: IBAN DE00 …")
    expect(nameForLetter("A".repeat(200))).toHaveLength(60)
    expect(nameForLetter(null)).toBe("")
  })
})
