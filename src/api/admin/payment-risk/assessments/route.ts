import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService, { readStoredDecision } from "../../../../modules/payment-risk/service"
import { AdminListAssessmentsType } from "../validators"

/** Assessments taken at cart completion, newest first, filtered by order or cart. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminListAssessmentsType>,
  res: MedusaResponse
) => {
  const { order_id, cart_id, limit, offset } = req.validatedQuery as AdminListAssessmentsType
  const filters: Record<string, string> = {}
  if (order_id) {
    filters.order_id = order_id
  }
  if (cart_id) {
    filters.cart_id = cart_id
  }
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const [rows, count] = await service.listAndCountRiskAssessments(filters, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  res.json({
    assessments: rows.map(({ decision, deleted_at, updated_at, ...row }) => ({
      ...row,
      ...readStoredDecision(decision),
    })),
    count,
    limit,
    offset,
  })
}
