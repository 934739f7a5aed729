import { isIP } from "node:net"
import { z } from "@medusajs/framework/zod"

export const AdminEvaluateCart = z
  .object({
    cart_id: z.string().trim().min(1).max(100),
    /** the shopper's IP, to try the network and IP-velocity conditions (the cart does not keep it) */
    ip: z
      .string()
      .trim()
      .refine((value) => isIP(value) > 0, { message: "Value for field 'ip': must be an IPv4 or IPv6 address" })
      .optional(),
  })
  .strict()
export type AdminEvaluateCartType = z.infer<typeof AdminEvaluateCart>
