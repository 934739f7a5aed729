import { keyedHash, legacyKeyedHash } from "../../../engine"
import type { ListEntryCandidate } from "../../../modules/payment-risk/service"
import { isShopperIpEntry, isShopperListEntry, shopperListCriteria } from "../shopper-entries"

const SECRET = "unit-test-secret-0123456789"
const ADDRESS = { first_name: "Kunigunde", last_name: "Quastenberg", address_1: "Zwetschgenallee 17", postal_code: "39261", city: "Zerbst", country_code: "de", phone: "0151 23456789" }

const shopper = {
  emails: [" Kunigunde@Quastenberg.example "],
  customer_ids: ["cus_01ABC"],
  order_ids: ["order_01ABC"],
  addresses: [ADDRESS],
  phones: [],
  session_data: [{ iban: "DE89 3704 0044 0532 0130 00" }, { payment_method: { card: { fingerprint: "fp_abc1234" } } }, { method: "invoice" }],
}

const entry = (fields: Partial<ListEntryCandidate>): ListEntryCandidate => ({
  id: "prnle_1",
  kind: "person",
  first_name: null,
  last_name: null,
  company: null,
  address_1: null,
  address_2: null,
  postal_code: null,
  city: null,
  country_code: null,
  value: null,
  order_id: null,
  ...fields,
})

describe("a shopper's negative-list entries", () => {
  const criteria = shopperListCriteria(shopper, SECRET)

  it("should look for her data normalised as entries store it", () => {
    expect(criteria).toMatchObject({
      emails: ["kunigunde@quastenberg.example"],
      customer_ids: ["cus_01ABC"],
      phones: ["+4915123456789"],
      order_ids: ["order_01ABC"],
      iban_hashes: [keyedHash(SECRET, "iban", "DE89370400440532013000"), legacyKeyedHash(SECRET, "iban", "DE89370400440532013000")],
      card_hashes: [keyedHash(SECRET, "card_fingerprint", "fp_abc1234"), legacyKeyedHash(SECRET, "card_fingerprint", "fp_abc1234")],
    })
    expect(criteria.address_keys.length).toBeGreaterThan(0)
  })

  it.each([
    ["an entry taken from her order", entry({ kind: "address", order_id: "order_01ABC" }), true],
    ["her email", entry({ kind: "email", value: "kunigunde@quastenberg.example" }), true],
    ["her phone", entry({ kind: "phone", value: "+4915123456789" }), true],
    ["her IBAN", entry({ kind: "iban", value: keyedHash(SECRET, "iban", "DE89370400440532013000") }), true],
    ["her account", entry({ kind: "customer", value: "cus_01ABC" }), true],
    ["her person, written differently", entry({ first_name: "KUNIGUNDE", last_name: "quastenberg", address_1: "Zwetschgenallee  17", postal_code: "39261", city: "zerbst" }), true],
    ["her initial only (a possible match)", entry({ first_name: "K.", last_name: "Quastenberg", address_1: "Zwetschgenallee 17", postal_code: "39261", city: "Zerbst" }), false],
    ["another first name at her address", entry({ first_name: "Otto", last_name: "Quastenberg", address_1: "Zwetschgenallee 17", postal_code: "39261", city: "Zerbst" }), false],
    ["a bare address entry at her address (a drop address)", entry({ kind: "address", address_1: "Zwetschgenallee 17", postal_code: "39261" }), false],
    ["someone else's email", entry({ kind: "email", value: "otto@normal.example" }), false],
    ["an entry taken from another order", entry({ kind: "email", value: "x@y.example", order_id: "order_other" }), false],
  ])("should decide %s: %p", (_name, candidate, expected) => {
    expect(isShopperListEntry(candidate, criteria, shopper.addresses)).toBe(expected)
  })

  it("should find an exact-IP entry by the keyed hash of the IPs her carts came from, never a range", () => {
    const hash = (ip: string) => `h:${ip}`
    const keys = new Set([hash("198.51.100.77")])
    expect(isShopperIpEntry("198.51.100.77", keys, hash)).toBe(true)
    expect(isShopperIpEntry("198.51.100.78", keys, hash)).toBe(false)
    expect(isShopperIpEntry("198.51.100.0/24", keys, hash)).toBe(false)
  })
})
