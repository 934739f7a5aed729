import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listReviews } from "./load-reviews"
import { AdminListReviewsType } from "./validators"

/** Orders in review (default: those awaiting a decision), newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListReviewsType>, res: MedusaResponse) => {
  const { status, limit, offset } = req.validatedQuery as AdminListReviewsType
  const statuses = status === "all" ? ["pending", "approved", "cancelled"] : [status]
  const { reviews, count } = await listReviews(req.scope, { statuses, limit, offset })
  res.json({ reviews, count, limit, offset })
}
