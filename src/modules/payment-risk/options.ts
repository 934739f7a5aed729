import { z } from "@medusajs/framework/zod"

/** Options a store passes in `plugins: [{ resolve: "medusa-payment-risk", options }]`. */
export const PaymentRiskOptionsSchema = z
  .object({
    /** secret for keyed hashes of personal data (negative list); at least 16 characters */
    hash_secret: z.string().min(16, "hash_secret must have at least 16 characters").optional(),
    /** days after which stored assessments lose their personal data (email, customer id) */
    assessment_retention_days: z.number().int().positive().default(730),
  })
  .passthrough()

export type PaymentRiskOptions = z.infer<typeof PaymentRiskOptionsSchema>
