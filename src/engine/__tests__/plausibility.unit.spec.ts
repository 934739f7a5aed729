import { decide } from "../engine"
import { checkAddress, checkPlausibility, plausibilityMessage, PLAUSIBILITY_CODES } from "../plausibility"
import { AddressSnapshot } from "../types"
import { allProviders, input, P, paidOrder, settings } from "./builders"

const GOOD: AddressSnapshot = {
  first_name: "Hans",
  last_name: "Meier",
  address_1: "Hauptstraße 5",
  postal_code: "10115",
  city: "Berlin",
  country_code: "de",
  phone: "030 1234567",
}
const at = (overrides: Partial<AddressSnapshot>) => ({ ...GOOD, ...overrides })

describe("address plausibility", () => {
  it.each<[string, AddressSnapshot]>([
    ["a German address", GOOD],
    ["a house number with letter", at({ address_1: "Hauptstraße 5a" })],
    ["the house number in line 2", at({ address_1: "Hauptstraße", address_2: "5" })],
    ["Straße des 17. Juni", at({ address_1: "Straße des 17. Juni 12-14" })],
    ["an Austrian postcode", at({ postal_code: "1010", city: "Wien", country_code: "at" })],
    ["a Swiss postcode", at({ postal_code: "8001", city: "Zürich", country_code: "ch" })],
    ["a Dutch postcode", at({ postal_code: "1012 AB", city: "Amsterdam", country_code: "nl" })],
    ["a company with a number in its name", at({ company: "Studio 54 GmbH" })],
    ["a country without known postcode format", at({ postal_code: "ABC-123", country_code: "zz" })],
  ])("should accept %s", (_, address) => {
    expect(checkAddress(address, "billing_address")).toEqual([])
  })

  it.each<[string, AddressSnapshot, string, string]>([
    ["no street", at({ address_1: "" }), "address_1", "street_missing"],
    ["no house number", at({ address_1: "Hauptstraße" }), "address_1", "house_number_missing"],
    ["no postcode", at({ postal_code: " " }), "postal_code", "postcode_missing"],
    ["a four-digit German postcode", at({ postal_code: "1011" }), "postal_code", "postcode_format"],
    ["letters in a German postcode", at({ postal_code: "1O115" }), "postal_code", "postcode_format"],
    ["a German postcode in Austria", at({ postal_code: "10115", country_code: "at" }), "postal_code", "postcode_format"],
    ["no city", at({ city: "" }), "city", "city_missing"],
    ["a phone number in the last name", at({ last_name: "Meier 0170 1234567" }), "last_name", "contact_in_name"],
    ["an email in the first name", at({ first_name: "hans@example.com" }), "first_name", "contact_in_name"],
    ["a phone number in the street", at({ address_1: "Hauptstraße 5 Tel. 030/1234567" }), "address_1", "contact_in_address"],
    ["an email in line 2", at({ address_2: "bitte an hans@example.com" }), "address_2", "contact_in_address"],
  ])("should find %s", (_, address, field, code) => {
    expect(checkAddress(address, "shipping_address")).toContainEqual({ field: `shipping_address.${field}`, code })
  })

  it("should check email and phone (for the address's country) of a cart, and nothing not yet entered", () => {
    expect(checkPlausibility({ email: "hans@example.com" })).toEqual([])
    expect(checkPlausibility({ shipping_address: { country_code: "de", first_name: null, address_1: "" } })).toEqual([])
    expect(checkPlausibility({ email: "hans@example", billing_address: at({ phone: "12" }) })).toEqual([
      { field: "billing_address.phone", code: "phone_invalid" },
      { field: "email", code: "email_invalid" },
    ])
  })

  it("should have a German and an English message for every code", () => {
    for (const code of PLAUSIBILITY_CODES) {
      expect(plausibilityMessage(code, "de-DE")).toMatch(/Bitte/)
      expect(plausibilityMessage(code, "en")).toMatch(/Please/)
      expect(plausibilityMessage(code, null)).toBe(plausibilityMessage(code, "en"))
    }
  })
})

describe("plausibility check in the engine", () => {
  const known = (address: AddressSnapshot, s = settings()) =>
    decide(input({ cart: { providers: allProviders(), billing_address: address }, orders: [paidOrder()], settings: s }))

  it("should hide invoice and direct debit for an implausible address by default, naming the field", () => {
    const decision = known(at({ postal_code: "1011" }))
    expect(decision.allowed_provider_ids).not.toContain(P.invoice)
    expect(decision.allowed_provider_ids).not.toContain(P.sepa)
    expect(decision.allowed_provider_ids).toContain(P.card)
    expect(decision.hidden.find((h) => h.provider_id === P.invoice)!.reasons[0]).toMatchObject({
      check: "plausibility",
      code: "implausible_data",
      values: { findings: ["billing_address.postal_code:postcode_format"] },
    })
  })

  it("should leave a plausible address alone", () => {
    expect(known(GOOD).hidden).toEqual([])
  })

  it("should apply the merchant's action, or nothing when switched off", () => {
    const strict = settings({}, { plausibility: { enabled: true, action: { type: "allow_only_classes", classes: ["prepayment"] } } })
    expect(known(at({ city: "" }), strict).allowed_provider_ids).toEqual([P.prepayment])
    const off = settings({}, { plausibility: { enabled: false, action: { type: "hide_classes", classes: ["invoice"] } } })
    expect(known(at({ city: "" }), off).hidden).toEqual([])
  })
})
