import { z } from "@medusajs/framework/zod"
import { dayString, toDay } from "../../../../engine"
import { isFormulaText } from "../../../../risk/negative-list/entry-schema"
import { RECEIVABLE_STATUSES } from "../../../../risk/dunning/statuses"

/** A calendar day YYYY-MM-DD that exists (2026-02-30 does not). */
const day = (field: string) =>
  z
    .string({ error: `Value for field '${field}': must be a date such as 2026-10-30` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Value for field '${field}': must be a date such as 2026-10-30`)
    .refine((value) => Number.isFinite(toDay(value)) && dayString(toDay(value)) === value, {
      message: `Value for field '${field}': must be a date such as 2026-10-30`,
    })

const notFuture = (field: string) =>
  day(field).refine((value) => toDay(value) <= toDay(new Date()) + 1, { message: `Value for field '${field}': must not be in the future` })

const noFormula = (value: string | null | undefined) => !value || !isFormulaText("note", value)

export const AdminListReceivables = z
  .object({
    status: z.enum(RECEIVABLE_STATUSES, { error: `Value for field 'status': one of ${RECEIVABLE_STATUSES.join(", ")}` }).optional(),
    /** the last stage sent (0 = the first) */
    stage: z.coerce.number({ error: "Value for field 'stage': must be a stage number such as 0" }).int().min(0).max(50).optional(),
    overdue: z.enum(["true", "false"], { error: "Value for field 'overdue': true or false" }).transform((value) => value === "true").optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
export type AdminListReceivablesType = z.infer<typeof AdminListReceivables>

export const AdminGetReceivable = z.object({ as_of: day("as_of").optional() }).strict()
export type AdminGetReceivableType = z.infer<typeof AdminGetReceivable>

export const AdminReceivableAction = z.object({}).strict()

/** Writing off or handing over: an optional note for the record. */
export const AdminCloseReceivable = z
  .object({
    note: z
      .string()
      .trim()
      .max(2000)
      .nullish()
      .refine(noFormula, { message: "Value for field 'note': must not start with =, +, -, @ or a tab (spreadsheet programs would run it as a formula)" }),
  })
  .strict()
export type AdminCloseReceivableType = z.infer<typeof AdminCloseReceivable>

export const AdminReceivablePayment = z
  .object({
    amount: z
      .number({ error: "Value for field 'amount': must be an amount such as 12.50" })
      .positive("Value for field 'amount': must be more than 0")
      .max(1e9, "Value for field 'amount': too large")
      .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, { message: "Value for field 'amount': at most two decimals" }),
    /** the day the money arrived; today when absent */
    paid_at: notFuture("paid_at").optional(),
  })
  .strict()
export type AdminReceivablePaymentType = z.infer<typeof AdminReceivablePayment>

export const AdminReceivableLetter = z
  .object({ stage: z.coerce.number({ error: "Value for field 'stage': must be a stage number such as 0" }).int().min(0).max(50).optional() })
  .strict()
export type AdminReceivableLetterType = z.infer<typeof AdminReceivableLetter>

export const AdminExportReceivables = z
  .object({ status: z.enum(RECEIVABLE_STATUSES, { error: `Value for field 'status': one of ${RECEIVABLE_STATUSES.join(", ")}` }).default("handed_over") })
  .strict()
export type AdminExportReceivablesType = z.infer<typeof AdminExportReceivables>
