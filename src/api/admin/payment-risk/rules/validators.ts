import { z } from "@medusajs/framework/zod"
import { OPERATORS, PAYMENT_CLASSES, validateRule } from "../../../../engine"
import { windowIssue } from "../../../../workflows/rules/steps/validate-risk-rule-window"

/** Custom issues carry the field in their message: Medusa shows only the message for them. */
const fieldMessage = (path: (string | number)[], message: string) => `Value for field '${path.join(", ")}': ${message}`

type ConditionNode = {
  type: "condition" | "group"
  attribute?: string
  operator?: (typeof OPERATORS)[number]
  value?: unknown
  params?: { product_id?: string; category_id?: string; window_minutes?: number; source?: "orders" | "carts" }
  combinator?: "and" | "or"
  children?: ConditionNode[]
}

/**
 * One node of the condition tree: a condition or a nested group, as one object with optional
 * fields (not a union), so a 400 names the exact field. What each type needs, whether the
 * attribute exists and takes the operator, the value shape, depth ≤ 5 and ≤ 50 conditions are
 * checked by the engine's `validateRule` (below).
 */
const ConditionNodeSchema: z.ZodType<ConditionNode> = z.lazy(() =>
  z
    .object({
      type: z.enum(["condition", "group"]),
      attribute: z.string().trim().min(1).max(100).optional(),
      operator: z.enum(OPERATORS).optional(),
      value: z
        .union([z.number(), z.string().max(200), z.array(z.union([z.number(), z.string().max(200)])).max(1000), z.null()])
        .optional(),
      params: z
        .object({
          product_id: z.string().trim().min(1).max(100).optional(),
          category_id: z.string().trim().min(1).max(100).optional(),
          window_minutes: z.number().int().min(1).max(60 * 24 * 365).optional(),
          source: z.enum(["orders", "carts"]).optional(),
        })
        .strict()
        .optional(),
      combinator: z.enum(["and", "or"]).optional(),
      children: z.array(ConditionNodeSchema).max(50).optional(),
    })
    .strict()
)

const RootGroupSchema = ConditionNodeSchema

const ActionSchema = z
  .object({
    type: z.enum(["hide_classes", "allow_only_classes", "hide_providers", "add_score", "flag_review"]),
    classes: z.array(z.enum(PAYMENT_CLASSES)).min(1).max(PAYMENT_CLASSES.length).optional(),
    provider_ids: z.array(z.string().trim().min(1).max(200)).min(1).max(100).optional(),
    points: z.number().int().min(-1000).max(1000).optional(),
  })
  .strict()

const isoDateTime = (field: string) =>
  z.iso.datetime({ offset: true, error: fieldMessage([field], "must be an ISO date-time, e.g. 2026-01-31T00:00:00Z") }).nullable()

const RuleFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullish(),
  priority: z.number().int().min(-100000).max(100000),
  enabled: z.boolean(),
  valid_from: isoDateTime("valid_from"),
  valid_until: isoDateTime("valid_until"),
  conditions: RootGroupSchema,
  // "at least one" is the engine's check (one message naming `actions`)
  actions: z.array(ActionSchema).max(20),
}

type RuleBody = {
  valid_from?: string | null
  valid_until?: string | null
  conditions?: ConditionNode
  actions?: Array<z.infer<typeof ActionSchema>>
}

/** Adds the engine's semantic issues (and the window check) with their paths. */
function checkRule(body: RuleBody, ctx: z.RefinementCtx) {
  const window = windowIssue(body.valid_from, body.valid_until)
  if (window) ctx.addIssue({ code: "custom", path: ["valid_until"], message: window })
  if (body.conditions === undefined && body.actions === undefined) return
  const issues = validateRule({
    conditions: body.conditions ?? { type: "group", combinator: "and", children: [] },
    actions: body.actions ?? [{ type: "flag_review" }],
  }).filter((issue) => (body.conditions === undefined ? issue.path[0] !== "conditions" : true))
    .filter((issue) => (body.actions === undefined ? issue.path[0] !== "actions" : true))
  for (const issue of issues) {
    ctx.addIssue({ code: "custom", path: issue.path, message: fieldMessage(issue.path, issue.message) })
  }
}

/** Only the fields an action's type uses are kept. */
function tidyActions<T extends { actions?: Array<z.infer<typeof ActionSchema>> }>(body: T): T {
  if (!body.actions) return body
  const actions = body.actions.map((action) => {
    switch (action.type) {
      case "hide_classes":
      case "allow_only_classes":
        return { type: action.type, classes: action.classes }
      case "hide_providers":
        return { type: action.type, provider_ids: action.provider_ids }
      case "add_score":
        return { type: action.type, points: action.points }
      default:
        return { type: action.type }
    }
  })
  return { ...body, actions }
}

export const AdminCreateRule = z
  .object({
    ...RuleFields,
    priority: RuleFields.priority.default(100),
    enabled: RuleFields.enabled.default(true),
    valid_from: RuleFields.valid_from.optional(),
    valid_until: RuleFields.valid_until.optional(),
  })
  .strict()
  .superRefine(checkRule)
  .transform(tidyActions)
export type AdminCreateRuleType = z.infer<typeof AdminCreateRule>

export const AdminUpdateRule = z
  .object({
    name: RuleFields.name.optional(),
    description: RuleFields.description,
    priority: RuleFields.priority.optional(),
    enabled: RuleFields.enabled.optional(),
    valid_from: RuleFields.valid_from.optional(),
    valid_until: RuleFields.valid_until.optional(),
    conditions: RuleFields.conditions.optional(),
    actions: RuleFields.actions.optional(),
  })
  .strict()
  .superRefine(checkRule)
  .transform(tidyActions)
export type AdminUpdateRuleType = z.infer<typeof AdminUpdateRule>

export const AdminListRules = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListRulesType = z.infer<typeof AdminListRules>
