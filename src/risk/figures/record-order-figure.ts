import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { flaggedByOf, rulesHeldOf } from "../../engine"
import { toAmount } from "../../engine/amount"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import type PaymentRiskModuleService from "../../modules/payment-risk/service"
import { readStoredDecision } from "../../modules/payment-risk/types/stored-decision"
import type { CartCompletion, OrderFigureInput } from "../../modules/payment-risk/repositories/figures"
import { cartIdOfOrder } from "../readers/cart-of-order"

/** What `order.placed` records for the figures: the order's row and the completion of its cart's evaluation rows. */
export type OrderFigurePlan = {
  figure: OrderFigureInput
  /** null when the order has no cart (created by the admin, an import) */
  completion: CartCompletion | null
}

type OrderRow = {
  id: string
  currency_code?: string | null
  total?: unknown
  created_at?: string | Date | null
  payment_collections?: Array<{
    payment_sessions?: Array<{ provider_id?: string | null; status?: string | null } | null> | null
    payments?: Array<{ provider_id?: string | null; canceled_at?: string | Date | null } | null> | null
  } | null> | null
}

/** The provider the order was paid with: its payment not canceled, else any payment, else an authorized session, else any session. */
export function providerOfOrder(row: OrderRow): string | null {
  const collections = (row.payment_collections ?? []).filter((c): c is NonNullable<typeof c> => !!c)
  const payments = collections.flatMap((c) => c.payments ?? []).filter((p): p is NonNullable<typeof p> => !!p?.provider_id)
  const sessions = collections.flatMap((c) => c.payment_sessions ?? []).filter((s): s is NonNullable<typeof s> => !!s?.provider_id)
  const chosen =
    payments.find((p) => !p.canceled_at) ?? payments[0] ?? sessions.find((s) => s.status === "authorized" || s.status === "captured") ?? sessions[0]
  return chosen?.provider_id ?? null
}

/**
 * Reads what the order's figure is made of (no personal data is read): its total, currency, time
 * and payment provider, the provider's class (the merchant's classification, else the plugin's
 * default), and from its cart's assessment the score, the rules that held and flagged it, review
 * and whether a paid credit query was answered for its cart. Null when the order does not exist.
 */
export async function orderFigurePlanFor(container: MedusaContainer, orderId: string): Promise<OrderFigurePlan | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const [{ data }, cartId] = await Promise.all([
    query.graph({
      entity: "order",
      fields: [
        "id",
        "currency_code",
        "total",
        "created_at",
        "payment_collections.payments.provider_id",
        "payment_collections.payments.canceled_at",
        "payment_collections.payment_sessions.provider_id",
        "payment_collections.payment_sessions.status",
      ],
      filters: { id: orderId },
    }),
    cartIdOfOrder(container, orderId),
  ])
  const row = (data as OrderRow[])[0]
  if (!row) return null
  const providerId = providerOfOrder(row)
  const [classes, assessments, paidQuery] = await Promise.all([
    providerId ? service.getProviderClasses([providerId]) : Promise.resolve([]),
    cartId ? service.listRiskAssessments({ cart_id: cartId }, { take: 1, select: ["id", "decision", "risk_score"] }) : Promise.resolve([]),
    cartId ? service.cartHadPaidCreditQuery(cartId) : Promise.resolve(false),
  ])
  const paymentClass = classes[0]?.risk_class ?? null
  const decision = assessments[0] ? readStoredDecision(assessments[0].decision) : null
  const rules = decision?.rules
  const credit = decision?.signals?.credit ?? null
  const placedAt = row.created_at ? new Date(row.created_at) : new Date()
  const amount = toAmount(row.total)
  return {
    figure: {
      order_id: row.id,
      placed_at: placedAt,
      currency_code: (row.currency_code ?? "").toLowerCase(),
      amount: Number.isFinite(amount) ? amount : 0,
      payment_class: paymentClass,
      provider_id: providerId,
      score: Number(assessments[0]?.risk_score ?? rules?.score ?? 0) || 0,
      rules_held: rulesHeldOf(rules),
      flagged_by: flaggedByOf(rules),
      review: rules?.review ?? false,
      // a paid query answered for the cart: normally made while listing, the completion then
      // reads the cached answer; else (queries deleted after their period) the decision's signal
      credit_checked: paidQuery || (credit?.status === "answered" && !credit.cached),
    },
    completion: cartId
      ? { cart_id: cartId, order_id: row.id, completed_at: placedAt, completed_class: paymentClass, completed_provider_id: providerId }
      : null,
  }
}
