import { z } from "@medusajs/framework/zod"
import { TIP_PLACEMENTS } from "../../../modules/payment-risk/models/security-tip"

/** A language tag such as `de`, `de-DE` or `de_AT`. */
export const LANGUAGE_TAG = /^[A-Za-z]{2}([-_][A-Za-z0-9]{2,8}){0,2}$/
export const LOCALE_MESSAGE = "Value for field 'locale': must be a language code such as 'de' or 'de-DE'"

/**
 * `placement` is one of the known places. Medusa moves `?locale=` (or the `x-medusa-locale`
 * header) of every store request into `req.locale` before this runs; see `validateRequestLocale`.
 */
export const StoreListSecurityTips = z
  .object({
    placement: z.enum(TIP_PLACEMENTS).optional(),
    locale: z.string().trim().regex(LANGUAGE_TAG, LOCALE_MESSAGE).optional(),
  })
  .strict()
export type StoreListSecurityTipsType = z.infer<typeof StoreListSecurityTips>
