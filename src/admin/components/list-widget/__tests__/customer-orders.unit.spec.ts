/// <reference types="jest" />
import type { ListMatch } from "../../../lib/negative-list-types"
import { customerAndOrderCandidates } from "../candidates"
import { mergeMatches } from "../merge-matches"

const match = (id: string, score: number, certain: boolean): ListMatch =>
  ({ entry: { id } as ListMatch["entry"], score, certain, matched_on: ["last_name"] })

describe("a customer's matches with her orders'", () => {
  it("should show each entry once, the certain and strongest match first", () => {
    const merged = mergeMatches([[match("a", 0.8, false)], [match("a", 0.95, true), match("b", 1, false)], undefined])
    expect(merged.map((m) => [m.entry.id, m.score, m.certain])).toEqual([["a", 0.95, true], ["b", 1, false]])
  })

  it("should find the guest customer's order match that her empty customer record cannot (no addresses saved)", () => {
    // a guest: a customer record with an email only; her order matches the list
    expect(mergeMatches([[], [match("listed", 1, true)]])).toHaveLength(1)
  })

  it("should offer the addresses of a guest customer's orders for the list, each once", () => {
    const address = { first_name: "Hans", last_name: "Meier", address_1: "Hauptstraße 5", postal_code: "10115", city: "Berlin", country_code: "de" }
    const candidates = customerAndOrderCandidates(
      { email: "gast@example.com", addresses: [] },
      [{ email: "gast@example.com", billing_address: address, shipping_address: address }, { billing_address: address }]
    )
    expect(candidates.map((c) => [c.kind, c.origin])).toEqual([
      ["email", "customer"],
      ["person", "order"],
      ["address", "order"],
    ])
  })
})
