import { formatDate, formatIban, formatMoney, formatNumber, formatRate } from "../format"

const plain = (text: string) => text.replace(/\u00a0/g, " ")

describe("document formats", () => {
  it.each([
    [1234.56, "eur", "de", "1.234,56 €"],
    [1234.56, "eur", "en", "€1,234.56"],
    [0.5, "EUR", "de", "0,50 €"],
    [1234567.891, "eur", "de", "1.234.567,89 €"],
    [-250, "eur", "de", "-250,00 €"],
    [-250, "eur", "en", "-€250.00"],
    [10, "usd", "en", "$10.00"],
    [10, "sek", "de", "10,00 SEK"],
    [10, "sek", "en", "SEK 10.00"],
    [4.715, "eur", "de", "4,72 €"],
  ])("should write %p %s in %s as %s", (amount, currency, language, expected) => {
    expect(plain(formatMoney(amount, currency, language as "de" | "en"))).toBe(expected)
  })

  it("should keep the amount and the currency together (non-breaking space)", () => {
    expect(formatMoney(1, "eur", "de")).toBe("1,00\u00a0€")
  })

  it("should write numbers without grouping when asked (CSV)", () => {
    expect(formatNumber(1234.5, "de", false)).toBe("1234,50")
  })

  it.each([
    ["2026-10-09", "de", "09.10.2026"],
    ["2026-10-09", "en", "9 Oct 2026"],
    ["2026-01-31T23:00:00.000Z", "en", "31 Jan 2026"],
    ["not a day", "de", "not a day"],
  ])("should write the day %s in %s as %s", (day, language, expected) => {
    expect(formatDate(day, language as "de" | "en")).toBe(expected)
  })

  it("should write rates and IBANs as printed on letters", () => {
    expect(plain(formatRate(8.19, "de"))).toBe("8,19 %")
    expect(formatRate(8.19, "en")).toBe("8.19%")
    expect(formatIban("DE89370400440532013000")).toBe("DE89 3704 0044 0532 0130 00")
  })
})
