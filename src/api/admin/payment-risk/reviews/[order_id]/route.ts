import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadReviewDetail } from "../load-reviews"

/** An order's review: status, score, reasons, the rules' explanation and every recorded step. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ review: await loadReviewDetail(req.scope, req.params.order_id) })
}
