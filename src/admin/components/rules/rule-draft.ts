import type { PaymentClass } from "../../lib/types"
import type { CatalogEntry, Condition, ConditionGroup, Operator, RuleAction, RuleDTO, RuleInput } from "../../lib/rules-types"

/**
 * The rule builder's editable state: values as typed text (so a half-typed number is not lost),
 * a client key per node for React, and the conversion to and from the API body.
 */
export type DraftCondition = {
  key: string
  type: "condition"
  attribute: string
  operator: Operator | ""
  /** eq/neq/gt…: one value; between: min and max; in/not_in/starts_with: a list */
  single: string
  min: string
  max: string
  list: string[]
  params: { product_id: string; category_id: string; window_minutes: string; source: "orders" | "carts" }
}
export type DraftGroup = { key: string; type: "group"; combinator: "and" | "or"; children: DraftNode[] }
export type DraftNode = DraftCondition | DraftGroup

export type DraftActions = {
  hide_classes: PaymentClass[] | null
  allow_only_classes: PaymentClass[] | null
  hide_providers: string[] | null
  add_score: string | null
  flag_review: boolean
}

export type RuleDraft = {
  name: string
  description: string
  priority: string
  enabled: boolean
  valid_from: string
  valid_until: string
  conditions: DraftGroup
  actions: DraftActions
}

/** Field path (as the API names it, dotted) → message. */
export type DraftErrors = Record<string, string>

let counter = 0
const nextKey = () => `n${++counter}`

export const LIST_OPERATORS: readonly Operator[] = ["in", "not_in", "starts_with", "not_starts_with"]
export const NO_VALUE_OPERATORS: readonly Operator[] = ["is_true", "is_false"]

export const emptyCondition = (): DraftCondition => ({
  key: nextKey(),
  type: "condition",
  attribute: "",
  operator: "",
  single: "",
  min: "",
  max: "",
  list: [],
  params: { product_id: "", category_id: "", window_minutes: "60", source: "orders" },
})

export const emptyGroup = (combinator: "and" | "or" = "and", children: DraftNode[] = [emptyCondition()]): DraftGroup => ({
  key: nextKey(),
  type: "group",
  combinator,
  children,
})

export const emptyDraft = (): RuleDraft => ({
  name: "",
  description: "",
  priority: "100",
  enabled: true,
  valid_from: "",
  valid_until: "",
  conditions: emptyGroup("and"),
  actions: { hide_classes: null, allow_only_classes: null, hide_providers: null, add_score: null, flag_review: false },
})

/** ISO → value of a datetime-local input (local time). */
const toLocalInput = (iso: string | null) => {
  if (!iso) return ""
  const date = new Date(iso)
  return new Date(date.getTime() - date.getTimezoneOffset() * 60000).toISOString().slice(0, 16)
}

function conditionFromApi(condition: Condition): DraftCondition {
  const draft = emptyCondition()
  const value = condition.value
  draft.attribute = condition.attribute
  draft.operator = condition.operator
  if (condition.operator === "between" && Array.isArray(value)) {
    draft.min = String(value[0] ?? "")
    draft.max = String(value[1] ?? "")
  } else if (Array.isArray(value)) {
    draft.list = value.map(String)
  } else if (value !== undefined && value !== null) {
    draft.single = String(value)
  }
  const params = condition.params ?? {}
  draft.params = {
    product_id: params.product_id ?? "",
    category_id: params.category_id ?? "",
    window_minutes: params.window_minutes !== undefined ? String(params.window_minutes) : "60",
    source: params.source ?? "orders",
  }
  return draft
}

function groupFromApi(group: ConditionGroup): DraftGroup {
  return {
    key: nextKey(),
    type: "group",
    combinator: group.combinator,
    children: group.children.map((child) => (child.type === "group" ? groupFromApi(child) : conditionFromApi(child))),
  }
}

export function draftFromRule(rule: RuleDTO): RuleDraft {
  const actions = emptyDraft().actions
  for (const action of rule.actions) {
    if (action.type === "hide_classes") actions.hide_classes = action.classes
    if (action.type === "allow_only_classes") actions.allow_only_classes = action.classes
    if (action.type === "hide_providers") actions.hide_providers = action.provider_ids
    if (action.type === "add_score") actions.add_score = String(action.points)
    if (action.type === "flag_review") actions.flag_review = true
  }
  return {
    name: rule.name,
    description: rule.description ?? "",
    priority: String(rule.priority),
    enabled: rule.enabled,
    valid_from: toLocalInput(rule.valid_from),
    valid_until: toLocalInput(rule.valid_until),
    conditions: groupFromApi(rule.conditions),
    actions,
  }
}

const numberOrText = (entry: CatalogEntry | undefined, text: string): number | string =>
  entry?.type === "number" && text.trim() !== "" && Number.isFinite(Number(text)) ? Number(text) : text.trim()

function conditionToApi(draft: DraftCondition, catalog: Map<string, CatalogEntry>): Condition {
  const entry = catalog.get(draft.attribute)
  const operator = draft.operator as Operator
  const condition: Condition = { type: "condition", attribute: draft.attribute, operator }
  if (operator === "between") condition.value = [numberOrText(entry, draft.min), numberOrText(entry, draft.max)]
  else if (LIST_OPERATORS.includes(operator)) condition.value = draft.list
  else if (!NO_VALUE_OPERATORS.includes(operator)) condition.value = numberOrText(entry, draft.single)
  const params: Condition["params"] = {}
  for (const name of entry?.params ?? []) {
    if (name === "window_minutes") params.window_minutes = Number(draft.params.window_minutes)
    else if (name === "source") params.source = draft.params.source
    else params[name] = draft.params[name].trim()
  }
  if (Object.keys(params).length) condition.params = params
  return condition
}

export function groupToApi(group: DraftGroup, catalog: Map<string, CatalogEntry>): ConditionGroup {
  return {
    type: "group",
    combinator: group.combinator,
    children: group.children.map((child) => (child.type === "group" ? groupToApi(child, catalog) : conditionToApi(child, catalog))),
  }
}

/** The actions in a fixed order; `types[i]` says which form section `actions.i` belongs to. */
export function actionsToApi(actions: DraftActions): { actions: RuleAction[]; types: string[] } {
  const list: RuleAction[] = []
  if (actions.hide_classes) list.push({ type: "hide_classes", classes: actions.hide_classes })
  if (actions.allow_only_classes) list.push({ type: "allow_only_classes", classes: actions.allow_only_classes })
  if (actions.hide_providers) list.push({ type: "hide_providers", provider_ids: actions.hide_providers })
  if (actions.add_score !== null) list.push({ type: "add_score", points: Number(actions.add_score) })
  if (actions.flag_review) list.push({ type: "flag_review" })
  return { actions: list, types: list.map((a) => a.type) }
}

export function draftToBody(draft: RuleDraft, catalog: Map<string, CatalogEntry>): RuleInput {
  return {
    name: draft.name.trim(),
    description: draft.description.trim() || null,
    priority: Number(draft.priority),
    enabled: draft.enabled,
    valid_from: draft.valid_from ? new Date(draft.valid_from).toISOString() : null,
    valid_until: draft.valid_until ? new Date(draft.valid_until).toISOString() : null,
    conditions: groupToApi(draft.conditions, catalog),
    actions: actionsToApi(draft.actions).actions,
  }
}

/** Client checks with the same paths the server uses; `t` gives the messages. */
export function checkDraft(draft: RuleDraft, catalog: Map<string, CatalogEntry>, t: (key: string) => string): DraftErrors {
  const errors: DraftErrors = {}
  const isNumber = (text: string) => text.trim() !== "" && Number.isFinite(Number(text))
  if (!draft.name.trim()) errors.name = t("paymentRisk.rules.errors.name")
  if (!/^-?\d+$/.test(draft.priority.trim())) errors.priority = t("paymentRisk.rules.errors.integer")
  if (draft.valid_from && draft.valid_until && new Date(draft.valid_from) >= new Date(draft.valid_until)) {
    errors.valid_until = t("paymentRisk.rules.errors.window")
  }
  const walk = (group: DraftGroup, path: string) => {
    group.children.forEach((child, index) => {
      const at = `${path}.children.${index}`
      if (child.type === "group") return walk(child, at)
      const entry = catalog.get(child.attribute)
      if (!entry) return void (errors[`${at}.attribute`] = t("paymentRisk.rules.errors.attribute"))
      if (!child.operator || !entry.operators.includes(child.operator)) return void (errors[`${at}.operator`] = t("paymentRisk.rules.errors.operator"))
      const op = child.operator
      if (op === "between") {
        const ok = entry.type === "number"
          ? isNumber(child.min) && isNumber(child.max) && Number(child.min) <= Number(child.max)
          : child.min.trim() !== "" && child.max.trim() !== ""
        if (!ok) errors[`${at}.value`] = t(entry.type === "number" ? "paymentRisk.rules.errors.range" : "paymentRisk.rules.errors.textRange")
      } else if (!LIST_OPERATORS.includes(op) && !NO_VALUE_OPERATORS.includes(op)) {
        if (entry.type === "number" ? !isNumber(child.single) : !child.single.trim()) {
          errors[`${at}.value`] = t(entry.type === "number" ? "paymentRisk.rules.errors.number" : "paymentRisk.rules.errors.text")
        }
      }
      for (const name of entry.params ?? []) {
        if (name === "window_minutes") {
          const minutes = Number(child.params.window_minutes)
          if (!Number.isInteger(minutes) || minutes < 1 || minutes > 525600) errors[`${at}.params.window_minutes`] = t("paymentRisk.rules.errors.window_minutes")
        } else if (name !== "source" && !child.params[name].trim()) {
          errors[`${at}.params.${name}`] = t("paymentRisk.rules.errors.required")
        }
      }
    })
  }
  walk(draft.conditions, "conditions")
  const { actions, types } = actionsToApi(draft.actions)
  if (!actions.length) errors.actions = t("paymentRisk.rules.errors.actions")
  types.forEach((type, index) => {
    if ((type === "hide_classes" || type === "allow_only_classes") && !draft.actions[type]?.length) {
      errors[`actions.${index}.classes`] = t("paymentRisk.rules.errors.classes")
    }
    if (type === "hide_providers" && !draft.actions.hide_providers?.length) errors[`actions.${index}.provider_ids`] = t("paymentRisk.rules.errors.providers")
    if (type === "add_score" && !/^-?\d+$/.test(draft.actions.add_score?.trim() ?? "")) errors[`actions.${index}.points`] = t("paymentRisk.rules.errors.points")
  })
  return errors
}

/**
 * A 400 message → errors at their fields. Medusa joins issues with "; " and names each field as
 * `field 'conditions, children, 0, operator'`; a message naming no field lands under "form".
 */
export function serverErrors(message: string): DraftErrors {
  const errors: DraftErrors = {}
  const text = message.replace(/^Invalid request:\s*/, "")
  for (const part of text.split(/;\s+/)) {
    const match = part.match(/field '([^']+)'/)
    if (match) {
      const path = match[1].split(/,\s*/).join(".")
      errors[path] = part.replace(/^(Value for )?field '[^']+':?\s*/i, "").trim() || part
    }
  }
  if (!Object.keys(errors).length) errors.form = message
  return errors
}

/** Errors for the action sections: `actions.1.points` → the section whose index is 1. */
export function actionErrors(errors: DraftErrors, actions: DraftActions): Record<string, string | undefined> {
  const { types } = actionsToApi(actions)
  const out: Record<string, string | undefined> = {}
  for (const [path, message] of Object.entries(errors)) {
    const match = path.match(/^actions\.(\d+)(\..+)?$/)
    if (match && types[Number(match[1])]) out[types[Number(match[1])]] = message
  }
  return out
}
