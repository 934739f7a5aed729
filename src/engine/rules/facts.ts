import { isPaidOrder } from "../history"
import type { EngineContext } from "../types"
import { isEntered } from "./address-signals"
import type { RuleFacts } from "./types"

const DAY = 24 * 60 * 60 * 1000

function daysSinceFirstPaidOrder(context: EngineContext, now: Date): number | null {
  const times = context.history.orders
    .filter(isPaidOrder)
    .map((order) => (order.created_at ? new Date(order.created_at).getTime() : NaN))
    .filter(Number.isFinite)
  return times.length ? Math.floor((now.getTime() - Math.min(...times)) / DAY) : null
}

/** The facts the conditions read: what the engine derives from the cart and history, plus the adapter's. */
export function deriveRuleFacts(context: EngineContext): RuleFacts {
  const { cart, rule_facts: adapter = {}, settings } = context
  const now = adapter.now ? new Date(adapter.now) : new Date()
  const quantities = new Map<string, number>()
  for (const item of cart.items) {
    const key = item.product_id ?? item.variant_id ?? item.title ?? ""
    quantities.set(key, (quantities.get(key) ?? 0) + item.quantity)
  }
  const average = adapter.average_order_value
  return {
    cart: {
      total: cart.total,
      currency_code: cart.currency_code,
      item_count: cart.items.reduce((sum, item) => sum + item.quantity, 0),
      max_product_quantity: Math.max(0, ...quantities.values()),
      total_vs_average: average === undefined ? undefined : average && average > 0 ? cart.total / average : undefined,
      sales_channel_id: adapter.sales_channel_id,
      items: adapter.items,
    },
    customer: {
      is_new: context.facts.is_new_customer,
      paid_order_count: context.facts.paid_order_count,
      days_since_first_paid_order: daysSinceFirstPaidOrder(context, now),
      group_ids: adapter.customer_group_ids,
      has_unpaid_orders: context.facts.awaiting_payment_order_count > 0,
      has_overdue_orders: adapter.has_overdue_orders,
      has_refused_cod: adapter.has_refused_cod,
      has_returned_debit: adapter.has_returned_debit,
      return_debits: adapter.outcome_counts?.return_debits,
      chargebacks: adapter.outcome_counts?.chargebacks,
      refused_cod_parcels: adapter.outcome_counts?.refused_cod,
      open_dunning_amount: adapter.outcome_counts?.open_dunning_amount,
      handed_over_orders: adapter.outcome_counts?.handed_over,
    },
    billing_address: isEntered(cart.billing_address) ? cart.billing_address : null,
    shipping_address: isEntered(cart.shipping_address) ? cart.shipping_address : null,
    email: cart.email ?? null,
    phone: cart.billing_address?.phone || cart.shipping_address?.phone || null,
    ip: adapter.ip,
    ip_country: adapter.ip_country,
    velocity: adapter.velocity,
    local_time: adapter.local_time,
    settings: settings.rules,
  }
}
