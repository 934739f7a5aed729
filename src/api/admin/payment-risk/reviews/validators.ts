import { z } from "@medusajs/framework/zod"
import { refuseFormulas } from "../negative-list/validators"

export const REVIEW_STATUS_FILTERS = ["pending", "approved", "cancelled", "all"] as const

export const AdminListReviews = z
  .object({
    status: z.enum(REVIEW_STATUS_FILTERS).default("pending"),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict()
export type AdminListReviewsType = z.infer<typeof AdminListReviews>

const note = z.string().trim().max(2000).nullish()

/** approve and cancel: an optional note kept with the review event */
export const AdminReviewAction = z.object({ note }).strict()
export type AdminReviewActionType = z.infer<typeof AdminReviewAction>

/**
 * add the order's data to the negative list: the entries' reason (default names the order); the
 * merchant's reason and note are stored with the entries, so they may not start like a
 * spreadsheet formula either (the order's own data is neutralised, not refused)
 */
export const AdminListReviewOrder = z
  .object({ note, reason: z.string().trim().min(1).max(500).nullish() })
  .strict()
  .superRefine(refuseFormulas)
export type AdminListReviewOrderType = z.infer<typeof AdminListReviewOrder>
