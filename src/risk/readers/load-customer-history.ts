import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  AddressSnapshot,
  countOutcomes,
  defaultedByOutcomes,
  NO_OUTCOMES,
  EarlierOrder,
  OutcomeCounts,
  OutcomeFact,
  RecognisedHistory,
  recogniseHistory,
  RiskSettings,
  ShopperProtectionSettings,
} from "../../engine"
import { openDunningAmountOf } from "../../engine/rules/history-facts"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { sumAmounts } from "../../engine/amount"
import { normalizeEmail } from "../../engine/identity/shopper-key"
import type { OutcomeRecord } from "../dunning/build-input"
import { Row as ReceivableOrderRow, toOrder } from "../dunning/load-order"
import { outcomeRecord, receivableView, rowFacts, today } from "../dunning/receivable-view"
import { toAddress } from "./load-cart-snapshot"

type Knex = { raw: (sql: string, bindings: unknown[]) => Promise<{ rows: unknown[] }> }

type PaymentCollectionRow = {
  amount?: unknown
  captured_amount?: unknown
  refunded_amount?: unknown
} | null

type OrderRow = ReceivableOrderRow & {
  id: string
  status: string
  customer_id?: string | null
  created_at?: string | Date | null
  billing_address?: Record<string, unknown> | null
  shipping_address?: Record<string, unknown> | null
  payment_collections?: PaymentCollectionRow[] | null
}

/** Who is shopping, as far as the request and the cart tell. */
export type ShopperIdentity = {
  customer_id?: string | null
  email?: string | null
  billing_address?: AddressSnapshot | null
  shipping_address?: AddressSnapshot | null
  /** the customer the request is authenticated as; null for guests and unknown callers */
  authenticated_customer_id?: string | null
}

/**
 * Ids of the orders that may be the shopper's: those of its account (only where the request
 * is authenticated as the cart's customer; with `guest_recognition: "email"` the cart's
 * customer id as before) and those placed under the same email (case-insensitive). Plain SQL
 * because Query's `$ilike` on `order.email` scans the whole order table; `lower(email) = …`
 * uses the expression index the plugin's migration script adds
 * (src/migration-scripts/order-email-index.ts) and `customer_id` Medusa's own index.
 */
async function earlierOrderIds(
  container: MedusaContainer,
  accountId: string | null,
  email: string | null
): Promise<string[]> {
  const conditions: string[] = []
  const bindings: string[] = []
  if (accountId) {
    conditions.push("customer_id = ?")
    bindings.push(accountId)
  }
  if (email) {
    conditions.push("lower(email) = ?")
    bindings.push(email)
  }
  if (!conditions.length) {
    return []
  }
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `select id from "order" where deleted_at is null and (${conditions.join(" or ")})`,
    bindings
  )
  return (rows as { id: string }[]).map((row) => row.id)
}

/**
 * The orders of a customer as the history counts them: those of the account and those placed
 * under its email (a guest's orders). Null when there is no such customer.
 */
export async function customerOrderIds(container: MedusaContainer, customerId: string): Promise<string[] | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "customer", fields: ["id", "email"], filters: { id: customerId } })
  const customer = data[0] as { id: string; email?: string | null } | undefined
  if (!customer) return null
  return await earlierOrderIds(container, customer.id, normalizeEmail(customer.email))
}

const ADDRESS_COLUMNS = "first_name, last_name, company, address_1, address_2, postal_code, city, province, country_code, phone"

/**
 * The earlier orders as the history and the claims read them, in one statement on Medusa's
 * tables (order, order_address, the order–payment collection and order–fulfillment links,
 * payment_collection, payment, capture, fulfillment; soft-deleted rows left out as Query leaves
 * them out): what `query.graph` on `order` gave with these fields, without the ORM's dozen
 * statements.
 */
const HISTORY_SQL = (withShipments: boolean) => `
select o.id, o.status, o.customer_id, o.created_at,
  (select row_to_json(a) from (select ${ADDRESS_COLUMNS} from order_address where id = o.billing_address_id and deleted_at is null) a) as billing_address,
  (select row_to_json(a) from (select ${ADDRESS_COLUMNS} from order_address where id = o.shipping_address_id and deleted_at is null) a) as shipping_address,
  (select coalesce(json_agg(json_build_object(
      'amount', pc.amount, 'captured_amount', pc.captured_amount, 'refunded_amount', pc.refunded_amount,
      'payments', (select coalesce(json_agg(json_build_object(
          'id', p.id,
          'captures', (select coalesce(json_agg(json_build_object('amount', c.amount, 'created_at', c.created_at) order by c.created_at), '[]'::json)
                       from capture c where c.payment_id = p.id and c.deleted_at is null)
        ) order by p.created_at), '[]'::json)
        from payment p where p.payment_collection_id = pc.id and p.deleted_at is null)
    ) order by opc.created_at), '[]'::json)
   from order_payment_collection opc join payment_collection pc on pc.id = opc.payment_collection_id and pc.deleted_at is null
   where opc.order_id = o.id and opc.deleted_at is null) as payment_collections
  ${
    withShipments
      ? `, (select coalesce(json_agg(json_build_object('shipped_at', f.shipped_at)), '[]'::json)
           from order_fulfillment ofl join fulfillment f on f.id = ofl.fulfillment_id and f.deleted_at is null
           where ofl.order_id = o.id and ofl.deleted_at is null) as fulfillments`
      : ""
  }
from "order" o
where o.id = any(?::text[]) and o.deleted_at is null`

async function historyOrders(container: MedusaContainer, ids: string[], withShipments: boolean): Promise<OrderRow[]> {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(HISTORY_SQL(withShipments), [ids])
  // json_agg gives the dates as ISO strings: as Dates, as Query gave them
  return (rows as OrderRow[]).map((row) => ({
    ...row,
    payment_collections: (row.payment_collections ?? []).map((collection) =>
      collection && {
        ...collection,
        payments: (collection.payments ?? []).map((payment) =>
          payment && {
            ...payment,
            captures: (payment.captures ?? []).map((capture) => capture && { ...capture, created_at: capture.created_at ? new Date(capture.created_at) : null }),
          }
        ),
      }
    ),
    ...(row.fulfillments ? { fulfillments: row.fulfillments.map((f) => f && { shipped_at: f.shipped_at ? new Date(f.shipped_at) : null }) } : {}),
  }))
}

/** The shopper's history with what happened to its orders after checkout. */
export type ShopperHistory = RecognisedHistory & { outcomes: OutcomeCounts }


/** Outcomes recorded for the orders (one indexed query), grouped by order, as the history and the claims read them. */
async function outcomesOf(container: MedusaContainer, orderIds: string[]): Promise<Map<string, Array<OutcomeFact & OutcomeRecord>>> {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const rows = (await service.listPaymentOutcomes(
    { order_id: orderIds },
    { select: ["id", "order_id", "kind", "reason_code", "amount", "fee", "occurred_at", "source", "external_id"] }
  )) as unknown as Array<Record<string, unknown>>
  const byOrder = new Map<string, Array<OutcomeFact & OutcomeRecord>>()
  for (const row of rows) {
    const orderId = String(row.order_id)
    byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), { ...outcomeRecord(row), order_id: orderId }])
  }
  return byOrder
}

/** The running receivables of the orders (one query on the unique order id index); paused and closed ones do not count. */
async function runningReceivablesOf(container: MedusaContainer, orderIds: string[]): Promise<Array<Record<string, unknown>>> {
  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  return (await service.listReceivables({ order_id: orderIds, hold: "active" })) as unknown as Array<Record<string, unknown>>
}

/**
 * What the shopper still owes on claims overdue or in dunning (`customer.open_dunning_amount`):
 * each running receivable computed as of today by the engine, from its row, the order's
 * captures and the order's outcomes — read in the history's own query round.
 */
function openDunningAmount(
  receivables: ReadonlyArray<Record<string, unknown>>,
  orders: ReadonlyArray<OrderRow>,
  outcomes: ReadonlyMap<string, OutcomeRecord[]>,
  settings: Pick<RiskSettings, "dunning">,
  asOf: string
): number {
  if (!receivables.length) return 0
  const byId = new Map(orders.map((order) => [order.id, order]))
  const claims = receivables.map((stored) => {
    const row = rowFacts(stored)
    const order = byId.get(row.order_id)
    return receivableView(row, order ? toOrder(order) : undefined, outcomes.get(row.order_id) ?? [], settings, asOf)
  })
  return openDunningAmountOf(claims)
}

/**
 * The shopper's history: the orders that may be hers with what was paid and refunded,
 * recognised by the engine's rule (`recogniseHistory`: an email alone does not make a guest a
 * known customer), and what happened after checkout counted over them (outcomes, and the open
 * amount of her receivables overdue or in dunning). `settings` (the dunning settings the claims
 * are computed with) are read here when the caller does not pass them.
 */
export async function loadCustomerHistory(
  container: MedusaContainer,
  shopper: ShopperIdentity,
  mode: ShopperProtectionSettings["guest_recognition"],
  settings?: Pick<RiskSettings, "dunning">
): Promise<ShopperHistory> {
  const authenticated =
    !!shopper.authenticated_customer_id && shopper.authenticated_customer_id === shopper.customer_id
  const accountId = mode === "email" ? shopper.customer_id ?? null : authenticated ? shopper.authenticated_customer_id! : null
  const [ids, claimSettings] = await Promise.all([
    earlierOrderIds(container, accountId, normalizeEmail(shopper.email)),
    settings ?? container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getSettings(),
  ])
  if (!ids.length) {
    return { orders: [], unrecognised_order_count: 0, outcomes: NO_OUTCOMES }
  }
  const outcomesPromise = outcomesOf(container, ids)
  const receivablesPromise = runningReceivablesOf(container, ids)
  const rows = await historyOrders(container, ids, claimSettings.dunning.invoice_date === "first_shipment")
  const [outcomes, receivables] = await Promise.all([outcomesPromise, receivablesPromise])
  const orders: EarlierOrder[] = rows.map((order) => {
    const collections = (order.payment_collections ?? []).filter(
      (collection): collection is NonNullable<PaymentCollectionRow> => !!collection
    )
    return {
      id: order.id,
      status: order.status,
      created_at: order.created_at ?? null,
      total: sumAmounts(collections.map((collection) => collection.amount)),
      captured_amount: sumAmounts(collections.map((collection) => collection.captured_amount)),
      refunded_amount: sumAmounts(collections.map((collection) => collection.refunded_amount)),
      defaulted: defaultedByOutcomes(outcomes.get(order.id) ?? []),
      account_order: !!accountId && order.customer_id === accountId,
      billing_address: toAddress(order.billing_address),
      shipping_address: toAddress(order.shipping_address),
    }
  })
  // negative outcomes count whoever placed the order, like unpaid orders (recogniseHistory);
  // the open dunning amount is what her running receivables still claim (not the outcomes alone)
  const counts = countOutcomes([...outcomes.values()].flat())
  return {
    ...recogniseHistory(orders, shopper, mode),
    outcomes: { ...counts, open_dunning_amount: openDunningAmount(receivables, rows, outcomes, claimSettings, today()) },
  }
}
