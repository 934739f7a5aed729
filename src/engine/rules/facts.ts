import { isPaidOrder } from "../history"
import type { EngineContext } from "../types"
import { isEntered } from "./address-signals"
import type { RuleFacts } from "./types"

const DAY = 24 * 60 * 60 * 1000

function daysSinceFirstPaidOrder(context: EngineContext, now: Date): number | null {
  let first = Number.POSITIVE_INFINITY
  for (const order of context.history.orders) {
    if (!order.created_at || !isPaidOrder(order)) continue
    // an unreadable date (NaN) is not earlier than anything: skipped
    const time = typeof order.created_at === "string" ? Date.parse(order.created_at) : new Date(order.created_at).getTime()
    if (time < first) first = time
  }
  return first === Number.POSITIVE_INFINITY ? null : Math.floor((now.getTime() - first) / DAY)
}

/**
 * The facts the conditions read: what the engine derives from the cart and history, plus the
 * adapter's. `now` defaults to the adapter's time (or the clock), as `buildContext` reads it.
 */
export function deriveRuleFacts(context: EngineContext, now?: Date): RuleFacts {
  const { cart, rule_facts: adapter = {}, settings } = context
  now ??= adapter.now ? new Date(adapter.now) : new Date()
  let itemCount = 0
  const quantities = new Map<string, number>()
  for (const item of cart.items) {
    itemCount += item.quantity
    const key = item.product_id ?? item.variant_id ?? item.title ?? ""
    quantities.set(key, (quantities.get(key) ?? 0) + item.quantity)
  }
  let maxProductQuantity = 0
  for (const quantity of quantities.values()) maxProductQuantity = Math.max(maxProductQuantity, quantity)
  const average = adapter.average_order_value
  return {
    cart: {
      total: cart.total,
      currency_code: cart.currency_code,
      item_count: itemCount,
      max_product_quantity: maxProductQuantity,
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
