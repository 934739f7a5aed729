import { DEFAULT_RULES, ruleShapeIssues } from "../rules"

const condition = { type: "condition", attribute: "cart.total", operator: "gte", value: 1 }
const group = (children: unknown) => ({ type: "group", combinator: "and", children })
const actions = [{ type: "add_score", points: 5 }]

describe("ruleShapeIssues", () => {
  it("should accept every default rule", () => {
    for (const rule of DEFAULT_RULES) expect(ruleShapeIssues(rule)).toEqual([])
  })

  it("should accept content the engine tolerates: unknown attribute or operator, a bad value", () => {
    expect(ruleShapeIssues({ conditions: group([{ type: "condition", attribute: "future.attribute", operator: "soon", value: {} }]), actions })).toEqual([])
  })

  it.each([
    ["a group without children", group(undefined), "conditions"],
    ["a nested group without children", group([{ type: "group", combinator: "or" }]), "conditions.children.0"],
    ["a condition without attribute", group([condition, { type: "condition", operator: "gte" }]), "conditions.children.1"],
    ["a null child", group([null]), "conditions.children.0"],
    ["no group at all", null, "conditions"],
  ])("should name %s", (_, conditions, path) => {
    expect(ruleShapeIssues({ conditions, actions }).map((issue) => issue.path.join("."))).toEqual([path])
  })

  it("should name actions that are no list of actions", () => {
    expect(ruleShapeIssues({ conditions: group([condition]), actions: { type: "add_score" } })).toEqual([{ path: ["actions"], message: "must be a list of actions" }])
    expect(ruleShapeIssues({ conditions: group([condition]), actions: [null] })).toHaveLength(1)
  })
})
