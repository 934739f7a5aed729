import type { AddressSnapshot } from "../../../engine"
import { personAtAddress, sameShopper, ShopperIdentity } from "../same-shopper"

const address = (over: Partial<AddressSnapshot> = {}): AddressSnapshot => ({
  first_name: "Hans",
  last_name: "Meier",
  company: null,
  address_1: "Hauptstraße 5",
  address_2: null,
  postal_code: "10115",
  city: "Berlin",
  province: null,
  country_code: "de",
  phone: null,
  ...over,
})

const shopper = (over: ShopperIdentity = {}): ShopperIdentity => ({
  email: "hans@example.com",
  customer_id: null,
  billing_address: address(),
  shipping_address: address(),
  payment: { iban: null, card_fingerprint: null },
  ...over,
})

const stranger = (over: ShopperIdentity = {}): ShopperIdentity =>
  shopper({
    email: "olaf@example.com",
    billing_address: address({ first_name: "Olaf", last_name: "Fremd", address_1: "Lindenweg 12", postal_code: "20095" }),
    shipping_address: null,
    ...over,
  })

describe("sameShopper", () => {
  it("should not take two strangers for one shopper", () => {
    expect(sameShopper(shopper(), stranger())).toBe(false)
  })

  it.each<[string, ShopperIdentity]>([
    ["the same email in another case", stranger({ email: " HANS@example.com " })],
    ["the same customer account", { ...stranger(), customer_id: "cus_1" }],
    ["the same person at the same address, spelled differently", stranger({ shipping_address: address({ first_name: "HANS", address_1: "Hauptstr. 5" }) })],
    ["the same person's billing address as shipping address", stranger({ shipping_address: null, billing_address: address({ last_name: "Meier", first_name: "Hans" }) })],
  ])("should recognise %s", (_, other) => {
    const me = shopper({ customer_id: other.customer_id ? "cus_1" : null })
    expect(sameShopper(me, other)).toBe(true)
    expect(sameShopper(other, me)).toBe(true)
  })

  it("should recognise the same IBAN (spaces and case aside) or the same card", () => {
    const iban = "DE89 3704 0044 0532 0130 00"
    expect(sameShopper(shopper({ payment: { iban, card_fingerprint: null } }), stranger({ payment: { iban: "de89370400440532013000", card_fingerprint: null } }))).toBe(true)
    expect(sameShopper(shopper({ payment: { iban: null, card_fingerprint: "fp_1" } }), stranger({ payment: { iban: null, card_fingerprint: "fp_1" } }))).toBe(true)
    expect(sameShopper(shopper({ payment: { iban: null, card_fingerprint: "fp_1" } }), stranger({ payment: { iban: null, card_fingerprint: "fp_2" } }))).toBe(false)
  })

  it("should not take another person at the same address, or the same name elsewhere, for the shopper", () => {
    expect(sameShopper(shopper(), stranger({ billing_address: address({ first_name: "Erika" }) }))).toBe(false)
    expect(sameShopper(shopper(), stranger({ billing_address: address({ address_1: "Hauptstraße 7" }) }))).toBe(false)
    expect(sameShopper(shopper(), stranger({ billing_address: address({ postal_code: "80331" }) }))).toBe(false)
  })

  it("should never match on missing data", () => {
    const empty: ShopperIdentity = { email: null, customer_id: null, billing_address: null, shipping_address: null, payment: null }
    expect(sameShopper(empty, empty)).toBe(false)
    const nameless = address({ first_name: null, last_name: null })
    expect(sameShopper({ ...empty, billing_address: nameless }, { ...empty, billing_address: nameless })).toBe(false)
    expect(personAtAddress(address({ address_1: null }))).toBeNull()
  })
})
