import { z } from "@medusajs/framework/zod"

/**
 * Lengths are not refused here: Medusa accepts a 300-character name, so the check answers it with
 * a field warning (`too_long`) like every other problem. Only a body no address could be (over
 * MAX_FIELD characters in one field) is refused.
 */
const MAX_FIELD = 1_000
const text = (_plausibleMax: number) => z.string().max(MAX_FIELD).nullish()

const Address = z
  .object({
    first_name: text(100),
    last_name: text(100),
    company: text(200),
    address_1: text(200),
    address_2: text(200),
    postal_code: text(20),
    city: text(100),
    province: text(100),
    country_code: z.string().trim().length(2).nullish(),
    phone: text(40),
  })
  .strict()

/** Data to check before it is saved; without it the cart's saved data is checked. */
export const StoreCheckCartAddress = z
  .object({
    email: text(320),
    billing_address: Address.nullish(),
    shipping_address: Address.nullish(),
  })
  .strict()
export type StoreCheckCartAddressType = z.infer<typeof StoreCheckCartAddress>
