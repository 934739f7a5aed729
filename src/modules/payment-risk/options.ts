import { z } from "@medusajs/framework/zod"

/** Options a store passes in `plugins: [{ resolve: "medusa-payment-risk", options }]`. */
export const PaymentRiskOptionsSchema = z
  .object({
    /** secret for keyed hashes of IBANs and card numbers (negative list); required, ≥ 16 characters */
    hash_secret: z
      .string({ error: "hash_secret is required (a secret of at least 16 characters)" })
      .min(16, "hash_secret must have at least 16 characters"),
    /** days after which stored assessments lose their personal data (email, customer id) */
    assessment_retention_days: z.number().int().positive().default(730),
    /**
     * credit-check providers: `{ id, resolve, options }` with resolve `sandbox`, `http` or a
     * package/path whose default export implements CreditCheckProvider. Credentials live here
     * (server side) and are never returned by any route.
     */
    credit_check_providers: z
      .array(
        z
          .object({
            id: z.string().min(1).max(100),
            resolve: z.string().min(1),
            options: z.record(z.string(), z.unknown()).optional(),
          })
          .strict()
      )
      .default([]),
  })
  .passthrough()

export type PaymentRiskOptions = z.infer<typeof PaymentRiskOptionsSchema>
