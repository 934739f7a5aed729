import { GERMAN_ADDRESS } from "../../helpers/checkout"
import { PROVIDERS, TestStore } from "../../helpers/store"
import { Tally } from "./load-report"

type Response = { status: number; data: any }
export type LoadApi = {
  get: (url: string, config?: unknown) => Promise<Response>
  post: (url: string, body?: unknown, config?: unknown) => Promise<Response>
}

/** One checkout loop of a shopper; what it expects the plugin to decide. */
export type Scenario =
  | "new_cod" // new customer, small cart, cash on delivery → order
  | "new_above_cod_limit" // new customer, 1,299 € cart: COD hidden (limit 300) → prepayment → order
  | "returning_invoice" // customer with a paid order: invoice offered → order
  | "second_first_order" // new customer, two carts with COD: the second completion is refused (400)
  | "double_submit" // the same cart completed twice at once (double click) → one order
  | "burst" // many carts of one returning customer completed at once: order, or 409 "try again"

export const SCENARIOS: Scenario[] = [
  "new_cod",
  "returning_invoice",
  "new_above_cod_limit",
  "second_first_order",
  "new_cod",
  "double_submit",
  "returning_invoice",
]

/** A completion call and what came of it, for the database checks afterwards. */
export type CompletionRecord = {
  cart_id: string
  scenario: Scenario
  /** what the plugin must decide for this cart ("busy": an order, or a retryable 409) */
  expected: "order" | "refused" | "busy"
  status: number
  order_id: string | null
  /** the answer's message when it was not an order */
  message?: string
}

export type LoadState = {
  store: TestStore
  returningEmails: string[]
  /** every call: `<step> <status>` */
  statuses: Tally
  /** answers that the scenario did not expect (the test fails on any) */
  unexpected: Tally
  /** refused completions by reason */
  refusals: Tally
  completionMs: number[]
  completions: CompletionRecord[]
  scenariosRun: Tally
}

export function newLoadState(store: TestStore, returningEmails: string[]): LoadState {
  return {
    store,
    returningEmails,
    statuses: new Tally(),
    unexpected: new Tally(),
    refusals: new Tally(),
    completionMs: [],
    completions: [],
    scenariosRun: new Tally(),
  }
}

/**
 * The store calls of one shopper, each recorded by step and status; a status outside `expect`
 * is recorded as unexpected (with the answer's message), never thrown, so one bad answer does
 * not hide the others.
 */
/**
 * Each shopper (email) comes from its own address, as real shoppers do: the plugin's probing
 * limit counts distinct identities per IP, and every request of a test on loopback shares one.
 */
const shopperIps = new Map<string, string>()
function ipOf(email: string): string {
  let ip = shopperIps.get(email)
  if (!ip) {
    const n = shopperIps.size + 1
    ip = `198.18.${(n >> 8) & 255}.${n & 255}`
    shopperIps.set(email, ip)
  }
  return ip
}

function calls(api: LoadApi, state: LoadState, worker: number) {
  const headers: Record<string, string> = { "x-publishable-api-key": state.store.publishableKey }
  const config = { headers, validateStatus: () => true }
  const record = (step: string, res: Response, expect: number[]) => {
    state.statuses.add(`${step} ${res.status}`)
    if (!expect.includes(res.status)) {
      const message = typeof res.data?.message === "string" ? `: ${res.data.message.slice(0, 120)}` : ""
      state.unexpected.add(`${step} ${res.status}${message}`)
    }
    return res
  }
  const address = { ...GERMAN_ADDRESS, address_1: `Hauptstraße ${worker + 1}` }

  return {
    async createCart(email: string, variantId: string, quantity: number) {
      // the worker's calls run one flow at a time: the cart's later calls come from the same IP
      headers["x-forwarded-for"] = ipOf(email)
      const res = record(
        "POST /store/carts",
        await api.post(
          "/store/carts",
          {
            region_id: state.store.regionId,
            email,
            items: [{ variant_id: variantId, quantity }],
            // a returning customer is the same person at the same address as on its paid order
            shipping_address: state.returningEmails.includes(email) ? GERMAN_ADDRESS : address,
            billing_address: state.returningEmails.includes(email) ? GERMAN_ADDRESS : address,
          },
          config
        ),
        [200]
      )
      return (res.data?.cart?.id as string | undefined) ?? null
    },
    async providers(cartId: string) {
      const res = record("GET payment-providers", await api.get(`/store/carts/${cartId}/payment-providers`, config), [200])
      return ((res.data?.payment_providers ?? []) as Array<{ id: string }>).map((p) => p.id)
    },
    async session(cartId: string, providerId: string) {
      const collection = record(
        "POST /store/payment-collections",
        await api.post("/store/payment-collections", { cart_id: cartId }, config),
        [200]
      )
      const id = collection.data?.payment_collection?.id
      if (!id) return false
      const res = record(
        "POST payment-sessions",
        await api.post(`/store/payment-collections/${id}/payment-sessions`, { provider_id: providerId }, config),
        [200]
      )
      return res.status === 200
    },
    async complete(cartId: string, scenario: Scenario, expected: CompletionRecord["expected"]) {
      const started = performance.now()
      const res = await api.post(`/store/carts/${cartId}/complete`, {}, config)
      state.completionMs.push(performance.now() - started)
      record("POST complete", res, { order: [200], refused: [400], busy: [200, 409] }[expected])
      const orderId = res.status === 200 && res.data?.type === "order" ? (res.data.order.id as string) : null
      if (res.status === 200 && !orderId) state.unexpected.add(`POST complete 200 without an order (${res.data?.type})`)
      const completion: CompletionRecord = { cart_id: cartId, scenario, expected, status: res.status, order_id: orderId }
      if (!orderId && typeof res.data?.message === "string") completion.message = res.data.message
      state.completions.push(completion)
      return completion
    },
    unexpected(what: string) {
      state.unexpected.add(what)
    },
  }
}

/** Runs one loop of the scenario for a shopper. */
export async function runScenario(api: LoadApi, state: LoadState, worker: number, loop: number, scenario: Scenario) {
  const shop = calls(api, state, worker)
  const { store } = state
  const fresh = `load-${scenario.replace(/_/g, "-")}-${worker}-${loop}-${Date.now().toString(36)}@example.com`
  state.scenariosRun.add(scenario)

  // cart → list (the provider must be offered, or hidden as the rules say) → session → complete
  const single = async (email: string, variantId: string, quantity: number, providerId: string, hidden: string[] = []) => {
    const cartId = await shop.createCart(email, variantId, quantity)
    if (!cartId) return null
    const allowed = await shop.providers(cartId)
    if (!allowed.includes(providerId)) shop.unexpected(`${scenario}: ${providerId} not offered (${allowed.join(", ")})`)
    for (const id of hidden) if (allowed.includes(id)) shop.unexpected(`${scenario}: ${id} offered`)
    return (await shop.session(cartId, providerId)) ? cartId : null
  }

  switch (scenario) {
    case "new_cod": {
      const cartId = await single(fresh, store.cheapVariantId, 1, PROVIDERS.cod, [PROVIDERS.invoice])
      if (cartId) await shop.complete(cartId, scenario, "order")
      return
    }
    case "new_above_cod_limit": {
      const cartId = await single(fresh, store.expensiveVariantId, 1, PROVIDERS.prepayment, [PROVIDERS.cod, PROVIDERS.invoice])
      if (cartId) await shop.complete(cartId, scenario, "order")
      return
    }
    case "returning_invoice": {
      const email = state.returningEmails[(worker + loop) % state.returningEmails.length]
      const cartId = await single(email, store.cheapVariantId, 2, PROVIDERS.invoice)
      if (cartId) await shop.complete(cartId, scenario, "order")
      return
    }
    case "second_first_order": {
      // both carts are offered COD while neither is completed; the second completion must see the first order
      const first = await single(fresh, store.cheapVariantId, 1, PROVIDERS.cod)
      const second = await single(fresh, store.cheapVariantId, 3, PROVIDERS.cod)
      if (!first || !second) return
      if ((await shop.complete(first, scenario, "order")).order_id) {
        const res = await shop.complete(second, scenario, "refused")
        if (res.status === 400) state.refusals.add("second COD first order while the first awaits payment")
      }
      return
    }
    case "double_submit": {
      const cartId = await single(fresh, store.cheapVariantId, 1, PROVIDERS.cod)
      if (!cartId) return
      const [a, b] = await Promise.all([
        shop.complete(cartId, scenario, "order"),
        shop.complete(cartId, scenario, "order"),
      ])
      if (a.order_id && b.order_id && a.order_id !== b.order_id) shop.unexpected(`double_submit: two orders ${a.order_id} ${b.order_id} for one cart`)
      return
    }
  }
}

/** `shoppers` loops until `durationMs` has passed (a loop started before the deadline finishes). */
export async function runLoad(api: LoadApi, state: LoadState, shoppers: number, durationMs: number) {
  const deadline = Date.now() + durationMs
  const started = performance.now()
  await Promise.all(
    Array.from({ length: shoppers }, async (_, worker) => {
      for (let loop = 0; Date.now() < deadline; loop++) {
        const scenario = SCENARIOS[(worker + loop) % SCENARIOS.length]
        try {
          await runScenario(api, state, worker, loop, scenario)
        } catch (error) {
          // a network error or a thrown client: counted, and the shopper goes on
          state.unexpected.add(`${scenario}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
    })
  )
  return performance.now() - started
}

/**
 * A burst of one shopper: `count` carts of one email, each with a session for `providerId`,
 * completed at the same moment. The completions queue on the shopper's lock; those that wait
 * too long must get a retryable 409 (never a 5xx), and a retry must then place the order.
 */
export async function runBurst(api: LoadApi, state: LoadState, email: string, count: number, providerId: string) {
  const shop = calls(api, state, 99)
  const carts: string[] = []
  for (let batch = 0; batch < count; batch += 8) {
    const ready = await Promise.all(
      Array.from({ length: Math.min(8, count - batch) }, async () => {
        const cartId = await shop.createCart(email, state.store.cheapVariantId, 1)
        return cartId && (await shop.session(cartId, providerId)) ? cartId : null
      })
    )
    carts.push(...ready.filter((id): id is string => !!id))
  }
  state.scenariosRun.add("burst")
  const started = performance.now()
  const first = await Promise.all(carts.map((cartId) => shop.complete(cartId, "burst", "busy")))
  const ms = performance.now() - started
  const busy = first.filter((c) => c.status === 409)
  for (const c of busy) state.refusals.add("409 busy: waited too long for the shopper's lock")
  const retried: CompletionRecord[] = []
  for (const c of busy) retried.push(await shop.complete(c.cart_id, "burst", "order"))
  return { carts: carts.length, first, retried, ms }
}
