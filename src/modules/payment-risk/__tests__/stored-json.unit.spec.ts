import { auditChanges, readAuditChanges } from "../types/audit-changes"
import { readStoredDecision } from "../types/stored-decision"

describe("readStoredDecision", () => {
  describe("when the column holds a decision as recordAssessment wrote it", () => {
    it("should return it unchanged", () => {
      const stored = {
        allowed_provider_ids: ["pp_prepayment_manual"],
        hidden: [{ provider_id: "pp_invoice_manual", risk_class: "invoice", reasons: [{ check: "first_order", code: "new", message: "", values: {} }] }],
        facts: { paid_order_count: 0, awaiting_payment_order_count: 1, is_new_customer: true },
        signals: { plausibility: [], credit: null },
        rules: { score: 10, review: false, review_reasons: [], rules: [] },
      }
      expect(readStoredDecision(stored)).toEqual(stored)
    })
  })

  describe("when the decision was erased", () => {
    it("should keep the erased flag and leave out the parts that were not stored", () => {
      const decision = readStoredDecision({ erased: true, allowed_provider_ids: [], hidden: [], facts: { paid_order_count: 2, awaiting_payment_order_count: 0, is_new_customer: false } })
      expect(decision).toEqual({ erased: true, allowed_provider_ids: [], hidden: [], facts: { paid_order_count: 2, awaiting_payment_order_count: 0, is_new_customer: false } })
      expect(Object.keys(decision!)).not.toContain("rules")
    })
  })

  describe("when the column holds no object", () => {
    it.each([null, undefined, "x", 3, [1]])("should return null for %p", (value) => {
      expect(readStoredDecision(value)).toBeNull()
    })
  })

  describe("when a damaged row lacks its lists", () => {
    it("should read them as empty and drop non-string provider ids", () => {
      expect(readStoredDecision({ allowed_provider_ids: ["a", 1], rules: "x" })).toEqual({
        allowed_provider_ids: ["a"],
        hidden: [],
        facts: { paid_order_count: 0, awaiting_payment_order_count: 0, is_new_customer: false },
      })
    })
  })
})

describe("auditChanges", () => {
  it("should record only the audited fields that changed, personal values masked", () => {
    const expires = new Date("2030-01-01T00:00:00.000Z")
    expect(auditChanges({ last_name: "Meier", kind: "person", expires_at: expires }, { last_name: "Maier", kind: "person", expires_at: new Date(expires) })).toEqual({
      last_name: ["M… (5)", "M… (5)"],
    })
    expect(auditChanges(null, { kind: "email", expires_at: expires })).toEqual({ kind: [null, "email"], expires_at: [null, "2030-01-01T00:00:00.000Z"] })
  })
})

describe("readAuditChanges", () => {
  it("should keep [before, after] pairs and leave out anything else", () => {
    expect(readAuditChanges({ note: [null, "I… (3)"], bad: "x", short: [1] })).toEqual({ note: [null, "I… (3)"] })
    expect(readAuditChanges(null)).toEqual({})
  })
})
