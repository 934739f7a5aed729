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

/**
 * `POST /admin/payment-risk/backtest`: a period, and a draft — rules exactly as
 * `POST /admin/payment-risk/rules` takes them (the same validator) and/or rule settings.
 */
export const AdminBacktest = z
  .object({
    ...periodFields,
    rules: z.array(AdminCreateRule).max(MAX_DRAFT_RULES, message("rules", `a draft may hold at most ${MAX_DRAFT_RULES} rules`)).optional(),
    settings: z.object({ rules: RuleSettingsDraft.optional() }).strict().optional(),
    sample_size: z.number({ error: message("sample_size", "must be a whole number from 1 to 50") }).int().min(1).max(50).optional(),
  })
  .strict()
  .superRefine(checkPeriod)
  .transform(withPeriodDefaults)
export type AdminBacktestType = z.infer<typeof AdminBacktest>
