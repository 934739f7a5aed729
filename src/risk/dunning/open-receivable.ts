import { MedusaContainer } from "@medusajs/framework/types"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { debtorTypeOf, loadReceivableOrder, ReceivableOrder } from "./load-order"

/** What a new receivable is made of. */
export type NewReceivable = {
  order_id: string
  currency_code: string
  debtor_type: "consumer" | "business"
  principal: number
  invoice_date: Date
  reopened_by?: string | null
}

/**
 * A receivable for the order as it stands: its total, its debtor (a business by the billing
 * company or by one of `businessGroupIds`, the settings' business customer groups), dated `invoiceDate`.
 */
export function newReceivable(
  order: ReceivableOrder,
  invoiceDate: string | Date,
  reopenedBy: string | null = null,
  businessGroupIds: readonly string[] = []
): NewReceivable {
  return {
    order_id: order.id,
    currency_code: order.currency_code,
    debtor_type:
      order.debtor_type === "business" ? "business" : debtorTypeOf(null, order.customer_group_ids ?? [], businessGroupIds),
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
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const classes = await service.getProviderClasses(order.provider_ids)
  if (!classes.some((provider) => provider.risk_class === "invoice")) return null
  const settings = await service.getSettings()
  return newReceivable(order, order.created_at, null, settings.dunning.business_customer_group_ids)
}
