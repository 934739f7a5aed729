import { EarlierOrder, isSamePersonAndAddress, recogniseHistory } from "../identity/recognise-history"
import type { AddressSnapshot } from "../types"

const anna: AddressSnapshot = {
  first_name: "Anna",
  last_name: "Schmidt",
  address_1: "Hauptstraße 7",
  postal_code: "10115",
  city: "Berlin",
  country_code: "de",
}

const paid = (id: string, address: AddressSnapshot | null, account_order = false): EarlierOrder => ({
  id,
  status: "completed",
  total: 50,
  captured_amount: 50,
  refunded_amount: 0,
  account_order,
  billing_address: address,
  shipping_address: address,
})

describe("recogniseHistory", () => {
  describe("when a guest types the email of an earlier order", () => {
    it.each<[string, boolean, AddressSnapshot]>([
      ["the same person and address", true, anna],
      ["the street abbreviated", true, { ...anna, address_1: "Hauptstr. 7" }],
      ["ß written as ss and the city in capitals", true, { ...anna, address_1: "Hauptstrasse 7", city: "BERLIN" }],
      ["a spelling variant of the last name", true, { ...anna, last_name: "Schmitt" }],
      ["first and last name swapped", true, { ...anna, first_name: "Schmidt", last_name: "Anna" }],
      ["another first name", false, { ...anna, first_name: "Max" }],
      ["only an initial for the first name (possible, not certain)", false, { ...anna, first_name: "A." }],
      ["another last name", false, { ...anna, last_name: "Becker" }],
      ["another house number", false, { ...anna, address_1: "Hauptstraße 9" }],
      ["another street", false, { ...anna, address_1: "Lindenweg 7" }],
      ["another city and postcode", false, { ...anna, postal_code: "20095", city: "Hamburg" }],
      ["another country", false, { ...anna, country_code: "at" }],
    ])("%s: the order counts = %s", (_case, counts, cartAddress) => {
      const result = recogniseHistory([paid("order_1", anna)], { billing_address: cartAddress }, "email_and_address")
      expect(result.orders.map((order) => order.id)).toEqual(counts ? ["order_1"] : [])
      expect(result.unrecognised_order_count).toBe(counts ? 0 : 1)
    })

    it("should not count a paid order without an address, nor one when the cart has none", () => {
      expect(recogniseHistory([paid("order_1", null)], { billing_address: anna }, "email_and_address").orders).toEqual([])
      expect(recogniseHistory([paid("order_1", anna)], {}, "email_and_address").orders).toEqual([])
    })

    it("should compare the shipping person where the cart has no billing person", () => {
      const result = recogniseHistory([paid("order_1", anna)], { billing_address: null, shipping_address: anna }, "email_and_address")
      expect(result.orders).toHaveLength(1)
    })

    it("should count every order under the email when the merchant chose email alone", () => {
      const result = recogniseHistory([paid("order_1", anna)], { billing_address: { ...anna, first_name: "Max", address_1: "Lindenweg 1" } }, "email")
      expect(result.orders.map((order) => order.id)).toEqual(["order_1"])
    })
  })

  describe("when the request is authenticated as the cart's customer", () => {
    it("should count the account's own orders at any address, and guest orders under its email only at a matching address", () => {
      const moved = { ...anna, address_1: "Lindenweg 3", postal_code: "20095", city: "Hamburg" }
      const result = recogniseHistory(
        [paid("own", anna, true), paid("guest_same", moved), paid("guest_other", { ...anna, first_name: "Max" })],
        { billing_address: moved },
        "email_and_address"
      )
      expect(result.orders.map((order) => order.id)).toEqual(["own", "guest_same"])
      expect(result.unrecognised_order_count).toBe(1)
    })

    it("should hand the engine plain history entries", () => {
      const [order] = recogniseHistory([paid("own", anna, true)], { billing_address: anna }, "email_and_address").orders
      expect(order).toEqual({ id: "own", status: "completed", total: 50, captured_amount: 50, refunded_amount: 0 })
    })
  })

  describe("when the goods go somewhere else than the billing address", () => {
    const drop = { ...anna, first_name: "Anna", last_name: "Schmidt", address_1: "Packstation 123", postal_code: "20095", city: "Hamburg" }

    it("should not count a guest's orders when the victim's billing details ship to a drop address", () => {
      const result = recogniseHistory([paid("order_1", anna)], { billing_address: anna, shipping_address: drop }, "email_and_address")
      expect(result.orders).toEqual([])
    })

    it("should count them when the cart ships to an address the shopper's paid order shipped to", () => {
      const order = { ...paid("order_1", anna), shipping_address: { ...anna, address_1: "Lindenweg 3", postal_code: "20095", city: "Hamburg" } }
      const cart = { billing_address: anna, shipping_address: { ...anna, address_1: "Lindenweg 3", postal_code: "20095", city: "Hamburg" } }
      expect(recogniseHistory([order], cart, "email_and_address").orders.map((o) => o.id)).toEqual(["order_1"])
    })
  })

  describe("when the name is padded to hit any first name", () => {
    it("should not count the order", () => {
      const padded = { ...anna, first_name: "Peter Maria Anna Thomas" }
      expect(recogniseHistory([paid("order_1", anna)], { billing_address: padded }, "email_and_address").orders).toEqual([])
    })

    it("should not count it when the company name is padded either", () => {
      const business = { ...anna, company: "Schmidt Handel GmbH" }
      const padded = { ...business, company: "Schmidt Handel GmbH Nord Süd Ost West Mitte Zentrale" }
      expect(recogniseHistory([paid("order_1", business)], { billing_address: padded }, "email_and_address").orders).toEqual([])
    })
  })

  describe("when a business customer's company has a long name", () => {
    it("should count her paid order (company words do not count as name padding)", () => {
      const business = { ...anna, first_name: "Lukas", last_name: "Becker", company: "Becker Gartenbau GmbH & Co. KG" }
      const result = recogniseHistory([paid("order_1", business)], { billing_address: business }, "email_and_address")
      expect(result.orders.map((o) => o.id)).toEqual(["order_1"])
    })
  })

  describe("when an account orders for another person", () => {
    it("should not let the account's paid orders vouch for a stranger's billing name", () => {
      const stranger = { ...anna, first_name: "Olaf", last_name: "Fremd" }
      const result = recogniseHistory([paid("own", anna, true)], { billing_address: stranger }, "email_and_address")
      expect(result.orders).toEqual([])
    })
  })

  describe("when an earlier order under the email is not paid", () => {
    it("should keep it in the history at any address (negative history is never left behind)", () => {
      const unpaid: EarlierOrder = { ...paid("open", anna), captured_amount: 0 }
      const result = recogniseHistory([unpaid], { billing_address: { ...anna, address_1: "Hauptstraße 9" } }, "email_and_address")
      expect(result.orders.map((o) => o.id)).toEqual(["open"])
      expect(result.unrecognised_order_count).toBe(0)
    })
  })

  it("should treat matching as symmetric for the same two people", () => {
    const variant = { ...anna, first_name: "Anna", last_name: "Schmitt", address_1: "Hauptstr. 7" }
    expect(isSamePersonAndAddress({ billing_address: anna }, { billing_address: variant })).toBe(
      isSamePersonAndAddress({ billing_address: variant }, { billing_address: anna })
    )
  })
})
