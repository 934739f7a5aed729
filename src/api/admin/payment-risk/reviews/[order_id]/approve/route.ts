import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { approveOrderReviewWorkflow } from "../../../../../../workflows/review/approve-order-review"
import { loadReviewDetail } from "../../load-reviews"
import { AdminReviewActionType } from "../../validators"

/** Releases an order held for review: it can be fulfilled from now on. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReviewActionType>, res: MedusaResponse) => {
  await approveOrderReviewWorkflow(req.scope).run({
    input: {
      order_id: req.params.order_id,
      actor_id: req.auth_context?.actor_id ?? null,
      note: req.validatedBody.note || null,
    },
  })
  res.json({ review: await loadReviewDetail(req.scope, req.params.order_id) })
}
