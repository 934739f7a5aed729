import type { RuleDTO, RuleInput } from "../../../lib/rules-types"
import { ruleSetWith } from "../rule-set"

const stored = (id: string, enabled = true): RuleDTO => ({
  id,
  name: `Rule ${id}`,
  description: null,
  priority: 10,
  enabled,
  valid_from: null,
  valid_until: null,
  conditions: { type: "group", combinator: "and", children: [{ type: "condition", attribute: "cart.total", operator: "gte", value: 100 }] },
  actions: [{ type: "flag_review" }],
  default_key: null,
  created_at: "2026-12-01T00:00:00.000Z",
  updated_at: "2026-12-01T00:00:00.000Z",
})

const draft: RuleInput = {
  name: "Draft",
  priority: 5,
  enabled: true,
  conditions: { type: "group", combinator: "and", children: [{ type: "condition", attribute: "cart.total", operator: "gte", value: 500 }] },
  actions: [{ type: "hide_classes", classes: ["invoice"] }],
}

describe("the rule set a draft is tested with", () => {
  it("should put the draft first and keep every other rule, switched-off ones too, in the rules API's shape", () => {
    const set = ruleSetWith(draft, [stored("a"), stored("b", false)])
    expect(set.map((rule) => rule.name)).toEqual(["Draft", "Rule a", "Rule b"])
    expect(set[2]).toEqual({
      name: "Rule b", description: null, priority: 10, enabled: false, valid_from: null, valid_until: null,
      conditions: stored("b").conditions, actions: [{ type: "flag_review" }],
    })
    expect(set[1]).not.toHaveProperty("id")
  })

  it("should replace the rule being edited by the draft", () => {
    expect(ruleSetWith(draft, [stored("a"), stored("b")], "a").map((rule) => rule.name)).toEqual(["Draft", "Rule b"])
  })
})
