import { z } from "@medusajs/framework/zod"

/** `GET /admin/payment-risk/negative-list/imports`: the last CSV import runs, newest first. */
export const AdminListNegativeListImports = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
export type AdminListNegativeListImportsType = z.infer<typeof AdminListNegativeListImports>
