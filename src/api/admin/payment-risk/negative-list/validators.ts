import { z } from "@medusajs/framework/zod"
import { NEGATIVE_LIST_KINDS, NEGATIVE_LIST_SOURCES } from "../../../../engine/negative-list/types"
import {
  EntryFields,
  futureDate,
  optionalText,
  PersonAddressFields,
  refuseFormulas,
  text,
} from "../../../../risk/negative-list/entry-schema"

export { AdminImportNegativeListRow, isFormulaText, refuseFormulas } from "../../../../risk/negative-list/entry-schema"

export const AdminCreateNegativeListEntry = EntryFields.superRefine(refuseFormulas)
export type AdminCreateNegativeListEntryType = z.infer<typeof AdminCreateNegativeListEntry>

export const AdminUpdateNegativeListEntry = z
  .object({
    ...PersonAddressFields,
    value: optionalText(200),
    reason: text(500).optional(),
    source: z.enum(NEGATIVE_LIST_SOURCES).optional(),
    expires_at: futureDate.nullish(),
    note: optionalText(2000),
  })
  .strict()
  .superRefine(refuseFormulas)
export type AdminUpdateNegativeListEntryType = z.infer<typeof AdminUpdateNegativeListEntry>

export const AdminListNegativeList = z
  .object({
    q: z.string().trim().max(200).optional(),
    kind: z.enum(NEGATIVE_LIST_KINDS).optional(),
    source: z.enum(NEGATIVE_LIST_SOURCES).optional(),
    expired: z.enum(["true", "false"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListNegativeListType = z.infer<typeof AdminListNegativeList>

export const AdminExportNegativeList = AdminListNegativeList.omit({ limit: true, offset: true })
export type AdminExportNegativeListType = z.infer<typeof AdminExportNegativeList>

export const AdminNegativeListMatches = z
  .object({
    customer_id: z.string().trim().min(1).max(100).optional(),
    order_id: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
export type AdminNegativeListMatchesType = z.infer<typeof AdminNegativeListMatches>

export const AdminCheckNegativeList = z
  .object({
    ...PersonAddressFields,
    email: optionalText(320),
    phone: optionalText(40),
    iban: optionalText(50),
    card_number: optionalText(30),
    card_fingerprint: optionalText(100),
    ip: optionalText(60),
    customer_id: optionalText(100),
  })
  .strict()
export type AdminCheckNegativeListType = z.infer<typeof AdminCheckNegativeList>
