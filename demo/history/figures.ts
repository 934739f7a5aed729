/**
 * Shoppers at the payment step for the figures overview (issue 17), played after the story's
 * orders (demo/seed-history.ts): each visit is a cart through Medusa's workflows whose payment
 * methods the plugin lists (`assessCart`, what GET /store/carts/:id/payment-providers runs, so the
 * plugin records the evaluation as for any shopper); some shoppers leave there, the others pay
 * with a method they were offered (`completeCartWorkflow` with the plugin's completion check,
 * its order.placed subscriber records the order's figure). Then everything is dated back to the
 * visit's day (bound-parameter SQL, as backdate.ts does for the story's orders).
 *
 * Who visits (counted back from the seed's day, denser in the last month):
 * - new guests, whom the first-order rule offers only prepayment and cash on delivery: most leave,
 *   some pay with one of the two (a few of them with a throw-away address: a rule holds too);
 * - regular customers of the story buying by card, large carts among them: the sandbox bureau is
 *   asked (credit checks and their cost), and the card orders give that class its default rate
 *   beside the story's chargeback;
 * - shoppers the story put on the negative list (refused parcel, chargeback, return debit)
 *   coming back: only prepayment is left (list hits); one pays with it.
 * No outcomes, claims or list entries are added (the story's stay as they are), and nothing is
 * marked with the story's key: visits are marked `payment_risk_demo_figures` on the cart, so an
 * interrupted run skips the visits it made.
 */
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  addShippingMethodToCartWorkflow,
  capturePaymentWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { assessCart } from "../../src/risk/assess-cart"
import { recordOrderFiguresWorkflow } from "../../src/workflows/completion/record-order-figures"
import { rebuildCartFigures, refreshCartFigures } from "../../src/modules/payment-risk/repositories/figures"
import type { Db } from "../../src/modules/payment-risk/repositories/sql"
import { backdateCaptures, backdateOrder } from "./backdate"
import type { HistoryContext } from "./actions"
import { dateOf, HISTORY_MARK, Line, Moment, PEOPLE } from "./story"

/** Marks the carts of the visits (cart metadata key → the visit's key). */
export const FIGURES_MARK = "payment_risk_demo_figures"

type Pay = "prepayment" | "cod" | "card"
const PROVIDER: Record<Pay, string> = { prepayment: "pp_prepayment_manual", cod: "pp_cash-on-delivery_manual", card: "pp_system_default" }

type Shopper = { first_name: string; last_name: string; email: string; address_1: string; postal_code: string; city: string; phone: string }
/** A visit: a guest or a story customer (`person`), the cart, the moment, and how it ends (`pays` or leaves). */
export type Visit = { key: string; at: Moment; lines: Line[]; pays: Pay | null } & ({ guest: Shopper } | { person: string })

const shirt = (quantity = 1): Line => ({ handle: "baumwoll-t-shirt", quantity })
const backpack = (quantity = 1): Line => ({ handle: "wanderrucksack", quantity })
const mug = (quantity = 1): Line => ({ handle: "kaffeebecher", quantity })
const dish = (quantity = 1): Line => ({ handle: "satellitenschuessel", quantity })
const camera = (quantity = 1): Line => ({ handle: "systemkamera", quantity })

const FIRST = ["Laura", "Jan", "Marie", "Finn", "Clara", "Noah", "Emma", "Elias", "Lina", "Ben", "Ida", "Leon", "Nora", "Theo", "Greta", "Moritz"]
const LAST = ["Krüger", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Huber", "Kaiser", "Fuchs", "Peters", "Scholz", "Möller", "Vogel", "Jung"]
const CITIES = [["Berlin", "10"], ["Hamburg", "20"], ["München", "80"], ["Köln", "50"], ["Leipzig", "04"], ["Essen", "45"], ["Mainz", "55"], ["Kiel", "24"]]
const BASKETS: Line[][] = [[shirt()], [mug(2)], [backpack()], [shirt(2), mug()], [backpack(), shirt()], [mug(4)], [dish()], [backpack(2)]]

/** The n-th guest (deterministic): name, address, email (every 9th a throw-away mailbox). */
function guest(n: number): Shopper {
  const first = FIRST[n % FIRST.length]
  const last = LAST[(n * 7) % LAST.length]
  const [city, prefix] = CITIES[n % CITIES.length]
  const local = `${first}.${last}`.toLowerCase().replace(/ü/g, "ue").replace(/ö/g, "oe")
  return {
    first_name: first,
    last_name: last,
    email: n % 9 === 4 ? `${local}${n}@mailinator.com` : `${local}${n}@example.net`,
    address_1: `Lindenstraße ${1 + ((n * 13) % 90)}`,
    postal_code: `${prefix}${String(100 + ((n * 37) % 900))}`,
    city,
    phone: `+49 30 ${String(2000000 + n * 7919).slice(0, 7)}`,
  }
}

/**
 * 40 guests over four months (three in four in the last 40 days); two in five pay (prepayment or
 * cash on delivery), the others leave at the payment step.
 */
function guestVisits(): Visit[] {
  return Array.from({ length: 40 }, (_, n) => {
    const days = n % 4 === 3 ? 41 + ((n * 11) % 78) : 1 + ((n * 7) % 40)
    const pays: Pay | null = n % 5 === 1 ? "prepayment" : n % 5 === 3 ? "cod" : null
    return { key: `guest-${n}`, guest: guest(n), at: { days_ago: days, time: `${String(8 + (n % 14)).padStart(2, "0")}:${String((n * 17) % 60).padStart(2, "0")}` }, lines: BASKETS[n % BASKETS.length], pays }
  })
}

/** Regulars of the story (their cash-on-delivery order paid) buying by card; the large carts ask the bureau. */
const REGULAR_VISITS: Visit[] = [
  { key: "anna-card", person: "anna", at: { days_ago: 30, time: "12:10" }, lines: [shirt(3)], pays: "card" },
  { key: "lea-card", person: "lea", at: { days_ago: 50, time: "19:45" }, lines: [camera()], pays: "card" },
  { key: "sophie-card", person: "sophie", at: { days_ago: 20, time: "09:05" }, lines: [backpack(), mug(2)], pays: "card" },
  { key: "max-card", person: "max", at: { days_ago: 9, time: "21:30" }, lines: [dish(3)], pays: "card" },
  { key: "paul-card", person: "paul", at: { days_ago: 14, time: "07:55" }, lines: [backpack(5)], pays: "card" },
  { key: "emily-card", person: "emily", at: { days_ago: 5, time: "18:20" }, lines: [mug(2)], pays: "card" },
  { key: "jonas-card", person: "jonas", at: { days_ago: 3, time: "11:40" }, lines: [camera()], pays: null },
  { key: "hannah-card", person: "hannah", at: { days_ago: 2, time: "16:15" }, lines: [shirt(2)], pays: "card" },
]

/** Shoppers on the negative list after the story's outcomes, back at the payment step. */
const LISTED_VISITS: Visit[] = [
  { key: "kevin-again", person: "kevin", at: { days_ago: 10, time: "20:02" }, lines: [backpack()], pays: null },
  { key: "kevin-prepaid", person: "kevin", at: { days_ago: 4, time: "19:30" }, lines: [mug()], pays: "prepayment" },
  { key: "oliver-again", person: "oliver", at: { days_ago: 21, time: "23:12" }, lines: [backpack(2)], pays: null },
  { key: "tim-again", person: "tim", at: { days_ago: 28, time: "10:50" }, lines: [dish()], pays: null },
]

export const VISITS: Visit[] = [...guestVisits(), ...REGULAR_VISITS, ...LISTED_VISITS]

type Knex = { raw(sql: string, bindings?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> }
const db = (container: MedusaContainer) => container.resolve(ContainerRegistrationKeys.PG_CONNECTION) as unknown as Knex
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function eventually<T>(check: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T | null> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value) return value
    if (Date.now() > end) return null
    await sleep(50)
  }
}

/** The visits made already (an interrupted run): their keys, from the carts' metadata. */
async function visitsDone(container: MedusaContainer): Promise<Set<string>> {
  const { rows } = await db(container).raw(`select metadata->>'${FIGURES_MARK}' as key from cart where metadata ? '${FIGURES_MARK}'`)
  return new Set(rows.map((row) => String(row.key)))
}

/** The cart's evaluation rows (written in the background by the plugin): waits until `count` exist. */
const evaluationRows = (container: MedusaContainer, cartId: string, count: number) =>
  eventually(async () => {
    const { rows } = await db(container).raw(`select id from payment_risk_cart_evaluation where cart_id = ?`, [cartId])
    return rows.length >= count ? rows : null
  }, 5000)

/** Dates a visit's cart, its evaluation rows, cart signal and credit queries back to `at` (the listing 8 minutes before). */
async function backdateVisit(container: MedusaContainer, cartId: string, at: Date, completedAt: Date | null) {
  const knex = db(container)
  const listed = new Date(at.getTime() - 8 * 60_000)
  const opened = new Date(at.getTime() - 15 * 60_000)
  await knex.raw(`update cart set created_at = ?, updated_at = ? where id = ?`, [opened, completedAt ?? listed, cartId])
  await knex.raw(
    `update payment_risk_cart_evaluation set evaluated_at = case when stage = 'completion' then ?::timestamptz else ?::timestamptz end,
            created_at = ?, updated_at = ?, completed_at = case when completed_at is null then null else ?::timestamptz end where cart_id = ?`,
    [at, listed, listed, completedAt ?? listed, completedAt, cartId]
  )
  // the cart's summary follows its backdated rows (first evaluation, completion)
  await refreshCartFigures(knex as unknown as Db, [cartId])
  await knex.raw(`update payment_risk_cart_signal set created_at = ?, updated_at = ? where cart_id = ?`, [listed, listed, cartId])
  await knex.raw(`update payment_risk_credit_query set created_at = ?, updated_at = ? where cart_id = ?`, [listed, listed, cartId])
}

async function payments(container: MedusaContainer, collectionId: string) {
  const [collection] = await container.resolve(Modules.PAYMENT).listPaymentCollections({ id: collectionId }, { relations: ["payments"] })
  return collection?.payments ?? []
}

/** One visit: the cart, the plugin's listing, then leaving or paying (and the money collected). Returns what happened. */
async function visit(ctx: HistoryContext, v: Visit, today: string): Promise<string> {
  const { container, store } = ctx
  const at = dateOf(v.at, today)
  const customer = "person" in v ? ctx.customers.get(v.person) : undefined
  const person = "person" in v ? customer?.person ?? PEOPLE.find((p) => p.key === v.person) : undefined
  if ("person" in v && !customer) throw new Error(`unknown person ${v.person}`)
  const who = "guest" in v ? v.guest : person!
  const address = { first_name: who.first_name, last_name: who.last_name, address_1: who.address_1, postal_code: who.postal_code, city: who.city, country_code: "de", phone: who.phone }
  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: store.region_id,
      sales_channel_id: store.sales_channel_id,
      ...(customer ? { customer_id: customer.id } : {}),
      email: who.email,
      items: v.lines.map((line) => ({ variant_id: store.variant_by_handle.get(line.handle)!, quantity: line.quantity })),
      shipping_address: address,
      billing_address: address,
      locale: person?.locale ?? "de-DE",
      metadata: { [FIGURES_MARK]: v.key },
    },
  })
  await addShippingMethodToCartWorkflow(container).run({ input: { cart_id: cart.id, options: [{ id: store.shipping_option_id }] } })
  // the payment step: the plugin decides and records the evaluation, as its store route does
  const { decision } = await assessCart(container, cart.id, { authenticatedCustomerId: customer?.id ?? null })
  await evaluationRows(container, cart.id, 1)
  const offered = decision.allowed_provider_ids
  if (!v.pays || !offered.includes(PROVIDER[v.pays])) {
    await backdateVisit(container, cart.id, at, null)
    return `left (offered ${offered.join(", ")})`
  }
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: PROVIDER[v.pays], ...(customer ? { customer_id: customer.id } : {}) },
  })
  const { result: order } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
  // the completion's evaluation row (the plugin's completion check, in the background) before anything is dated
  await evaluationRows(container, cart.id, 2)
  // the order's figure comes from the order.placed subscriber; where events are not delivered (no worker), recorded here
  const figure = await eventually(async () => (await db(container).raw(`select id from payment_risk_order_figure where order_id = ?`, [order.id])).rows[0], 3000)
  if (!figure) await recordOrderFiguresWorkflow(container).run({ input: { order_id: order.id } })
  await backdateOrder(container, { order_id: order.id, cart_id: cart.id, payment_collection_id: collection.id }, at)
  await db(container).raw(`update payment_risk_order_figure set placed_at = ?, created_at = ?, updated_at = ? where order_id = ?`, [at, at, at, order.id])
  await backdateVisit(container, cart.id, at, at)
  // the money: at once by card, on the day the transfer or the carrier's cash arrives otherwise
  const paidAt = new Date(at.getTime() + (v.pays === "card" ? 60_000 : 2 * 86_400_000))
  if (paidAt.getTime() < Date.now()) {
    for (const payment of await payments(container, collection.id)) {
      if (payment.canceled_at || payment.captured_at) continue
      await capturePaymentWorkflow(container).run({ input: { payment_id: payment.id } })
    }
    await backdateCaptures(container, { order_id: order.id, payment_collection_id: collection.id }, paidAt)
  }
  return `paid by ${v.pays}`
}

/**
 * The story's orders as the figures see them: each has its figure (recorded here where the
 * order.placed subscriber did not run) placed when the order was, and its cart's evaluation
 * rows dated by the order.
 */
export async function dateStoryFigures(container: MedusaContainer): Promise<number> {
  const knex = db(container)
  const { rows } = await knex.raw(
    `select o.id from "order" o where o.metadata ? '${HISTORY_MARK}' and not exists (select 1 from payment_risk_order_figure f where f.order_id = o.id)`
  )
  for (const row of rows) await recordOrderFiguresWorkflow(container).run({ input: { order_id: String(row.id) } })
  await knex.raw(
    `update payment_risk_order_figure f set placed_at = o.created_at, created_at = o.created_at, updated_at = o.created_at
       from "order" o where o.id = f.order_id and o.metadata ? '${HISTORY_MARK}'`
  )
  await knex.raw(
    `update payment_risk_cart_evaluation e
        set evaluated_at = o.created_at - interval '1 minute', created_at = o.created_at - interval '1 minute', updated_at = o.created_at,
            completed_at = case when e.completed_at is null then null else o.created_at end
       from "order" o join order_cart oc on oc.order_id = o.id and oc.deleted_at is null
      where o.metadata ? '${HISTORY_MARK}' and e.cart_id = oc.cart_id`
  )
  await rebuildCartFigures(knex as unknown as Db)
  return rows.length
}

/** The variants of the visits' products the story does not sell (the camera). */
async function loadVariants(ctx: HistoryContext) {
  const missing = [...new Set(VISITS.flatMap((v) => v.lines.map((line) => line.handle)))].filter((handle) => !ctx.store.variant_by_handle.has(handle))
  if (!missing.length) return
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "product", fields: ["handle", "variants.id"], filters: { handle: missing } })
  for (const product of data as Array<{ handle: string; variants?: Array<{ id: string }> }>) {
    if (product.variants?.[0]) ctx.store.variant_by_handle.set(product.handle, product.variants[0].id)
  }
  const still = missing.filter((handle) => !ctx.store.variant_by_handle.has(handle))
  if (still.length) throw new Error(`the demo store has no products ${still.join(", ")} (run \`medusa exec ./demo/seed.ts\` first)`)
}

/** Visits played at the same time (different shoppers' carts: nothing shared but the catalogue). */
const AT_ONCE = 3

/**
 * Plays the visits not made yet, oldest first, a few at a time (never two of one shopper
 * together); returns a line per visit made.
 */
export async function playVisits(ctx: HistoryContext, today: string): Promise<string[]> {
  await loadVariants(ctx)
  const done = await visitsDone(ctx.container)
  const todo = [...VISITS].filter((v) => !done.has(v.key)).sort((a, b) => b.at.days_ago - a.at.days_ago || a.at.time.localeCompare(b.at.time))
  const shopper = (v: Visit) => ("person" in v ? v.person : v.key)
  const made: string[] = []
  while (todo.length) {
    const batch: Visit[] = []
    while (todo.length && batch.length < AT_ONCE && !batch.some((b) => shopper(b) === shopper(todo[0]))) batch.push(todo.shift()!)
    const results = await Promise.all(batch.map(async (v) => {
      const started = Date.now()
      const what = await visit(ctx, v, today)
      return `${v.key}: ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`
    }))
    made.push(...results)
  }
  return made
}
