import { z } from "@medusajs/framework/zod"
import { isoDate } from "../../../../risk/validation/iso-date"

/** What a payment provider reports; dunning, hand-over and write-off are the merchant's. */
export const PSP_OUTCOME_KINDS = ["payment_received", "return_debit", "chargeback", "chargeback_reversed"] as const

const money = (field: string) =>
  z.number({ error: `Value for field '${field}': must be an amount such as 12.50` }).min(0, `Value for field '${field}': must not be negative`).max(1e9)
const id = (field: string) =>
  z
    .string({ error: `Value for field '${field}': must be a text id` })
    .trim()
    .min(1, `Value for field '${field}': must not be empty`)
    .max(100, `Value for field '${field}': at most 100 characters`)
    .regex(/^[A-Za-z0-9_-]+$/, `Value for field '${field}': a Medusa id such as ${field === "order_id" ? "order_01…" : "pay_01…"}`)

/** A payment provider's notification about an order's payment, signed (see verify-signature.ts). */
export const HookRecordOutcome = z
  .object({
    /** the provider's event or notification id: the same id is recorded once */
    event_id: z
      .string({ error: "Value for field 'event_id': required, the provider's event id" })
      .trim()
      .min(1, "Value for field 'event_id': required, the provider's event id")
      .max(150, "Value for field 'event_id': at most 150 characters")
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/, "Value for field 'event_id': letters, digits, dot, colon, slash, dash, underscore"),
    order_id: id("order_id").optional(),
    /** Medusa's payment id (pay_…), when the provider knows that rather than the order */
    payment_id: id("payment_id").optional(),
    kind: z.enum(PSP_OUTCOME_KINDS),
    /** SEPA reason (AM04 …) or card reason code (4837, 10.4, fraudulent …) */
    reason_code: z.string().trim().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Value for field 'reason_code': a code such as AM04, 4837 or 10.4 (letters, digits, dot, dash, underscore)").nullish(),
    amount: money("amount").nullish(),
    fee: money("fee").nullish(),
    occurred_at: isoDate("occurred_at")
      .refine((date) => date.getTime() <= Date.now() + 86_400_000, { message: "Value for field 'occurred_at': must not be in the future" })
      .nullish(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!body.order_id === !body.payment_id) {
      ctx.addIssue({ code: "custom", path: ["order_id"], message: "Value for field 'order_id': give either order_id or payment_id (one of them)" })
    }
  })
export type HookRecordOutcomeType = z.infer<typeof HookRecordOutcome>
