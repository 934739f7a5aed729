import { MedusaContainer } from "@medusajs/framework/types"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { loadReceivableOrder, ReceivableOrder } from "./load-order"

/** What a new receivable is made of. */
export type NewReceivable = {
  order_id: string
  currency_code: string
  debtor_type: "consumer" | "business"
  principal: number
  invoice_date: Date
  reopened_by?: string | null
}

/** A receivable for the order as it stands: its total, its debtor, dated `invoiceDate`. */
export function newReceivable(order: ReceivableOrder, invoiceDate: string | Date, reopenedBy: string | null = null): NewReceivable {
  return {
    order_id: order.id,
    currency_code: order.currency_code,
    debtor_type: order.debtor_type,
    principal: order.total,
    invoice_date: new Date(invoiceDate),
    reopened_by: reopenedBy,
  }
}

/**
 * The receivable an order placed with a payment method of class `invoice` opens (dated when it
 * was placed; with `invoice_date: "first_shipment"` the claim is dated by the first shipment
 * when computed), or null for any other payment method.
 */
export async function invoiceReceivableFor(container: MedusaContainer, orderId: string): Promise<NewReceivable | null> {
  const order = await loadReceivableOrder(container, orderId)
  if (!order || !order.provider_ids.length || !(order.total > 0)) return null
  const classes = await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getProviderClasses(order.provider_ids)
  if (!classes.some((provider) => provider.risk_class === "invoice")) return null
  return newReceivable(order, order.created_at)
}
