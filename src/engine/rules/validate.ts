import { PAYMENT_CLASSES } from "../types"
import { CONDITION_BY_ATTRIBUTE } from "./registry"
import { OPERATORS } from "./types"

export type RuleIssue = { path: (string | number)[]; message: string }

const MAX_DEPTH = 5
const MAX_CONDITIONS = 50
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v)
const finite = (v: unknown) => typeof v === "number" && Number.isFinite(v)

function checkValue(type: string, operator: string, value: unknown, path: (string | number)[], issues: RuleIssue[]) {
  const at = [...path, "value"]
  if (operator === "is_true" || operator === "is_false") {
    if (value !== undefined && value !== null) issues.push({ path: at, message: `must be empty for ${operator}` })
    return
  }
  if (operator === "between") {
    const ok = Array.isArray(value) && value.length === 2 &&
      (type === "number" ? value.every(finite) && (value[0] as number) <= (value[1] as number) : value.every((v) => typeof v === "string" && v.trim() !== ""))
    if (!ok) issues.push({ path: at, message: type === "number" ? "must be [min, max] with min ≤ max" : "must be [from, to]" })
    return
  }
  if (operator === "in" || operator === "not_in" || operator === "starts_with" || operator === "not_starts_with") {
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || v.trim() === "" || v.length > 200) || value.length > 1000) {
      issues.push({ path: at, message: "must be a list of texts" })
    }
    return
  }
  if (type === "number" ? !finite(value) : typeof value !== "string" || value.trim() === "") {
    issues.push({ path: at, message: type === "number" ? "must be a number" : "must be a text" })
  }
}

function checkCondition(condition: Record<string, unknown>, path: (string | number)[], issues: RuleIssue[]) {
  const definition = CONDITION_BY_ATTRIBUTE.get(String(condition.attribute))
  if (!definition) {
    issues.push({ path: [...path, "attribute"], message: `unknown attribute '${String(condition.attribute)}'` })
    return
  }
  const operator = String(condition.operator)
  if (!definition.operators.includes(operator as never)) {
    issues.push({
      path: [...path, "operator"],
      message: `${OPERATORS.includes(operator as never) ? `'${operator}' is not allowed` : `unknown operator '${operator}'`} for ${definition.attribute}; use one of ${definition.operators.join(", ")}`,
    })
    return
  }
  checkValue(definition.type, operator, condition.value, path, issues)
  const params = isObject(condition.params) ? condition.params : {}
  for (const name of definition.params ?? []) {
    const value = params[name]
    const at = [...path, "params", name]
    if (name === "window_minutes") {
      if (!(Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 60 * 24 * 365)) issues.push({ path: at, message: "must be whole minutes between 1 and 525600" })
    } else if (name === "source") {
      if (value !== "orders" && value !== "carts") issues.push({ path: at, message: "must be 'orders' or 'carts'" })
    } else if (typeof value !== "string" || !value.trim()) {
      issues.push({ path: at, message: "is required" })
    }
  }
}

function checkGroup(group: unknown, path: (string | number)[], depth: number, count: { n: number }, issues: RuleIssue[]) {
  if (!isObject(group) || group.type !== "group") {
    issues.push({ path: [...path, "type"], message: "must be a group" })
    return
  }
  if (group.combinator !== "and" && group.combinator !== "or") issues.push({ path: [...path, "combinator"], message: "must be 'and' or 'or'" })
  if (depth > MAX_DEPTH) {
    issues.push({ path, message: `groups nest at most ${MAX_DEPTH} deep` })
    return
  }
  if (!Array.isArray(group.children)) {
    issues.push({ path: [...path, "children"], message: "must be a list" })
    return
  }
  group.children.forEach((child, index) => {
    const at = [...path, "children", index]
    if (isObject(child) && child.type === "condition") {
      count.n++
      checkCondition(child, at, issues)
    } else {
      checkGroup(child, at, depth + 1, count, issues)
    }
  })
  if (depth === 1 && count.n > MAX_CONDITIONS) issues.push({ path: [...path, "children"], message: `at most ${MAX_CONDITIONS} conditions per rule` })
}

function checkActions(actions: unknown, issues: RuleIssue[]) {
  if (!Array.isArray(actions) || !actions.length) {
    issues.push({ path: ["actions"], message: "needs at least one action" })
    return
  }
  actions.forEach((action, index) => {
    const at = ["actions", index]
    if (!isObject(action)) return issues.push({ path: at, message: "must be an action" })
    switch (action.type) {
      case "hide_classes":
      case "allow_only_classes":
        if (!Array.isArray(action.classes) || !action.classes.length || action.classes.some((c) => !PAYMENT_CLASSES.includes(c as never))) {
          issues.push({ path: [...at, "classes"], message: `must list payment classes (${PAYMENT_CLASSES.join(", ")})` })
        }
        break
      case "hide_providers":
        if (!Array.isArray(action.provider_ids) || !action.provider_ids.length || action.provider_ids.some((id) => typeof id !== "string" || !id)) {
          issues.push({ path: [...at, "provider_ids"], message: "must list provider ids" })
        }
        break
      case "add_score":
        if (!Number.isInteger(action.points) || Math.abs(action.points as number) > 1000) issues.push({ path: [...at, "points"], message: "must be whole points between -1000 and 1000" })
        break
      case "flag_review":
        break
      default:
        issues.push({ path: [...at, "type"], message: "must be hide_classes, allow_only_classes, hide_providers, add_score or flag_review" })
    }
  })
}

/** What is wrong with a rule's conditions and actions, with paths as the admin API names fields. */
export function validateRule(rule: { conditions: unknown; actions: unknown }): RuleIssue[] {
  const issues: RuleIssue[] = []
  checkGroup(rule.conditions, ["conditions"], 1, { n: 0 }, issues)
  checkActions(rule.actions, issues)
  return issues
}

function checkShape(group: unknown, path: (string | number)[], issues: RuleIssue[]) {
  if (!isObject(group) || group.type !== "group" || !Array.isArray(group.children)) {
    issues.push({ path, message: "must be a group with a list of children" })
    return
  }
  group.children.forEach((child, index) => {
    const at = [...path, "children", index]
    if (isObject(child) && child.type === "group") checkShape(child, at, issues)
    else if (!isObject(child) || typeof child.attribute !== "string") issues.push({ path: at, message: "must be a condition with an attribute, or a group" })
  })
}

/**
 * Shape problems of a stored rule that the engine cannot read at all (a group without a list of
 * children, a condition without an attribute, actions that are no list of actions). Unlike
 * `validateRule`, content the engine tolerates (an unknown attribute or a bad value: the
 * condition is unavailable) is no issue here, so rules written by another version keep working.
 */
export function ruleShapeIssues(rule: { conditions: unknown; actions: unknown }): RuleIssue[] {
  const issues: RuleIssue[] = []
  checkShape(rule.conditions, ["conditions"], issues)
  if (!Array.isArray(rule.actions) || rule.actions.some((action) => !isObject(action) || typeof action.type !== "string")) {
    issues.push({ path: ["actions"], message: "must be a list of actions" })
  }
  return issues
}
