import { z } from "@medusajs/framework/zod"
import { NEGATIVE_LIST_KINDS, NEGATIVE_LIST_SOURCES } from "../../../../engine/negative-list/types"
import { startsLikeFormula } from "../../../../utils/csv-cell"
import { isoDate } from "../../../utils/iso-date"

const text = (max: number) => z.string().trim().min(1).max(max)
const optionalText = (max: number) => text(max).nullish()

/** Person and address fields, shared by entries and the check route. */
const PersonAddressFields = {
  first_name: optionalText(100),
  last_name: optionalText(100),
  company: optionalText(200),
  address_1: optionalText(200),
  address_2: optionalText(200),
  postal_code: optionalText(20),
  city: optionalText(100),
  country_code: z.string().trim().length(2).toLowerCase().nullish(),
}

const futureDate = isoDate("expires_at").refine((date) => date.getTime() > Date.now(), {
  message: "Value for field 'expires_at': must be in the future",
})

/** In `value` a leading + or - belongs to the data (a phone number +49…); = and @ never start a valid value. */
const VALUE_FORMULA_START = /^[=@\t\r]/

/** The 400 / row-report text when a merchant's text starts like a spreadsheet formula. */
function formulaMessage(field: string): string {
  const characters = field === "value" ? "= or @" : "=, +, -, @ or a tab"
  return `Value for field '${field}': must not start with ${characters}. Spreadsheet programs would run such a text as a formula when the list is exported; remove the leading character.`
}

/** True when a merchant's text for `field` starts like a spreadsheet formula (a phone number's + in `value` does not). */
export function isFormulaText(field: string, text: string): boolean {
  return field === "value" ? VALUE_FORMULA_START.test(text) : startsLikeFormula(text)
}

/**
 * Texts typed by the merchant (create and update bodies, CSV cells) must not start like a
 * spreadsheet formula: the list is exported to spreadsheets (CSV injection). Refused with a 400
 * naming the field; data a shopper typed is neutralised instead where it is listed from an order.
 */
export function refuseFormulas(body: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const [field, cell] of Object.entries(body)) {
    if (typeof cell === "string" && isFormulaText(field, cell)) {
      ctx.addIssue({ code: "custom", path: [field], message: formulaMessage(field) })
    }
  }
}

const EntryFields = z
  .object({
    kind: z.enum(NEGATIVE_LIST_KINDS),
    ...PersonAddressFields,
    /** email, domain, phone, IBAN, card number or fingerprint, IP/CIDR, customer id */
    value: optionalText(200),
    reason: text(500),
    source: z.enum(NEGATIVE_LIST_SOURCES).default("manual"),
    expires_at: futureDate.nullish(),
    note: optionalText(2000),
  })
  .strict()

export const AdminCreateNegativeListEntry = EntryFields.superRefine(refuseFormulas)
export type AdminCreateNegativeListEntryType = z.infer<typeof AdminCreateNegativeListEntry>

/**
 * What a file's cells must not carry: formulas (the list is exported to spreadsheets again),
 * NUL (PostgreSQL refuses it), and U+FFFD — what bytes of a non-UTF-8 file (e.g. Latin-1)
 * become when read as UTF-8.
 */
function checkImportCells(row: Record<string, unknown>, ctx: z.RefinementCtx) {
  for (const [field, cell] of Object.entries(row)) {
    if (typeof cell !== "string") continue
    const message = /[\u0000\uFFFD]/.test(cell)
      ? `Value for field '${field}': contains characters that are not UTF-8 text (save the file as UTF-8)`
      : isFormulaText(field, cell)
        ? formulaMessage(field)
        : null
    if (message) ctx.addIssue({ code: "custom", path: [field], message })
  }
}

/** A CSV row: the create body with `import` as the default source, cells checked as file content. */
export const AdminImportNegativeListRow = EntryFields.extend({
  source: z.enum(NEGATIVE_LIST_SOURCES).default("import"),
}).superRefine(checkImportCells)

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
