import { MedusaContainer } from "@medusajs/framework/types"
import { RiskSettings } from "../../engine"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import type { OutcomeRecord } from "./build-input"
import { loadReceivableOrders, ReceivableOrder } from "./load-order"
import { outcomeRecord, ReceivableRow, receivableView, ReceivableView, rowFacts } from "./receivable-view"

/** A claim computed as of a day, with what it was computed from (for rendering and actions). */
export type LoadedReceivable = {
  row: ReceivableRow
  order: ReceivableOrder | undefined
  outcomes: OutcomeRecord[]
  view: ReceivableView
}

/** receivables computed per batch (one order query, one outcome query each) */
export const RECEIVABLE_BATCH = 200

const service = (container: MedusaContainer) => container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)

/** Computes stored receivables as of a day: their orders and outcomes read in one query each. */
export async function computeReceivables(
  container: MedusaContainer,
  rows: ReadonlyArray<Record<string, unknown>>,
  asOf: string,
  settings: RiskSettings
): Promise<LoadedReceivable[]> {
  const facts = rows.map(rowFacts)
  const ids = facts.map((row) => row.order_id)
  if (!ids.length) return []
  const [orders, outcomeRows] = await Promise.all([
    loadReceivableOrders(container, ids),
    service(container).listPaymentOutcomes({ order_id: ids }, { order: { occurred_at: "ASC", created_at: "ASC" } }),
  ])
  const byOrder = new Map<string, OutcomeRecord[]>()
  for (const row of outcomeRows as unknown as Array<Record<string, unknown>>) {
    const outcome = outcomeRecord(row)
    const orderId = String(row.order_id)
    byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), outcome])
  }
  return facts.map((row) => {
    const order = orders.get(row.order_id)
    const outcomes = byOrder.get(row.order_id) ?? []
    return { row, order, outcomes, view: receivableView(row, order, outcomes, settings, asOf) }
  })
}

/** One order's receivable as of a day, or null when the order has none. */
export async function loadReceivable(container: MedusaContainer, orderId: string, asOf: string, settings?: RiskSettings): Promise<LoadedReceivable | null> {
  const [row] = await service(container).listReceivables({ order_id: orderId }, { take: 1 })
  if (!row) return null
  const [loaded] = await computeReceivables(container, [row as unknown as Record<string, unknown>], asOf, settings ?? (await service(container).getSettings()))
  return loaded
}

/**
 * Every stored receivable (optionally only some holds), computed as of a day, a batch at a time.
 * The claim is never stored, so filters on its status run on the computed values.
 */
export async function* streamReceivables(
  container: MedusaContainer,
  asOf: string,
  settings: RiskSettings,
  holds?: string[]
): AsyncGenerator<LoadedReceivable[]> {
  let skip = 0
  for (;;) {
    const rows = await service(container).listReceivables(holds ? { hold: holds } : {}, {
      take: RECEIVABLE_BATCH,
      skip,
      order: { created_at: "DESC", id: "DESC" },
    })
    if (!rows.length) return
    yield await computeReceivables(container, rows as unknown as Array<Record<string, unknown>>, asOf, settings)
    if (rows.length < RECEIVABLE_BATCH) return
    skip += rows.length
  }
}
