import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listOrderReviewWorkflow } from "../../../../../../workflows/review/list-order-review"
import { toEntryResponse } from "../../../negative-list/serialize"
import { loadReviewDetail } from "../../load-reviews"
import { AdminListReviewOrderType } from "../../validators"

/** Adds the order's email, phone and the person at its shipping address to the negative list. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminListReviewOrderType>, res: MedusaResponse) => {
  const { result } = await listOrderReviewWorkflow(req.scope).run({
    input: {
      order_id: req.params.order_id,
      actor_id: req.auth_context?.actor_id ?? null,
      note: req.validatedBody.note || null,
      reason: req.validatedBody.reason || null,
    },
  })
  res.json({
    review: await loadReviewDetail(req.scope, req.params.order_id),
    entries: result.entries.map((entry) => toEntryResponse(entry)),
  })
}
