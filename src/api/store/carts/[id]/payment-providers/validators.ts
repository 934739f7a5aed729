import { z } from "@medusajs/framework/zod"

export const StoreGetCartPaymentProviders = z
  .object({
    /** language of the notice: de or en (default: the cart's locale, then Accept-Language) */
    locale: z.string().max(35).optional(),
  })
  .strict()

export type StoreGetCartPaymentProvidersType = z.infer<typeof StoreGetCartPaymentProviders>
