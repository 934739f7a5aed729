import { scrubDecision } from "../privacy/scrub-decision"

/** A decision as the engine stores it at completion, full of the shopper's data. */
const DECISION = {
  allowed_provider_ids: ["pp_prepayment_manual", "pp_cash-on-delivery_manual"],
  hidden: [
    {
      provider_id: "pp_invoice_manual",
      risk_class: "invoice",
      reasons: [
        {
          check: "negative_list",
          code: "negative_list_match",
          message: "Listed: Kunigunde Quastenberg, Zwetschgenallee 17, 39261 Zerbst",
          values: { entry_id: "prnle_01ABC", kind: "person", matched_on: ["last_name", "postal_code"], value: "kunigunde@quastenberg.example" },
        },
        {
          check: "credit_check",
          code: "credit_answer",
          message: "Bureau sandbox: score 412",
          values: { provider_id: "sandbox", score: 412, reference: "B-123" },
        },
      ],
    },
  ],
  facts: { paid_order_count: 1, awaiting_payment_order_count: 0, is_new_customer: false },
  signals: {
    plausibility: ["billing_address.postal_code:postcode_format", "Zwetschgenallee 17: nonsense"],
    credit: { status: "answered", provider_id: "sandbox", cached: false, result: "soft", score: 412, traffic_light: "yellow" },
  },
  rules: {
    score: 35,
    review: true,
    review_reasons: ["Kunigunde's rule", "score ≥ 30"],
    rules: [
      {
        rule_id: "prrule_01ABC",
        name: "Quastenberg from Zerbst",
        held: true,
        conditions: {
          type: "group",
          combinator: "and",
          held: true,
          children: [
            { type: "condition", attribute: "network.ip_in_range", operator: "not_in", expected: ["203.0.113.0/24"], actual: "198.51.100.77", held: true },
            { type: "condition", attribute: "billing.postcode", operator: "starts_with", expected: ["3"], actual: "39261", held: true },
            { type: "condition", attribute: "contact.email_domain", operator: "neq", expected: "example.org", actual: "quastenberg.example", held: true },
          ],
        },
        actions: [{ type: "add_score", points: 35 }],
      },
      { rule_id: "prrule_01DEF", name: "Off", held: false, skipped: "disabled", actions: [] },
    ],
  },
}

describe("scrubDecision", () => {
  describe("when an assessment's personal data is erased", () => {
    it("should keep only provider ids, classes, check ids and codes, counts, codes of signals, rule ids, score and review flag", () => {
      expect(scrubDecision(DECISION)).toEqual({
        allowed_provider_ids: ["pp_prepayment_manual", "pp_cash-on-delivery_manual"],
        hidden: [
          {
            provider_id: "pp_invoice_manual",
            risk_class: "invoice",
            reasons: [
              { check: "negative_list", code: "negative_list_match", message: "", values: {} },
              { check: "credit_check", code: "credit_answer", message: "", values: {} },
            ],
          },
        ],
        facts: { paid_order_count: 1, awaiting_payment_order_count: 0, is_new_customer: false },
        signals: {
          plausibility: ["billing_address.postal_code:postcode_format"],
          credit: { status: "answered", provider_id: "sandbox", cached: false, result: "soft", score: null, traffic_light: "yellow" },
        },
        rules: {
          score: 35,
          review: true,
          review_reasons: [],
          rules: [
            { rule_id: "prrule_01ABC", name: "", held: true, actions: [] },
            { rule_id: "prrule_01DEF", name: "", held: false, skipped: "disabled", actions: [] },
          ],
        },
        erased: true,
      })
    })

    it("should leave no IP, postcode, email, name, street, credit score or reference behind", () => {
      const text = JSON.stringify(scrubDecision(DECISION))
      for (const trace of ["198.51.100.77", "39261", "quastenberg", "Quastenberg", "Kunigunde", "Zwetschgenallee", "Zerbst", "412", "B-123", "prnle_"]) {
        expect(text).not.toContain(trace)
      }
    })

    it("should drop a field it does not know, and a code that is not a code", () => {
      const scrubbed = scrubDecision({
        ...DECISION,
        shopper: { email: "x@example.com" },
        hidden: [{ provider_id: "pp_x", risk_class: "invoice", reasons: [{ check: "rules", code: "Kunigunde Quastenberg", message: "m", values: {} }] }],
      })
      expect(scrubbed).not.toHaveProperty("shopper")
      expect(scrubbed.hidden[0].reasons[0].code).toBe("unknown")
    })

    it("should give the same result when scrubbed twice", () => {
      expect(scrubDecision(scrubDecision(DECISION))).toEqual(scrubDecision(DECISION))
    })

    it.each([[null], [undefined], ["text"], [{}]])("should give an empty anonymous decision for %j", (value) => {
      expect(scrubDecision(value)).toEqual({
        allowed_provider_ids: [],
        hidden: [],
        facts: { paid_order_count: 0, awaiting_payment_order_count: 0, is_new_customer: false },
        erased: true,
      })
    })

    it("should keep a failed credit check as failed, without its errors", () => {
      expect(scrubDecision({ signals: { plausibility: [], credit: { status: "failed", errors: ["street not accepted"] } } }).signals).toEqual({
        plausibility: [],
        credit: { status: "failed" },
      })
    })
  })
})
