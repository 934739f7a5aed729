import { EntryInput, prepareEntryData } from "../negative-list/prepare"
import { normaliseSubject, paymentDataFromSessions, subjectFromCart } from "../negative-list/subject"
import { keyedHash, legacyKeyedHash } from "../payment-data"

const SECRET = "test-secret-0123456789"
const base = { reason: "Rücklastschrift", source: "manual" as const }
const prepare = (input: Partial<EntryInput>, accept_card_numbers = false) =>
  prepareEntryData({ ...base, kind: "person", ...input } as EntryInput, SECRET, undefined, { accept_card_numbers })

describe("prepareEntryData", () => {
  it("should store a person with keys and search text", () => {
    const result = prepare({ first_name: " Hans ", last_name: "Müller", address_1: "Hauptstr. 5", postal_code: "10115", city: "Berlin", country_code: "DE" })
    expect(result).toMatchObject({ ok: true, entry: { first_name: "Hans", country_code: "de", value: null } })
    if (!result.ok) return
    expect(result.entry.lookup_keys).toEqual(expect.arrayContaining(["pc:de:10115:5"]))
    expect(result.entry.search_text).toContain("müller")
    expect(result.entry.search_text).toContain("mueller")
  })

  it.each<[string, Partial<EntryInput>, string]>([
    ["a person without last name or company", { kind: "person", first_name: "Hans", address_1: "Hauptstr. 5", city: "Berlin" }, "last_name"],
    ["a person without street", { kind: "person", last_name: "Müller", city: "Berlin" }, "address_1"],
    ["an address without postcode and city", { kind: "address", address_1: "Hauptstr. 5" }, "postal_code"],
    ["an email kind without value", { kind: "email" }, "value"],
    ["a bad email", { kind: "email", value: "nope" }, "value"],
    ["a bad IBAN checksum", { kind: "iban", value: "DE89 3704 0044 0532 0130 01" }, "value"],
    ["a bad card number", { kind: "card", value: "4242 4242 4242 4241" }, "value"],
    ["a card number where the merchant has not accepted card numbers", { kind: "card", value: "4242 4242 4242 4242" }, "value"],
    ["a malformed IP", { kind: "ip", value: "300.1.1.1" }, "value"],
    ["a malformed CIDR", { kind: "ip", value: "10.0.0.0/40" }, "value"],
    ["a bad phone", { kind: "phone", value: "12" }, "value"],
    ["a bad customer id", { kind: "customer", value: "x y" }, "value"],
    ["a missing reason", { kind: "email", value: "a@b.de", reason: " " }, "reason"],
    ["a bad country", { kind: "email", value: "a@b.de", country_code: "deu" }, "country_code"],
  ])("should refuse %s naming the field", (_, input, field) => {
    const result = prepare(input)
    expect(result).toMatchObject({ ok: false, field })
    if (!result.ok) expect(result.message).toContain(field)
  })

  it("should hash an IBAN and keep only country and last four digits", () => {
    const result = prepare({ kind: "iban", value: "DE89 3704 0044 0532 0130 00" })
    expect(result).toMatchObject({
      ok: true,
      entry: { value: keyedHash(SECRET, "iban", "DE89370400440532013000"), display_hint: "DE …3000" },
    })
    expect(JSON.stringify(result)).not.toMatch(/37040044|0532013000/)
  })

  it("should hash a card number and keep brand and last four digits", () => {
    const result = prepare({ kind: "card", value: "4242 4242 4242 4242" }, true)
    expect(result).toMatchObject({ ok: true, entry: { display_hint: "Visa …4242" } })
    expect(JSON.stringify(result)).not.toContain("424242424242")
  })

  it("should accept a provider card fingerprint, hashed", () => {
    const result = prepare({ kind: "card", value: "Xt5EWLLDS7FJjR1c" })
    expect(result).toMatchObject({ ok: true, entry: { value: keyedHash(SECRET, "card_fingerprint", "Xt5EWLLDS7FJjR1c") } })
  })

  it("should keep a stored hash on update when no new value is sent", () => {
    const result = prepareEntryData({ ...base, kind: "iban", value: null, note: "more" }, SECRET, { value: "abc", display_hint: "DE …3000", key_id: "legacy" })
    expect(result).toMatchObject({ ok: true, entry: { value: "abc", display_hint: "DE …3000", key_id: "legacy", note: "more" } })
  })

  it.each<[Partial<EntryInput>, string]>([
    [{ kind: "email", value: " Max@Example.DE " }, "max@example.de"],
    [{ kind: "email_domain", value: "@Example.DE" }, "example.de"],
    [{ kind: "phone", value: "030 1234567" }, "+49301234567"],
    [{ kind: "ip", value: "10.1.0.0/16" }, "10.1.0.0/16"],
    [{ kind: "customer", value: "cus_01ABC" }, "cus_01ABC"],
  ])("should normalise %o to %s", (input, value) => {
    expect(prepare(input)).toMatchObject({ ok: true, entry: { value } })
  })
})

describe("normaliseSubject", () => {
  it("should normalise and hash the checked data like entries", () => {
    const subject = normaliseSubject(
      {
        addresses: [{ last_name: "Muster", address_1: "Weg 1", country_code: "de" }],
        email: "Max@Example.DE",
        phone: "030 1234567",
        iban: "DE89370400440532013000",
        card_number: "4242424242424242",
        card_fingerprint: "Xt5EWLLDS7FJjR1c",
        ip: "::ffff:10.0.0.1",
        customer_id: "cus_1",
      },
      SECRET
    )
    expect(subject).toEqual({
      addresses: [{ last_name: "Muster", address_1: "Weg 1", country_code: "de" }],
      email: "max@example.de",
      email_domain: "example.de",
      phone: "+49301234567",
      customer_id: "cus_1",
      iban_hashes: [keyedHash(SECRET, "iban", "DE89370400440532013000"), legacyKeyedHash(SECRET, "iban", "DE89370400440532013000")],
      card_hashes: [
        keyedHash(SECRET, "card", "4242424242424242"),
        legacyKeyedHash(SECRET, "card", "4242424242424242"),
        keyedHash(SECRET, "card_fingerprint", "Xt5EWLLDS7FJjR1c"),
        legacyKeyedHash(SECRET, "card_fingerprint", "Xt5EWLLDS7FJjR1c"),
      ],
      rekeyed_hashes: {
        [legacyKeyedHash(SECRET, "iban", "DE89370400440532013000")]: keyedHash(SECRET, "iban", "DE89370400440532013000"),
        [legacyKeyedHash(SECRET, "card", "4242424242424242")]: keyedHash(SECRET, "card", "4242424242424242"),
        [legacyKeyedHash(SECRET, "card_fingerprint", "Xt5EWLLDS7FJjR1c")]: keyedHash(SECRET, "card_fingerprint", "Xt5EWLLDS7FJjR1c"),
      },
      ip: "10.0.0.1",
    })
  })

  it("should drop invalid values and empty addresses", () => {
    expect(normaliseSubject({ addresses: [{}], email: "x", iban: "DE00", ip: "nope" }, SECRET)).toMatchObject({
      addresses: [],
      email: null,
      iban_hashes: [],
      ip: null,
    })
  })

  it("should take billing and shipping address, email, phone and customer from a cart", () => {
    const billing = { last_name: "A", address_1: "Weg 1", phone: "0301234567" }
    const shipping = { last_name: "B", address_1: "Weg 2" }
    expect(subjectFromCart({ email: "a@b.de", customer_id: "cus_1", billing_address: billing, shipping_address: shipping }, "10.0.0.1")).toEqual({
      addresses: [billing, shipping],
      email: "a@b.de",
      phone: "0301234567",
      customer_id: "cus_1",
      ip: "10.0.0.1",
      iban: null,
      card_fingerprint: null,
    })
  })
})

describe("paymentDataFromSessions", () => {
  it.each<[string, unknown, { iban: string | null; card_fingerprint: string | null }]>([
    ["a SEPA provider's iban", { iban: "DE89370400440532013000" }, { iban: "DE89370400440532013000", card_fingerprint: null }],
    ["a bank account", { bank_account: { iban: "AT611904300234573201" } }, { iban: "AT611904300234573201", card_fingerprint: null }],
    ["a card fingerprint", { card_fingerprint: "fp_123456789" }, { iban: null, card_fingerprint: "fp_123456789" }],
    ["Stripe's expanded payment method", { payment_method: { card: { fingerprint: "Xt5EWLLDS7FJjR1c" } } }, { iban: null, card_fingerprint: "Xt5EWLLDS7FJjR1c" }],
    ["a manual provider's data", { reference: "PR-7KQ4M2XC", captures: [] }, { iban: null, card_fingerprint: null }],
    ["no data", null, { iban: null, card_fingerprint: null }],
  ])("should read %s", (_, data, expected) => {
    expect(paymentDataFromSessions([{ data }])).toEqual(expected)
  })

  it("should pass them on to the checked subject", () => {
    const subject = subjectFromCart({ email: "a@b.de" }, null, { iban: "DE89370400440532013000", card_fingerprint: "fp_123456789" })
    expect(subject).toMatchObject({ iban: "DE89370400440532013000", card_fingerprint: "fp_123456789" })
  })
})
