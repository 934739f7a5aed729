import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelOrderReviewWorkflow } from "../../../../../../workflows/review/cancel-order-review"
import { loadReviewDetail } from "../../load-reviews"
import { AdminReviewActionType } from "../../validators"

/** Cancels the order through Medusa's own cancel workflow; if Medusa refuses, the review stays as it was (400). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReviewActionType>, res: MedusaResponse) => {
  await cancelOrderReviewWorkflow(req.scope).run({
    input: {
      order_id: req.params.order_id,
      actor_id: req.auth_context?.actor_id ?? null,
      note: req.validatedBody.note || null,
    },
  })
  res.json({ review: await loadReviewDetail(req.scope, req.params.order_id) })
}
