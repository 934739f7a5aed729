/**
 * One step of the demo history each, done the way the shop would have done it on that day —
 * through Medusa's workflows (cart, payment session, completion, capture) and the plugin's
 * (receivable payment, outcome, pause, hand-over / write-off, the daily dunning run) — then
 * dated back to the story's moment (backdate.ts). Each step first looks whether it happened
 * already, so an interrupted seed can be run again.
 */
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createCustomersWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { roundCents } from "../../src/engine"
import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import type PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { loadReceivable } from "../../src/risk/dunning/load-receivables"
import { UNPAID_STATUSES, RUNNING_STATUSES } from "../../src/risk/dunning/statuses"
import { recordOutcomeWorkflow } from "../../src/workflows/outcomes/record-outcome"
import { openInvoiceReceivableWorkflow } from "../../src/workflows/receivables/open-invoice-receivable"
import { setReceivableHoldWorkflow } from "../../src/workflows/receivables/set-receivable-hold"
import { backdateCaptures, backdateCustomer, backdateListEntries, backdateOrder } from "./backdate"
import { HISTORY_MARK, Line, PaymentMethod, Person, StoryEvent } from "./story"

export const PROVIDER: Record<PaymentMethod, string> = {
  cod: "pp_cash-on-delivery_manual",
  invoice: "pp_invoice_manual",
  card: "pp_system_default",
}

/** What the store seed (demo/seed.ts) made and the history needs. */
export type DemoStore = {
  region_id: string
  sales_channel_id: string
  shipping_option_id: string
  variant_by_handle: Map<string, string>
}

/** An order of the story as it stands in the database. */
export type HistoryOrder = { key: string; order_id: string; cart_id: string; payment_collection_id: string }

export type HistoryContext = {
  container: MedusaContainer
  store: DemoStore
  customers: Map<string, { id: string; person: Person }>
  orders: Map<string, HistoryOrder>
  /** what was created, for the summary */
  log: string[]
}

const service = (container: MedusaContainer) => container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const day = (at: Date) => at.toISOString().slice(0, 10)

/** The region, sales channel, shipping option and products of demo/seed.ts; throws when it did not run. */
export async function loadDemoStore(container: MedusaContainer, handles: string[]): Promise<DemoStore> {
  const [region] = await container.resolve(Modules.REGION).listRegions({ name: "Deutschland" })
  const [channel] = await container.resolve(Modules.SALES_CHANNEL).listSalesChannels({ name: "Demo-Shop" })
  const [option] = await container.resolve(Modules.FULFILLMENT).listShippingOptions({ name: "Standardversand" })
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["handle", "variants.id"], filters: { handle: handles } })
  const variant_by_handle = new Map<string, string>()
  for (const product of data as Array<{ handle: string; variants?: Array<{ id: string }> }>) {
    if (product.variants?.[0]) variant_by_handle.set(product.handle, product.variants[0].id)
  }
  const missing = handles.filter((handle) => !variant_by_handle.has(handle))
  if (!region || !channel || !option || missing.length) {
    throw new Error(`the demo store is not seeded (run \`medusa exec ./demo/seed.ts\` first): ${[
      !region && 'region "Deutschland"',
      !channel && 'sales channel "Demo-Shop"',
      !option && 'shipping option "Standardversand"',
      missing.length && `products ${missing.join(", ")}`,
    ].filter(Boolean).join(", ")} missing`)
  }
  return { region_id: region.id, sales_channel_id: channel.id, shipping_option_id: option.id, variant_by_handle }
}

const addressOf = (person: Person) => ({
  first_name: person.first_name,
  last_name: person.last_name,
  company: person.company ?? "",
  address_1: person.address_1,
  postal_code: person.postal_code,
  city: person.city,
  country_code: "de",
  phone: person.phone,
})

/** The story's customers (found by email, else created with their address), since their first order. */
export async function ensureCustomers(ctx: HistoryContext, people: Person[], since: Map<string, Date>) {
  const customerService = ctx.container.resolve(Modules.CUSTOMER)
  const existing = await customerService.listCustomers({ email: people.map((p) => p.email) })
  for (const person of people) {
    const found = existing.find((c) => c.email === person.email)
    if (found) {
      ctx.customers.set(person.key, { id: found.id, person })
      continue
    }
    const { result } = await createCustomersWorkflow(ctx.container).run({
      input: {
        customersData: [
          {
            first_name: person.first_name,
            last_name: person.last_name,
            company_name: person.company ?? null,
            email: person.email,
            phone: person.phone,
            addresses: [{ ...addressOf(person), is_default_billing: true, is_default_shipping: true }],
            metadata: { [HISTORY_MARK]: true, language: person.locale.slice(0, 2) },
          },
        ],
      },
    })
    ctx.customers.set(person.key, { id: result[0].id, person })
    const first = since.get(person.key)
    if (first) await backdateCustomer(ctx.container, result[0].id, new Date(first.getTime() - 15 * 60_000))
    ctx.log.push(`customer ${person.first_name} ${person.last_name}`)
  }
}

/** The story's orders already placed (an earlier, interrupted run): by the key in their metadata. */
export async function loadHistoryOrders(ctx: HistoryContext) {
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const emails = [...ctx.customers.values()].map((c) => c.person.email)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "metadata", "cart.id", "payment_collections.id"],
    filters: { email: emails },
  })
  for (const row of data as Array<{ id: string; metadata?: Record<string, unknown> | null; cart?: { id: string } | null; payment_collections?: Array<{ id: string } | null> | null }>) {
    const key = row.metadata?.[HISTORY_MARK]
    const collection = row.payment_collections?.find(Boolean)
    if (typeof key === "string" && row.cart && collection) {
      ctx.orders.set(key, { key, order_id: row.id, cart_id: row.cart.id, payment_collection_id: collection.id })
    }
  }
}

/** Polls until `check` returns something (the order-placed subscribers run after the order exists). */
async function eventually<T>(check: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T | null> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > end) return null
    await sleep(100)
  }
}

/**
 * A shopper's checkout as the storefront does it — cart with items and addresses, shipping
 * method, payment collection, a session with the provider, completion (the plugin's completion
 * check judges it like any other) — dated back to the story's moment. An invoice order's
 * receivable (opened by the plugin's order-placed subscriber, or here where the subscriber does
 * not run) is dated by the order.
 */
export async function placeOrder(ctx: HistoryContext, event: Extract<StoryEvent, { kind: "order" }>, at: Date) {
  if (ctx.orders.has(event.order)) return
  const { container, store } = ctx
  const customer = ctx.customers.get(event.person)
  if (!customer) throw new Error(`unknown person ${event.person}`)
  const { person } = customer
  const address = addressOf(person)
  const items = event.lines.map((line: Line) => ({ variant_id: store.variant_by_handle.get(line.handle)!, quantity: line.quantity }))
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: store.region_id,
      sales_channel_id: store.sales_channel_id,
      customer_id: customer.id,
      email: person.email,
      items,
      shipping_address: address,
      billing_address: address,
      locale: person.locale,
      metadata: { [HISTORY_MARK]: event.order },
    },
  })
  await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: store.shipping_option_id }] } })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: PROVIDER[event.method], customer_id: customer.id },
  })
  const { result } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  const order: HistoryOrder = { key: event.order, order_id: result.id, cart_id: cart.id, payment_collection_id: collection.id }
  // the assessment is linked and the receivable opened by subscribers of order.placed
  await eventually(async () => (await service(container).listRiskAssessments({ cart_id: cart.id, order_id: order.order_id }, { take: 1 }))[0], 5000)
  await backdateOrder(container, order, at)
  if (event.method === "invoice") {
    const opened =
      (await eventually(async () => (await service(container).listReceivables({ order_id: order.order_id }, { take: 1 }))[0], 5000)) ??
      (await openInvoiceReceivableWorkflow(container).run({ input: { order_id: order.order_id } })).result?.receivable
    if (!opened) throw new Error(`order ${event.order} (${order.order_id}) opened no receivable: is ${PROVIDER.invoice} of class invoice?`)
    await service(container).updateReceivables({ id: opened.id, invoice_date: at })
  }
  ctx.orders.set(event.order, order)
  ctx.log.push(`order ${event.order} (${event.method}) on ${day(at)}`)
}

const orderOf = (ctx: HistoryContext, key: string) => {
  const order = ctx.orders.get(key)
  if (!order) throw new Error(`order ${key} was not placed`)
  return order
}

async function payments(container: MedusaContainer, collectionId: string) {
  const [collection] = await container
    .resolve(Modules.PAYMENT)
    .listPaymentCollections({ id: collectionId }, { relations: ["payments", "payments.captures"] })
  return collection?.payments ?? []
}

/** The carrier pays out the cash on delivery, or the card payment is captured: Medusa's capture of what is left. */
export async function capture(ctx: HistoryContext, event: Extract<StoryEvent, { kind: "capture" }>, at: Date) {
  const order = orderOf(ctx, event.order)
  for (const payment of await payments(ctx.container, order.payment_collection_id)) {
    if (payment.canceled_at || payment.captured_at) continue
    await capturePaymentWorkflow(ctx.container).run({ input: { payment_id: payment.id } })
    await backdateCaptures(ctx.container, order, at)
    ctx.log.push(`capture of ${event.order} on ${day(at)}`)
  }
}

/**
 * A bank transfer to an invoice, booked as the shop did on that day: what the order's payment
 * can still capture through Medusa's capture, the rest (interest, fees) as a payment received
 * through the plugin's record-outcome workflow. Skipped when that day already has a payment
 * (a run again).
 */
export async function recordPayment(ctx: HistoryContext, event: Extract<StoryEvent, { kind: "payment" }>, at: Date) {
  const order = orderOf(ctx, event.order)
  const loaded = await loadReceivable(ctx.container, order.order_id, day(at))
  if (!loaded) throw new Error(`order ${event.order} has no receivable`)
  const { view } = loaded
  if (view.events.some((e) => (e.kind === "payment_captured" || e.kind === "payment_received") && e.date.slice(0, 10) === day(at))) return
  if (!UNPAID_STATUSES.includes(view.status)) throw new Error(`order ${event.order}: the receivable is ${view.status} on ${day(at)}`)
  const amount = event.amount === "all" ? view.total_due : Math.min(event.amount, view.total_due)
  let rest = amount
  for (const payment of loaded.order?.capturable ?? []) {
    if (rest <= 0) break
    const part = roundCents(Math.min(rest, payment.amount))
    await capturePaymentWorkflow(ctx.container).run({ input: { payment_id: payment.payment_id, amount: part } })
    rest = roundCents(rest - part)
  }
  if (rest < amount) await backdateCaptures(ctx.container, order, at)
  if (rest > 0) {
    await recordOutcomeWorkflow(ctx.container).run({
      input: {
        order_id: order.order_id,
        kind: "payment_received",
        amount: rest,
        occurred_at: at,
        note: null,
        source: "admin",
        external_id: `demo-history:${event.order}:payment:${day(at)}`,
        actor_id: null,
      },
    })
  }
  ctx.log.push(`payment of ${amount.toFixed(2)} EUR on ${event.order} on ${day(at)}`)
}

/** What was paid on the order by that day (captures and payments received, less what came back). */
async function paidOn(ctx: HistoryContext, order: HistoryOrder, at: Date): Promise<number> {
  const loaded = await loadReceivable(ctx.container, order.order_id, day(at))
  if (loaded) return loaded.view.paid
  const captured = (await payments(ctx.container, order.payment_collection_id)).flatMap((p) => p.captures ?? [])
  const sum = captured.reduce((total, c) => total + Number(c.amount), 0)
  if (sum > 0) return roundCents(sum)
  // an uncollected cash-on-delivery parcel: the amount that was due
  const [payment] = await payments(ctx.container, order.payment_collection_id)
  return roundCents(Number(payment?.amount ?? 0))
}

/** The entries an outcome put on the list (not those it extended: they keep the day they were listed). */
function newEntryIds(result: { list_entries: Array<{ id: string }>; extended_entry_ids?: string[] }): string[] {
  const extended = new Set(result.extended_entry_ids ?? [])
  return result.list_entries.map((entry) => entry.id).filter((id) => !extended.has(id))
}

/** A returned debit, a chargeback or a refused parcel, through the plugin's record-outcome workflow (once per external id). */
export async function recordOutcome(ctx: HistoryContext, event: Extract<StoryEvent, { kind: "outcome" }>, at: Date) {
  const order = orderOf(ctx, event.order)
  const amount = event.amount === "paid" ? await paidOn(ctx, order, at) : event.amount
  const { result } = await recordOutcomeWorkflow(ctx.container).run({
    input: {
      order_id: order.order_id,
      kind: event.outcome,
      reason_code: event.reason_code,
      amount,
      fee: event.fee,
      occurred_at: at,
      note: event.note,
      source: "admin",
      external_id: event.external_id,
      actor_id: null,
    },
  })
  if (result.duplicate) return
  await backdateListEntries(ctx.container, newEntryIds(result), at)
  ctx.log.push(`${event.outcome} on ${event.order} on ${day(at)} (${result.list_entries.length} negative-list entries)`)
}

/** The merchant pauses the dunning (a complaint), as the receivable page's "Pause" does. */
export async function pause(ctx: HistoryContext, event: Extract<StoryEvent, { kind: "pause" }>, at: Date) {
  const order = orderOf(ctx, event.order)
  const loaded = await loadReceivable(ctx.container, order.order_id, day(at))
  if (!loaded || !RUNNING_STATUSES.includes(loaded.view.status)) return
  await setReceivableHoldWorkflow(ctx.container).run({ input: { order_id: order.order_id, hold: "paused", from: ["active"] } })
  ctx.log.push(`dunning of ${event.order} paused on ${day(at)}`)
}

/**
 * Hands the claim over to collection or writes it off, as the receivable page does: an outcome
 * for what is due that day, keyed like the admin's (so neither can close it twice).
 */
export async function close(ctx: HistoryContext, event: Extract<StoryEvent, { kind: "close" }>, at: Date) {
  const order = orderOf(ctx, event.order)
  const loaded = await loadReceivable(ctx.container, order.order_id, day(at))
  if (!loaded) throw new Error(`order ${event.order} has no receivable`)
  if (!UNPAID_STATUSES.includes(loaded.view.status)) return
  const { result } = await recordOutcomeWorkflow(ctx.container).run({
    input: {
      order_id: order.order_id,
      kind: event.as,
      amount: loaded.view.total_due,
      occurred_at: at,
      note: event.note,
      source: "admin",
      external_id: `receivable:${order.order_id}:${event.as}:${loaded.row.reopened_by ?? "first"}`,
      actor_id: null,
    },
  })
  if (result.duplicate) return
  await backdateListEntries(ctx.container, newEntryIds(result), at)
  ctx.log.push(`${event.order} ${event.as.replace("_", " ")} on ${day(at)}`)
}
