import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService from "../../../../modules/payment-risk/service"
import { AdminListCreditChecksType } from "../validators"

/** newest limit events returned with every page of queries */
const LIMIT_EVENTS = 100

/**
 * Recent credit-check queries (answers, failures with their kind, cache hits) with cost and
 * latency, this month's spend, and the newest limit events (which abuse limit stopped a check,
 * for which cart, when). Identities appear only as keyed hashes; provider credentials never
 * appear.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminListCreditChecksType>, res: MedusaResponse) => {
  const { limit, offset, provider_id } = req.validatedQuery as AdminListCreditChecksType
  const service = req.scope.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const [[queries, count], [limit_events, limit_events_count], month] = await Promise.all([
    service.listAndCountCreditQueries(provider_id ? { provider_id } : {}, {
      take: limit,
      skip: offset,
      order: { created_at: "DESC" },
    }),
    service.listAndCountCreditLimitEvents({}, {
      take: LIMIT_EVENTS,
      order: { created_at: "DESC" },
      select: ["id", "cart_id", "limit_name", "max", "created_at"],
    }),
    service.creditMonthSummary(),
  ])
  res.json({ queries, count, limit, offset, month, limit_events, limit_events_count })
}
