import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_RISK_MODULE } from "../../../../modules/payment-risk"
import PaymentRiskModuleService, { readStoredDecision } from "../../../../modules/payment-risk/service"
import { loadOrderAssessment } from "../../../../workflows/review/steps/validate-review-action"

type Assessment = Awaited<ReturnType<PaymentRiskModuleService["listRiskAssessments"]>>[number]
type ReviewEventRow = Awaited<ReturnType<PaymentRiskModuleService["listReviewEvents"]>>[number]
type OrderSummary = {
  id: string
  display_id?: number | null
  email?: string | null
  customer_id?: string | null
  total?: number | null
  currency_code?: string | null
  created_at?: string | Date | null
}

export type ReviewDTO = {
  order_id: string
  display_id: number | null
  assessment_id: string
  review_status: string
  risk_score: number
  review_reasons: string[]
  email: string | null
  customer_id: string | null
  total: number | null
  currency_code: string | null
  order_created_at: string | Date | null
}

const ORDER_FIELDS = ["id", "display_id", "email", "customer_id", "total", "currency_code", "created_at"]

async function loadOrders(container: MedusaContainer, ids: string[]): Promise<Map<string, OrderSummary>> {
  if (!ids.length) {
    return new Map()
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: ids } })
  return new Map((data as OrderSummary[]).map((order) => [order.id, order]))
}

/** Why the order is in review: the reasons recorded when it was flagged, else the rules' own. */
function reasonsOf(assessment: Assessment, flagged?: ReviewEventRow): string[] {
  const recorded = (flagged?.details as { reasons?: unknown } | null)?.reasons
  if (Array.isArray(recorded)) {
    return recorded.map(String)
  }
  const rules = readStoredDecision(assessment.decision)?.rules
  return rules?.review ? rules.review_reasons : []
}

function toReview(assessment: Assessment, order: OrderSummary | undefined, flagged?: ReviewEventRow): ReviewDTO {
  const rules = readStoredDecision(assessment.decision)?.rules
  return {
    order_id: assessment.order_id!,
    display_id: order?.display_id ?? null,
    assessment_id: assessment.id,
    review_status: assessment.review_status,
    risk_score: rules?.score ?? assessment.risk_score ?? 0,
    review_reasons: reasonsOf(assessment, flagged),
    email: order?.email ?? assessment.email ?? null,
    customer_id: order?.customer_id ?? assessment.customer_id ?? null,
    total: order?.total != null ? Number(order.total) : null,
    currency_code: order?.currency_code ?? null,
    order_created_at: order?.created_at ?? null,
  }
}

/** A page of reviews, newest first: one query for the assessments, one for their orders, one for the flags. */
export async function listReviews(
  container: MedusaContainer,
  filter: { statuses: string[]; limit: number; offset: number }
): Promise<{ reviews: ReviewDTO[]; count: number }> {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const [rows, count] = await service.listAndCountRiskAssessments(
    { review_status: filter.statuses, order_id: { $ne: null } },
    { take: filter.limit, skip: filter.offset, order: { created_at: "DESC" } }
  )
  const orderIds = rows.map((row) => row.order_id!)
  const orders = await loadOrders(container, orderIds)
  const flags = orderIds.length
    ? await service.listReviewEvents({ order_id: orderIds, action: "flagged" }, { order: { created_at: "ASC" } })
    : []
  const flagByOrder = new Map(flags.map((event) => [event.order_id, event]))
  return {
    reviews: rows.map((row) => toReview(row, orders.get(row.order_id!), flagByOrder.get(row.order_id!))),
    count,
  }
}

/** One order's review with the rules' explanation, the hidden providers and every recorded step. */
export async function loadReviewDetail(container: MedusaContainer, orderId: string) {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const ref = await loadOrderAssessment(container, orderId)
  const assessment = await service.retrieveRiskAssessment(ref.id)
  const orders = await loadOrders(container, [orderId])
  const events = await service.listReviewEvents({ order_id: orderId }, { order: { created_at: "ASC" } })
  const decision = readStoredDecision(assessment.decision)
  return {
    ...toReview({ ...assessment, order_id: orderId }, orders.get(orderId), events.find((e) => e.action === "flagged")),
    rules: decision?.rules ?? null,
    hidden: decision?.hidden ?? [],
    events: events.map((event) => ({
      id: event.id,
      action: event.action,
      actor_id: event.actor_id,
      note: event.note,
      details: event.details,
      created_at: event.created_at,
    })),
  }
}
