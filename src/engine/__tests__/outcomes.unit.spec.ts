import {
  chargebackReason,
  consequenceFor,
  consequenceKey,
  countOutcomes,
  defaultedByOutcomes,
  listSourceFor,
  reasonLabel,
  RETURN_DEBIT_REASONS,
  CHARGEBACK_REASONS,
  returnDebitReason,
} from "../outcomes"

const at = (day: number) => `2025-03-${String(day).padStart(2, "0")}T10:00:00Z`

describe("reason codes", () => {
  it("should know every SEPA code the merchant meets, in German and English", () => {
    for (const code of ["AC01", "AC04", "AC06", "AG01", "AM04", "MD01", "MD06", "MD07", "MS02", "MS03", "SL01"]) {
      expect(returnDebitReason(` ${code.toLowerCase()} `)).toBe(code)
      const label = RETURN_DEBIT_REASONS[code as keyof typeof RETURN_DEBIT_REASONS]
      expect(label.de).not.toEqual(label.en)
    }
    expect(returnDebitReason("XX99")).toBe("other")
    expect(returnDebitReason(null)).toBe("other")
  })

  it("should find a chargeback's reason from the seed's, today's and Stripe's codes", () => {
    expect(["37", "4837", "83", "10.4", "fraudulent", "FRAUD_CARD_ABSENT"].map(chargebackReason)).toEqual(Array(6).fill("fraud_card_absent"))
    expect(["55", "59", "30", "13.1", "product_not_received"].map(chargebackReason)).toEqual(Array(5).fill("not_received"))
    expect(chargebackReason("74")).toBe("late_presentment")
    expect(chargebackReason("general")).toBe("other")
    expect(Object.keys(CHARGEBACK_REASONS)).toHaveLength(7)
  })

  it("should label a code in the admin's language and nothing for an unknown one", () => {
    expect(reasonLabel("return_debit", "AM04", "de")).toBe("Keine Deckung")
    expect(reasonLabel("chargeback", "4853", "en")).toBe("Goods defective or not as described")
    expect(reasonLabel("return_debit", "ZZ01", "en")).toBeNull()
  })
})

describe("consequences", () => {
  it("should bar invoice and direct debit for person and IBAN for six months on no funds (AM04)", () => {
    expect(consequenceFor("return_debit", "AM04")).toEqual({
      list: ["person_address", "iban"],
      action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
      expires_days: 183,
    })
  })

  it("should list person, IBAN and email when the payer refuses, and only the IBAN for an unusable account", () => {
    expect(consequenceFor("return_debit", "MD06").list).toEqual(["person_address", "email", "iban"])
    expect(consequenceFor("return_debit", "MS02").list).toEqual(["person_address", "email", "iban"])
    for (const code of ["AC01", "AC04", "AC06"]) expect(consequenceFor("return_debit", code).list).toEqual(["iban"])
  })

  it("should list card, email and person for card fraud and record disputes about the goods only", () => {
    expect(consequenceFor("chargeback", "10.4").list).toEqual(["card", "email", "person_address"])
    expect(consequenceFor("chargeback", "product_not_received").list).toEqual([])
    expect(consequenceFor("chargeback", "53").list).toEqual([])
  })

  it("should list a refused parcel's person and address for prepayment only, for a year", () => {
    expect(consequenceFor("cod_refused", null)).toEqual({
      list: ["person_address"],
      action: { type: "allow_only_classes", classes: ["prepayment"] },
      expires_days: 365,
    })
  })

  it("should prefer the merchant's consequence for a code and use the kind's 'other' for unknown codes", () => {
    const configured = { "return_debit:AM04": { list: ["email" as const], action: null, expires_days: 30 }, "return_debit:other": { list: ["iban" as const], action: null, expires_days: null } }
    expect(consequenceFor("return_debit", "AM04", configured).list).toEqual(["email"])
    expect(consequenceFor("return_debit", "XX12", configured).list).toEqual(["iban"])
    expect(consequenceFor("payment_received", null, configured).list).toEqual([])
    expect(consequenceKey("chargeback", "4837")).toBe("chargeback:fraud_card_absent")
  })

  it("should give list entries the source of their outcome", () => {
    expect([listSourceFor("return_debit"), listSourceFor("chargeback"), listSourceFor("cod_refused"), listSourceFor("handed_over")]).toEqual([
      "return_debit",
      "chargeback",
      "cod_refused",
      "dunning",
    ])
  })
})

describe("outcomes in the history", () => {
  it("should count an order as not paid after a return debit, a refused parcel or a write-off", () => {
    expect(defaultedByOutcomes([{ order_id: "o1", kind: "payment_received", occurred_at: at(1) }])).toBe(false)
    expect(defaultedByOutcomes([{ order_id: "o1", kind: "return_debit", occurred_at: at(2) }])).toBe(true)
    expect(defaultedByOutcomes([{ order_id: "o1", kind: "cod_refused", occurred_at: at(2) }])).toBe(true)
    expect(defaultedByOutcomes([{ order_id: "o1", kind: "written_off", occurred_at: at(2) }])).toBe(true)
  })

  it("should count a chargeback won back as paid, and a second chargeback after it as not paid", () => {
    const won = [
      { order_id: "o1", kind: "chargeback" as const, occurred_at: at(2) },
      { order_id: "o1", kind: "chargeback_reversed" as const, occurred_at: at(9) },
    ]
    expect(defaultedByOutcomes(won)).toBe(false)
    expect(defaultedByOutcomes([...won, { order_id: "o1", kind: "chargeback", occurred_at: at(20) }])).toBe(true)
    // given out of order, still read by time
    expect(defaultedByOutcomes([won[1], won[0]])).toBe(false)
  })

  it("should count a shopper's return debits, chargebacks not won back, refused parcels and claims handed over", () => {
    expect(
      countOutcomes([
        { order_id: "o1", kind: "return_debit", occurred_at: at(1) },
        { order_id: "o2", kind: "chargeback", occurred_at: at(2) },
        { order_id: "o2", kind: "chargeback_reversed", occurred_at: at(3) },
        { order_id: "o3", kind: "chargeback", occurred_at: at(4) },
        { order_id: "o4", kind: "cod_refused", occurred_at: at(5) },
        { order_id: "o5", kind: "handed_over", occurred_at: at(6) },
        { order_id: "o5", kind: "dunning_stage", occurred_at: at(5) },
      ])
    ).toEqual({ return_debits: 1, chargebacks: 1, refused_cod: 1, handed_over: 1, open_dunning_amount: 0 })
  })
})
