import { decide } from "../engine"
import { NegativeListMatch } from "../negative-list/types"
import { DEFAULT_SETTINGS } from "../settings"
import { ALL_IDS, allProviders, input, P, paidOrder, settings } from "./builders"

const match = (overrides: Partial<NegativeListMatch> = {}): NegativeListMatch => ({
  entry_id: "prnle_1",
  kind: "person",
  score: 0.95,
  certain: true,
  matched_on: ["last_name", "first_name", "street", "house_number", "postal_code"],
  ...overrides,
})

/** An established customer (one paid order), so only the negative list restricts. */
const decideWith = (matches: NegativeListMatch[], s = settings()) =>
  decide({
    ...input({ cart: { providers: allProviders() }, orders: [paidOrder()], settings: s }),
    negative_list_matches: matches,
  })

describe("negative-list check", () => {
  describe("when there is no match", () => {
    it("should allow every method of an established customer", () => {
      expect(decideWith([]).allowed_provider_ids).toEqual(ALL_IDS)
    })
  })

  describe("when a certain match is found", () => {
    it.each([["person"], ["email"], ["email_domain"], ["phone"], ["iban"], ["card"], ["ip"], ["customer"]] as const)(
      "should allow only prepayment for a %s entry by default",
      (kind) => {
        const decision = decideWith([match({ kind })])
        expect(decision.allowed_provider_ids).toEqual([P.prepayment])
        const invoice = decision.hidden.find((h) => h.provider_id === P.invoice)!
        expect(invoice.reasons).toEqual([
          {
            check: "negative_list",
            code: "negative_list_match",
            message: expect.stringContaining(kind),
            values: expect.objectContaining({ entry_id: "prnle_1", kind, score: 0.95, certain: true }),
          },
        ])
      }
    )

    it("should only hide invoice and direct debit for a bare address entry", () => {
      const decision = decideWith([match({ kind: "address", matched_on: ["street", "house_number", "postal_code"] })])
      expect(decision.allowed_provider_ids).toEqual([P.prepayment, P.cod, P.card, P.paypal, P.other])
    })

    it("should use the merchant's action for the kind", () => {
      const s = settings({}, {
        negative_list: {
          ...DEFAULT_SETTINGS.negative_list,
          actions: { ...DEFAULT_SETTINGS.negative_list.actions, email: { type: "hide_classes", classes: ["card"] } },
        },
      })
      expect(decideWith([match({ kind: "email" })], s).allowed_provider_ids).toEqual(
        ALL_IDS.filter((id) => id !== P.card)
      )
    })
  })

  describe("when only a possible match is found (an initial instead of the first name)", () => {
    it("should apply the milder review action and mark the reason as possible", () => {
      const decision = decideWith([match({ certain: false, score: 0.7 })])
      expect(decision.allowed_provider_ids).toEqual([P.prepayment, P.cod, P.card, P.paypal, P.other])
      expect(decision.hidden.find((h) => h.provider_id === P.invoice)!.reasons[0].code).toBe(
        "negative_list_possible_match"
      )
    })
  })

  describe("when the negative list is switched off", () => {
    it("should ignore matches", () => {
      const s = settings({}, { negative_list: { ...DEFAULT_SETTINGS.negative_list, enabled: false } })
      expect(decideWith([match()], s).allowed_provider_ids).toEqual(ALL_IDS)
    })
  })

  describe("when a listed shopper is also a new customer", () => {
    it("should combine both: only prepayment, with both reasons on cash on delivery", () => {
      const decision = decide({
        ...input({ cart: { providers: allProviders() } }),
        negative_list_matches: [match()],
      })
      expect(decision.allowed_provider_ids).toEqual([P.prepayment])
      const cod = decision.hidden.find((h) => h.provider_id === P.cod)!
      expect(cod.reasons.map((r) => r.code)).toEqual(["negative_list_match"])
      const invoice = decision.hidden.find((h) => h.provider_id === P.invoice)!
      expect(invoice.reasons.map((r) => r.code)).toEqual(["negative_list_match", "new_customer"])
    })
  })
})
