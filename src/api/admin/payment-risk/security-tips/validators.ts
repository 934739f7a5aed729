import { z } from "@medusajs/framework/zod"
import { TIP_PLACEMENTS } from "../../../../modules/payment-risk/models/security-tip"
import { isoDate } from "../../../../risk/validation/iso-date"
import { WINDOW_MESSAGE } from "../../../../workflows/security-tips/steps/validate-security-tip-window"

export { WINDOW_MESSAGE }

const locale = z.string().trim().toLowerCase().regex(/^[a-z]{2}$/, "Value for field 'locale': must be a two-letter language code")
const title = z.string().trim().min(1).max(200)
const body = z.string().trim().min(1).max(5000)
const rank = z.number().int().min(-100000).max(100000)
const date = (field: string) => isoDate(field).nullish()

// runs even when a date failed its own check (then it is still the raw input): compare only Dates
const windowIsOrdered = (tip: { valid_from?: unknown; valid_until?: unknown }) =>
  !(tip.valid_from instanceof Date) || !(tip.valid_until instanceof Date) || tip.valid_from.getTime() < tip.valid_until.getTime()

export const AdminCreateSecurityTip = z
  .object({
    title,
    body,
    locale,
    placement: z.enum(TIP_PLACEMENTS),
    rank: rank.default(0),
    active: z.boolean().default(true),
    valid_from: date("valid_from"),
    valid_until: date("valid_until"),
  })
  .strict()
  .refine(windowIsOrdered, { message: WINDOW_MESSAGE, path: ["valid_until"] })
export type AdminCreateSecurityTipType = z.infer<typeof AdminCreateSecurityTip>

/** Every field optional; the validity window is checked against the stored one in the route. */
export const AdminUpdateSecurityTip = z
  .object({
    title: title.optional(),
    body: body.optional(),
    locale: locale.optional(),
    placement: z.enum(TIP_PLACEMENTS).optional(),
    rank: rank.optional(),
    active: z.boolean().optional(),
    valid_from: date("valid_from"),
    valid_until: date("valid_until"),
  })
  .strict()
  .refine(windowIsOrdered, { message: WINDOW_MESSAGE, path: ["valid_until"] })
export type AdminUpdateSecurityTipType = z.infer<typeof AdminUpdateSecurityTip>

export const AdminListSecurityTips = z
  .object({
    placement: z.enum(TIP_PLACEMENTS).optional(),
    locale: locale.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListSecurityTipsType = z.infer<typeof AdminListSecurityTips>

/** The editor's live preview: the text as typed (an empty body previews as nothing). */
export const AdminPreviewSecurityTip = z
  .object({
    title: z.string().max(200).default(""),
    body: z.string().max(5000),
  })
  .strict()
export type AdminPreviewSecurityTipType = z.infer<typeof AdminPreviewSecurityTip>
