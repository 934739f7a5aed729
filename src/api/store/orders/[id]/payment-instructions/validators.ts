import { z } from "@medusajs/framework/zod"

/** A Medusa id such as `cart_01JB…` (letters, digits, underscores). */
const CART_ID = /^[A-Za-z0-9_]{1,100}$/
const LANGUAGE_TAG = /^[A-Za-z]{2}([-_][A-Za-z0-9]{2,8}){0,2}$/

/**
 * `cart_id`: the cart the order was placed from — what a guest's storefront still holds after
 * checkout, and proves the order is theirs. A logged-in customer needs none. `locale` is allowed
 * because Medusa reads it for every store request; the answer has no texts.
 */
export const StoreGetPaymentInstructions = z
  .object({
    cart_id: z.string().trim().regex(CART_ID, "Value for field 'cart_id': must be a cart id").optional(),
    locale: z.string().trim().regex(LANGUAGE_TAG, "Value for field 'locale': must be a language code such as 'de' or 'de-DE'").optional(),
  })
  .strict()
export type StoreGetPaymentInstructionsType = z.infer<typeof StoreGetPaymentInstructions>
