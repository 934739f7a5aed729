import { knownAmount } from "./amount"
import { OrderHistoryEntry } from "./types"

/** Amount comparisons in major units tolerate float noise below a thousandth. */
const EPSILON = 0.001

function isCanceled(order: OrderHistoryEntry): boolean {
  return order.status === "canceled" || order.status === "draft"
}

/**
 * "Paid" (issue #2): the order's payment was captured in full, the order is not canceled,
 * it was not fully refunded, and its money did not come back after checkout (`defaulted`). An order awaiting payment does not count.
 */
export function isPaidOrder(order: OrderHistoryEntry): boolean {
  if (isCanceled(order) || order.defaulted) {
    return false
  }
  const total = knownAmount(order.total)
  // An unknown total cannot be shown to be captured in full: fail safe.
  if (!Number.isFinite(total)) {
    return false
  }
  const captured = Number(order.captured_amount) || 0
  const refunded = Number(order.refunded_amount) || 0
  if (captured <= 0) {
    return false
  }
  if (captured + EPSILON < total) {
    return false
  }
  return refunded + EPSILON < captured
}

/** An order that is neither canceled nor paid: the merchant still waits for the money. */
export function isAwaitingPayment(order: OrderHistoryEntry): boolean {
  if (isCanceled(order)) {
    return false
  }
  // money that came back (a return debit, a chargeback) is owed again
  if (order.defaulted) {
    return true
  }
  return !isPaidOrder(order) && (Number(order.refunded_amount) || 0) <= 0
}

export function countPaidOrders(orders: OrderHistoryEntry[]): number {
  return orders.filter(isPaidOrder).length
}

export function countAwaitingPayment(orders: OrderHistoryEntry[]): number {
  return orders.filter(isAwaitingPayment).length
}

/**
 * Paid and awaiting-payment orders counted in one pass, each order's payment read once (a paid
 * order never awaits payment): what `countPaidOrders` and `countAwaitingPayment` give.
 */
export function countOrders(orders: readonly OrderHistoryEntry[]): { paid: number; awaiting: number } {
  let paid = 0
  let awaiting = 0
  for (const order of orders) {
    if (isPaidOrder(order)) paid++
    else if (!isCanceled(order) && (order.defaulted || (Number(order.refunded_amount) || 0) <= 0)) awaiting++
  }
  return { paid, awaiting }
}
