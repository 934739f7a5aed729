import { z } from "@medusajs/framework/zod"

/**
 * No query fields of its own. The notice's language comes from Medusa's locale handling
 * (`?locale=de-DE` or the `x-medusa-locale` header, read into `req.locale`), then the
 * cart's locale, then Accept-Language.
 */
export const StoreGetCartPaymentProviders = z.object({}).strict()
