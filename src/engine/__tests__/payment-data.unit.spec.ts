import {
  checkCardExpiry,
  checkCardNumber,
  checkEmail,
  checkEmailDomain,
  checkIban,
  checkIpOrCidr,
  checkPhone,
  isCardFingerprint,
  keyedHash,
  redactPaymentData,
} from "../payment-data"

describe("IBAN", () => {
  it.each([
    ["DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "DE", "3000"],
    ["de89370400440532013000", "DE89370400440532013000", "DE", "3000"],
    ["AT61 1904 3002 3457 3201", "AT611904300234573201", "AT", "3201"],
    ["CH93 0076 2011 6238 5295 7", "CH9300762011623852957", "CH", "2957"],
  ])("should accept %s", (input, iban, country, last4) => {
    expect(checkIban(input)).toEqual({ ok: true, iban, country, last4 })
  })

  it.each([
    ["DE89 3704 0044 0532 0130 01", "iban_checksum"],
    ["DE89 3704 0044 0532 0130", "iban_checksum"],
    ["XX89370400440532013000", "iban_checksum"],
    ["1234", "iban_format"],
    ["hello", "iban_format"],
  ])("should refuse %s (%s)", (input, code) => {
    expect(checkIban(input)).toMatchObject({ ok: false, code })
  })
})

describe("card number", () => {
  it.each([
    ["4242 4242 4242 4242", "Visa"],
    ["5555-5555-5555-4444", "Mastercard"],
    ["378282246310005", "American Express"],
  ])("should accept %s as %s", (input, brand) => {
    expect(checkCardNumber(input)).toMatchObject({ ok: true, brand, last4: input.replace(/\D/g, "").slice(-4) })
  })

  it.each([
    ["4242 4242 4242 4241", "card_luhn"],
    ["1234 5678 9012 3456", "card_brand"],
    ["4242", "card_length"],
    ["abcd efgh ijkl mnop", "card_length"],
  ])("should refuse %s (%s)", (input, code) => {
    expect(checkCardNumber(input)).toMatchObject({ ok: false, code })
  })

  it("should accept a provider fingerprint but never a bare number as one", () => {
    expect(isCardFingerprint("Xt5EWLLDS7FJjR1c")).toBe(true)
    expect(isCardFingerprint("4242424242424242")).toBe(false)
    expect(isCardFingerprint("short")).toBe(false)
  })
})

describe("card expiry", () => {
  const now = new Date("2026-11-24T12:00:00Z")
  it.each([
    ["11/26", 11, 2026],
    ["12/2030", 12, 2030],
    ["01 / 27", 1, 2027],
  ])("should accept %s", (input, month, year) => {
    expect(checkCardExpiry(input, now)).toEqual({ ok: true, month, year })
  })

  it.each([
    ["10/26", "card_expired"],
    ["13/27", "card_expiry_format"],
    ["tomorrow", "card_expiry_format"],
  ])("should refuse %s (%s)", (input, code) => {
    expect(checkCardExpiry(input, now)).toMatchObject({ ok: false, code })
  })
})

describe("contact data", () => {
  it("should lowercase emails and split the domain", () => {
    expect(checkEmail("  Max.Muster@Example.DE ")).toEqual({ ok: true, email: "max.muster@example.de", domain: "example.de" })
  })

  it.each([["max"], ["max@"], ["max@example"], ["max muster@example.de"]])("should refuse the email %s", (input) => {
    expect(checkEmail(input).ok).toBe(false)
  })

  it.each([["@Example.de", "example.de"], ["mail.example.co.uk", "mail.example.co.uk"]])(
    "should accept the domain %s",
    (input, domain) => {
      expect(checkEmailDomain(input)).toEqual({ ok: true, domain })
    }
  )

  it.each([
    ["030 1234567", "DE", "+49301234567"],
    ["+49 (30) 123 45 67", "DE", "+49301234567"],
    ["0049 30 1234567", "DE", "+49301234567"],
    ["0170 1234567", "de", "+491701234567"],
    ["01 234 56 78", "AT", "+4312345678"],
  ])("should write the phone %s (%s) as %s", (input, country, e164) => {
    expect(checkPhone(input, country)).toEqual({ ok: true, e164 })
  })

  it.each([["12"], ["abc"], ["+49 1"]])("should refuse the phone %s", (input) => {
    expect(checkPhone(input).ok).toBe(false)
  })
})

describe("IP address or range", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7", false],
    [" 203.0.113.0/24 ", "203.0.113.0/24", true],
    ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1", false],
    ["2001:db8::/32", "2001:db8::/32", true],
    ["::ffff:203.0.113.7", "203.0.113.7", false],
  ])("should accept %s as %s", (input, value, range) => {
    expect(checkIpOrCidr(input)).toEqual({ ok: true, value, range })
  })

  it.each([["203.0.113"], ["999.1.1.1"], ["203.0.113.0/33"], ["hello"], ["1.2.3.4/abc"]])(
    "should refuse %s",
    (input) => {
      expect(checkIpOrCidr(input).ok).toBe(false)
    }
  )
})

describe("keyed hash and redaction", () => {
  it("should depend on the secret and the purpose", () => {
    const iban = "DE89370400440532013000"
    const a = keyedHash("secret-one-1234567", "iban", iban)
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(keyedHash("secret-one-1234567", "iban", iban)).toBe(a)
    expect(keyedHash("secret-two-1234567", "iban", iban)).not.toBe(a)
    expect(keyedHash("secret-one-1234567", "card", iban)).not.toBe(a)
    expect(a).not.toContain("0532013000")
  })

  it("should mask IBANs and card numbers in text", () => {
    const text = redactPaymentData("IBAN DE89 3704 0044 0532 0130 00 and card 4242 4242 4242 4242 failed")
    expect(text).toBe("IBAN [iban] and card [card] failed")
  })
})
