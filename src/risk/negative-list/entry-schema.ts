import { z } from "@medusajs/framework/zod"
import { NEGATIVE_LIST_KINDS, NEGATIVE_LIST_SOURCES } from "../../engine/negative-list/types"
import { startsLikeFormula } from "../../engine/csv-cell"
import { isoDate } from "../validation/iso-date"

/**
 * What makes a negative-list entry valid, shared by the admin routes (create, update, check) and
 * the CSV import: field lengths, kinds and sources, future expiry dates, and no spreadsheet
 * formulas in texts a merchant typed.
 */
export const text = (max: number) => z.string().trim().min(1).max(max)
export const optionalText = (max: number) => text(max).nullish()

/** Person and address fields, shared by entries and the check route. */
export const PersonAddressFields = {
  first_name: optionalText(100),
  last_name: optionalText(100),
  company: optionalText(200),
  address_1: optionalText(200),
  address_2: optionalText(200),
  postal_code: optionalText(20),
  city: optionalText(100),
  country_code: z.string().trim().length(2).toLowerCase().nullish(),
}

export const futureDate = isoDate("expires_at").refine((date) => date.getTime() > Date.now(), {
  message: "Value for field 'expires_at': must be in the future",
})

/** In `value` a leading + or - belongs to the data (a phone number +49…); = and @ never start a valid value. */
const VALUE_FORMULA_START = /^[=@\t\r]/

/** The 400 / row-report text when a merchant's text starts like a spreadsheet formula. */
export function formulaMessage(field: string): string {
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

export const EntryFields = z
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

