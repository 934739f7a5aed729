import { decideReview, DUPLICATE_ORDER_REASON } from "../review/decide-review"

const base = { rules_review: false, rule_reasons: ["rule_a"], score: 42, duplicate_of: null }

describe("decideReview", () => {
  it("should not hold an order the rules did not flag and that duplicates nothing", () => {
    expect(decideReview(base)).toEqual({ hold: false })
  })

  it("should hold an order the rules flagged, with the rules' reasons and the score", () => {
    expect(decideReview({ ...base, rules_review: true })).toEqual({
      hold: true,
      details: { reasons: ["rule_a"], score: 42 },
    })
  })

  it("should hold a duplicate with only the duplicate reason when the rules did not flag it", () => {
    const duplicate = { order_id: "order_1" }
    expect(decideReview({ ...base, duplicate_of: duplicate })).toEqual({
      hold: true,
      details: { reasons: [DUPLICATE_ORDER_REASON], score: 42, duplicate_of: duplicate },
    })
  })

  it("should list the rules' reasons first and the duplicate last when both apply", () => {
    const decision = decideReview({ ...base, rules_review: true, duplicate_of: { order_id: "order_1" } })
    expect(decision.hold && decision.details.reasons).toEqual(["rule_a", DUPLICATE_ORDER_REASON])
  })
})
