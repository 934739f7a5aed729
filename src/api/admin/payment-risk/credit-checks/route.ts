import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { AdminListCreditChecksType } from "../validators"

/**
 * Recent credit-check queries (answers, failures, cache hits) with cost and latency, and this
 * month's spend. Identities appear only as keyed hashes; provider credentials never appear.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListCreditChecksType>, res: MedusaResponse) => {
  const { limit, offset, provider_id } = req.validatedQuery as AdminListCreditChecksType
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const [queries, count] = await service.listAndCountCreditQueries(provider_id ? { provider_id } : {}, {
    take: limit,
    skip: offset,
    order: { created_at: "DESC" },
  })
  res.json({ queries, count, limit, offset, month: await service.creditMonthSummary() })
}
