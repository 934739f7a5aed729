import { z } from "@medusajs/framework/zod"
import { checkPeriod, periodFields, withPeriodDefaults } from "../analytics/validators"
import { AdminCreateRule } from "../rules/validators"

const message = (field: string, text: string) => `Value for field '${field}': ${text}`

/** The rule settings a draft may change (the same bounds as the settings API). */
export const RuleSettingsDraft = z
  .object({
    enabled: z.boolean({ error: message("settings.rules.enabled", "must be true or false") }).optional(),
    review_score: z.number({ error: message("settings.rules.review_score", "must be a whole number") }).int().min(1).max(100000).optional(),
    prepayment_score: z.number({ error: message("settings.rules.prepayment_score", "must be a whole number") }).int().min(1).max(100000).optional(),
  })
  .strict()

/** The most rules one draft may hold. */
export const MAX_DRAFT_RULES = 200

type DraftRule = z.output<typeof AdminCreateRule>

/**
 * The draft's rules, each validated by the rules API's own validator; an issue names the rule's
 * place in the draft and its field (`rules.0.actions`), so the merchant finds it in the editor.
 */
const DraftRules = z
  .array(z.unknown(), { error: message("rules", "must be a list of rules as the rule editor saves them") })
  .max(MAX_DRAFT_RULES, message("rules", `a draft may hold at most ${MAX_DRAFT_RULES} rules`))
  .transform((rules, ctx) => {
    const parsed: DraftRule[] = []
    rules.forEach((rule, index) => {
      const result = AdminCreateRule.safeParse(rule)
      if (result.success) {
        parsed.push(result.data)
        return
      }
      for (const issue of result.error.issues) {
        const field = ["rules", index, ...issue.path].join(".")
        ctx.addIssue({ code: "custom", path: [index, ...issue.path], message: message(field, issue.message.replace(/^Value for field '[^']*': /, "")) })
      }
    })
    return parsed.length === rules.length ? parsed : z.NEVER
  })

/**
 * `POST /admin/payment-risk/backtest`: a period, and a draft — rules exactly as
 * `POST /admin/payment-risk/rules` takes them (the same validator) and/or rule settings.
 */
export const AdminBacktest = z
  .object({
    ...periodFields,
    rules: DraftRules.optional(),
    settings: z.object({ rules: RuleSettingsDraft.optional() }).strict().optional(),
    sample_size: z.number({ error: message("sample_size", "must be a whole number from 1 to 50") }).int().min(1).max(50).optional(),
  })
  .strict()
  .superRefine(checkPeriod)
  .transform(withPeriodDefaults)
export type AdminBacktestType = z.infer<typeof AdminBacktest>
