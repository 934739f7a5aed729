import { epcAmount, epcField, epcQrPayload, EpcQrInput, parseEpcQrPayload } from "../epc-qr"

const input = (overrides: Partial<EpcQrInput> = {}): EpcQrInput => ({
  name: "Muster Shop GmbH",
  iban: "DE89 3704 0044 0532 0130 00",
  bic: "COBADEFFXXX",
  amount: 1234.5,
  currency_code: "eur",
  reference: "MUSTERSHOP 1042",
  ...overrides,
})
const bytes = (text: string) => Buffer.byteLength(text, "utf8")

describe("EPC QR payload (GiroCode, EPC069-12 version 002)", () => {
  it("should write the eleven elements in the spec's order, one per line, no trailing line feed", () => {
    expect(epcQrPayload(input())).toBe(
      ["BCD", "002", "1", "SCT", "COBADEFFXXX", "Muster Shop GmbH", "DE89370400440532013000", "EUR1234.50", "", "", "MUSTERSHOP 1042"].join("\n")
    )
  })

  it("should leave the BIC line empty when no BIC or an invalid one is given (optional since version 002)", () => {
    expect(parseEpcQrPayload(epcQrPayload(input({ bic: null }))!).bic).toBe("")
    expect(parseEpcQrPayload(epcQrPayload(input({ bic: "NOT A BIC" }))!).bic).toBe("")
    expect(parseEpcQrPayload(epcQrPayload(input({ bic: "cobadeff" }))!).bic).toBe("COBADEFF")
  })

  it.each([
    ["no beneficiary name", { name: "  " }],
    ["no IBAN", { iban: "" }],
    ["an invalid IBAN (checksum)", { iban: "DE89370400440532013001" }],
    ["a currency other than EUR", { currency_code: "usd" }],
    ["an empty currency", { currency_code: "" }],
    ["an amount below 0.01", { amount: 0.004 }],
    ["a zero amount", { amount: 0 }],
    ["a negative amount", { amount: -5 }],
    ["an amount above 999,999,999.99", { amount: 1_000_000_000 }],
    ["an amount that is not a number", { amount: Number.NaN }],
  ])("should refuse (null) with %s", (_, overrides) => {
    expect(epcQrPayload(input(overrides as Partial<EpcQrInput>))).toBeNull()
  })

  it.each([
    [0.01, "EUR0.01"],
    [12.3, "EUR12.30"],
    [12.345, "EUR12.35"],
    [999_999_999.99, "EUR999999999.99"],
  ])("should write the amount %s as %s", (amount, expected) => {
    expect(epcAmount(amount)).toBe(expected)
  })

  it("should cut the name at 70 characters and the reference at 140", () => {
    const payload = parseEpcQrPayload(epcQrPayload(input({ name: "N".repeat(90), reference: "R".repeat(200) }))!)
    expect(payload.name).toBe("N".repeat(70))
    expect(payload.reference).toBe("R".repeat(140))
  })

  it("should keep line breaks in a field from shifting the following elements", () => {
    const payload = epcQrPayload(input({ name: "Muster\nDE00 EVIL", reference: "A\r\nEUR1.00" }))!
    expect(payload.split("\n")).toHaveLength(11)
    expect(parseEpcQrPayload(payload)).toMatchObject({ name: "Muster DE00 EVIL", iban: "DE89370400440532013000", amount: "EUR1234.50", reference: "A EUR1.00" })
  })

  it("should stay within 331 bytes with multi-byte characters by shortening the reference", () => {
    const payload = epcQrPayload(input({ name: "Ö".repeat(70), reference: "€".repeat(140) }))!
    expect(bytes(payload)).toBeLessThanOrEqual(331)
    expect(parseEpcQrPayload(payload).name).toBe("Ö".repeat(70))
    expect(parseEpcQrPayload(payload).reference.length).toBeGreaterThan(0)
    expect(parseEpcQrPayload(payload).reference).toMatch(/^€+$/)
  })

  it("should end after the amount when there is no reference (no empty trailing elements)", () => {
    expect(epcQrPayload(input({ reference: " " }))!.split("\n")).toEqual(["BCD", "002", "1", "SCT", "COBADEFFXXX", "Muster Shop GmbH", "DE89370400440532013000", "EUR1234.50"])
  })

  it("should count characters, not UTF-16 units, when cutting", () => {
    expect(epcField("😀".repeat(80), 70)).toBe("😀".repeat(70))
  })
})
