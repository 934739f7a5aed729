import { redactOutcomeNote } from "../note"

describe("redactOutcomeNote", () => {
  it.each([
    ["an IBAN with spaces", "Rücklastschrift von DE89 3704 0044 0532 0130 00 laut Bank", "Rücklastschrift von [iban] laut Bank"],
    ["an IBAN without spaces", "Konto DE89370400440532013000", "Konto [iban]"],
    ["a card number", "Karte 4111 1111 1111 1111 gesperrt", "Karte [card] gesperrt"],
    ["an email address", "Kundin schreibt von hans.meier@example.com", "Kundin schreibt von [email]"],
    ["an account number", "Kontonummer 1234567890123", "Kontonummer [card]"],
  ])("should replace %s", (_, note, expected) => {
    expect(redactOutcomeNote(note)).toBe(expected)
  })

  it("should keep ordinary text, amounts, dates and order numbers", () => {
    const note = "Kunde hat am 12.10.2026 angerufen, Ratenzahlung 3 x 16,33 EUR zu Bestellung #1042 vereinbart"
    expect(redactOutcomeNote(note)).toBe(note)
  })

  it("should store an empty note as null", () => {
    expect(redactOutcomeNote("   ")).toBeNull()
    expect(redactOutcomeNote(null)).toBeNull()
    expect(redactOutcomeNote(undefined)).toBeNull()
  })
})
