import { z } from "@medusajs/framework/zod"
import { OUTCOME_KINDS } from "../../../../engine/outcomes/types"
import { isFormulaText } from "../../../../risk/negative-list/entry-schema"
import { isoDate } from "../../../../risk/validation/iso-date"

/** Kinds a merchant records by hand (dunning stages are written by the dunning run). */
export const ADMIN_OUTCOME_KINDS = OUTCOME_KINDS.filter((kind) => kind !== "dunning_stage") as [
  (typeof OUTCOME_KINDS)[number],
  ...(typeof OUTCOME_KINDS)[number][],
]

const money = (field: string) =>
  z.number({ error: `Value for field '${field}': must be an amount such as 12.50` }).min(0, `Value for field '${field}': must not be negative`).max(1e9)

const noFormula = (field: string) => (value: string | null | undefined) => !value || !isFormulaText(field, value)
const FORMULA = (field: string) => ({
  message: `Value for field '${field}': must not start with =, +, -, @ or a tab (spreadsheet programs would run it as a formula)`,
})

/** What happened to an order after checkout, as the merchant records it on the order page. */
export const AdminRecordOutcome = z
  .object({
    order_id: z.string().trim().min(1).max(100),
    kind: z.enum(ADMIN_OUTCOME_KINDS),
    /** SEPA reason (AM04 …) or card reason code (4837, 10.4 …) */
    reason_code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Value for field 'reason_code': a code such as AM04, 4837 or 10.4 (letters, digits, dot, dash, underscore)").nullish(),
    amount: money("amount").nullish(),
    fee: money("fee").nullish(),
    occurred_at: isoDate("occurred_at")
      .refine((date) => date.getTime() <= Date.now() + 86_400_000, { message: "Value for field 'occurred_at': must not be in the future" })
      .nullish(),
    note: z.string().trim().max(2000).nullish().refine(noFormula("note"), FORMULA("note")),
    /** your idempotency key (e.g. the bank's reference): the same key records the event once */
    external_id: z.string().trim().min(1).max(200).nullish(),
  })
  .strict()
export type AdminRecordOutcomeType = z.infer<typeof AdminRecordOutcome>

export const AdminListOutcomes = z
  .object({
    order_id: z.string().trim().min(1).max(100).optional(),
    /** the customer's orders: those of the account and those placed under its email (guests) */
    customer_id: z.string().trim().min(1).max(100).optional(),
    kind: z.enum(OUTCOME_KINDS).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
  .refine((query) => !(query.order_id && query.customer_id), {
    message: "Value for field 'customer_id': give either order_id or customer_id, not both",
    path: ["customer_id"],
  })
export type AdminListOutcomesType = z.infer<typeof AdminListOutcomes>
