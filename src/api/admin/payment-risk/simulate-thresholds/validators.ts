import { z } from "@medusajs/framework/zod"
import { checkPeriod, periodFields, withPeriodDefaults } from "../analytics/validators"

const message = (field: string, text: string) => `Value for field '${field}': ${text}`
const share = (field: string, what: string) =>
  z
    .number({ error: message(field, `give ${what} as a share from 0 to 1, e.g. 0.3 for 30 %`) })
    .min(0, message(field, "must be a share from 0 to 1, e.g. 0.3 for 30 %"))
    .max(1, message(field, "must be a share from 0 to 1, e.g. 0.3 for 30 %"))
const score = (field: string) => z.number({ error: message(field, "must be a whole score such as 50") }).int().min(0).max(100000)

/**
 * `POST /admin/payment-risk/simulate-thresholds`: a period, the thresholds to mark (default:
 * today's), the gross margin (required), the cost per default (default for EUR: 12.50) and the
 * abandonment rate when only prepayment is left (default: measured from the store's carts).
 */
export const AdminSimulateThresholds = z
  .object({
    ...periodFields,
    review_from: score("review_from").optional(),
    prepayment_from: score("prepayment_from").optional(),
    margin: share("margin", "your gross margin"),
    cost_per_default: z
      .number({ error: message("cost_per_default", "must be an amount such as 12.50") })
      .min(0, message("cost_per_default", "must not be negative"))
      .max(1e9)
      .optional(),
    abandonment_rate: share("abandonment_rate", "the share of shoppers who leave when only prepayment is offered").optional(),
  })
  .strict()
  .superRefine(checkPeriod)
  .transform(withPeriodDefaults)
export type AdminSimulateThresholdsType = z.infer<typeof AdminSimulateThresholds>
