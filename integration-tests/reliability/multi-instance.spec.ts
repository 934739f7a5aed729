/**
 * Several instances (issue 7): two `medusa start` processes of a host app with the BUILT plugin,
 * one PostgreSQL database and Medusa's Redis modules (event bus, workflow engine, locking with
 * locking-redis, cache, caching) — see helpers/cluster-host.ts and docs/multi-instance.md.
 *
 *   (a) first-order race: a new customer completes two COD carts at the same moment, one through
 *       each instance → exactly one order, the other refused (the completion lock holds across
 *       processes); five rounds with fresh emails, every other one spelling B's email in capitals.
 *       Control: with PAYMENT_RISK_CLUSTER_LOCKING=in-memory (no shared lock) this test fails —
 *       both carts become orders.
 *   (b) velocity: six carts of one email / phone / IP / address, completed at once across both
 *       instances → the counts a seventh cart is evaluated with (on the other instance) equal the
 *       completed orders, and the six completions saw 0…5 earlier orders (serialised, none lost).
 *   (c) review flags once: orders that the default rules flag by score, placed through A while
 *       order.placed is consumed from the shared Redis queue by either instance → one `flagged`
 *       event, review status pending, one assessment link per order.
 *   (d) settings saved through one instance decide the next cart on the other (no stale copy).
 *   (e) double submit: one cart completed on A and B at the same moment → one order, no 5xx.
 *   (f) the database invariants of the load test over every cart of this file.
 *   (g) the daily dunning job started by two processes at the same moment (each its own
 *       `medusa exec` of the plugin's job function): the due stage is recorded and emailed once.
 *
 * Needs Redis (127.0.0.1:6379 or PAYMENT_RISK_REDIS_URL); a claimed Redis database is flushed and
 * the PostgreSQL database dropped afterwards. Report: .test-results/reliability/multi-instance.json.
 * PAYMENT_RISK_CLUSTER_LOG=1 prints the servers' output.
 */
import { Cluster, startCluster } from "./helpers/cluster-host"
import { adminOn, Answer, PROVIDERS, storeOn } from "./helpers/cluster-shopper"
import { invariantViolations, waitForSubscribers } from "./helpers/load-db-checks"
import { writeReliabilityReport } from "./helpers/load-report"

jest.setTimeout(5 * 60 * 1000)

const RACE_ROUNDS = 5
const VELOCITY_CARTS = 6

type Store = ReturnType<typeof storeOn>
type Admin = Awaited<ReturnType<typeof adminOn>>

/** The `actual` value of the rule condition on `attribute` with these params, from a decision's trace. */
function conditionActual(decision: any, attribute: string, params: Record<string, unknown>): unknown {
  const found: unknown[] = []
  const walk = (node: any) => {
    if (!node) return
    if (node.type === "group") return node.children.forEach(walk)
    const same = Object.entries(params).every(([k, v]) => node.params?.[k] === v)
    if (node.attribute === attribute && same) found.push(node.actual)
  }
  for (const rule of decision?.rules?.rules ?? []) walk(rule.conditions)
  if (!found.length) throw new Error(`no condition ${attribute} ${JSON.stringify(params)} in the decision`)
  return found[0]
}

const processedOrderPlaced = (log: string) => (log.match(/Processing order\.placed/g) ?? []).length

describe("when two instances share one PostgreSQL database and Redis", () => {
  let cluster: Cluster
  let A: Store
  let B: Store
  let adminA: Admin
  let adminB: Admin
  let mug = ""
  const allCarts: string[] = []
  const lines: string[] = []
  const data: Record<string, unknown> = {}

  beforeAll(async () => {
    cluster = await startCluster(2, (line) => console.log(`[cluster] ${line}`))
    A = storeOn(cluster, cluster.instances[0])
    B = storeOn(cluster, cluster.instances[1])
    adminA = await adminOn(cluster.instances[0])
    adminB = await adminOn(cluster.instances[1])
    mug = await A.variantId("kaffeebecher")
    lines.push(
      `- setup: plugin built and installed in a host app with event-bus-redis, workflow-engine-redis, locking-redis, cache-redis, caching-redis (Redis db ${cluster.redis.db}); ${cluster.timings.join(", ")}`
    )
  })

  afterAll(async () => {
    if (cluster) {
      const [a, b] = cluster.instances.map((i) => processedOrderPlaced(i.log()))
      lines.push(`- order.placed events processed: instance A ${a}, instance B ${b} (one shared BullMQ queue)`)
      data.order_placed_processed = { A: a, B: b }
    }
    writeReliabilityReport("multi-instance", "Several instances: two servers, one PostgreSQL, Redis modules", lines, data)
    await cluster?.stop()
  })

  type CartInput = Parameters<Store["createCart"]>[0]
  /** cart on `store`, COD or another provider session (must be offered and accepted) */
  const readyCart = async (store: Store, input: CartInput, providerId: string) =>
    payFor(store, await newCart(store, input), input, providerId)
  const newCart = async (store: Store, input: CartInput) => {
    const cartId = await store.createCart(input)
    allCarts.push(cartId)
    return cartId
  }
  /**
   * Carts of one new email are created one after the other (Medusa 2.21 answers 400 "Customer
   * with email … already exists" when two carts create the same guest customer at once); the
   * payment steps may then run in parallel.
   */
  const newCarts = async (inputs: Array<[Store, CartInput]>) => {
    const ids: string[] = []
    for (const [store, input] of inputs) ids.push(await newCart(store, input))
    return ids
  }
  const payFor = async (store: Store, cartId: string, input: CartInput, providerId: string) => {
    const allowed = await store.allowedIds(cartId, input.ip)
    expect(allowed).toContain(providerId)
    const session = await store.session(cartId, providerId, input.ip)
    expect(session.status).toBe(200)
    return cartId
  }

  describe("(a) when a new customer completes two COD carts at the same moment, one on each instance", () => {
    it("should place exactly one first order and refuse the other, every round", async () => {
      const rounds: Array<{ email: string; statuses: number[]; winner: string }> = []
      for (let round = 0; round < RACE_ROUNDS; round++) {
        const email = `race-${round}-${Date.now().toString(36)}@example.com`
        // odd rounds: B's cart spells the email in capitals (one shopper, one lock key)
        const inputA = { email, variantId: mug }
        const inputB = { email: round % 2 ? email.toUpperCase() : email, variantId: mug }
        const [idA, idB] = await newCarts([[A, inputA], [B, inputB]])
        const [cartA, cartB] = await Promise.all([payFor(A, idA, inputA, PROVIDERS.cod), payFor(B, idB, inputB, PROVIDERS.cod)])

        const [onA, onB] = await Promise.all([A.complete(cartA), B.complete(cartB)])

        const statuses = [onA.status, onB.status]
        const orders = await cluster.sql(`select id from "order" where lower(email) = $1 and deleted_at is null`, [email])
        rounds.push({ email, statuses, winner: onA.status === 200 ? "A" : onB.status === 200 ? "B" : "none" })
        expect([...statuses].sort()).toEqual([200, 400])
        expect([onA, onB].filter((r: Answer) => r.data?.type === "order")).toHaveLength(1)
        expect(orders).toHaveLength(1)
      }
      data.first_order_race = rounds
      lines.push(
        `- (a) first-order race, ${RACE_ROUNDS} rounds (two COD carts of one new email completed at once, one per instance): ` +
          `${rounds.filter((r) => r.statuses.sort().join() === "200,400").length}/${RACE_ROUNDS} rounds placed exactly one order and refused the other (400); ` +
          `winners ${rounds.map((r) => r.winner).join(" ")}`
      )
    })
  })

  describe("(b) when six carts of one shopper complete at once across both instances", () => {
    it("should count every completed order in the velocity facts of the next cart, on either instance", async () => {
      const email = `velocity-${Date.now().toString(36)}@example.com`
      const ip = "198.51.100.23" // documentation range: only a header value, no traffic goes there
      const address = { address_1: "Lindenweg 7", postal_code: "20095", city: "Hamburg", phone: "+49 40 5550123" }
      // velocity conditions that never hold, so the decision traces their counts (the defaults
      // already count the shipping address over a day and the IP over an hour)
      const never = (attribute: string, source: string) => ({
        type: "condition",
        attribute,
        operator: "gte",
        value: 1000,
        params: { window_minutes: 60, source },
      })
      const rule = await adminA.post("/admin/payment-risk/rules", {
        name: "Velocity probe",
        priority: 900,
        conditions: {
          type: "group",
          combinator: "or",
          children: [never("velocity.email", "orders"), never("velocity.email", "carts"), never("velocity.phone", "orders")],
        },
        actions: [{ type: "add_score", points: 1 }],
      })
      expect(rule.status).toBe(201)

      const input = { email, variantId: mug, shipping: address, ip }
      const stores = Array.from({ length: VELOCITY_CARTS }, (_, i) => (i % 2 ? B : A))
      const ids = await newCarts(stores.map((store) => [store, input]))
      const carts = await Promise.all(ids.map((id, i) => payFor(stores[i], id, input, PROVIDERS.prepayment)))
      const results = await Promise.all(carts.map((cartId, i) => (i % 2 ? B : A).complete(cartId)))
      expect(results.map((r) => r.status)).toEqual(carts.map(() => 200))

      // each completion counted the orders completed before it: 0…5, none twice, none lost
      const stored = await cluster.sql(`select cart_id, decision from payment_risk_assessment where cart_id = any($1)`, [carts])
      const seen = stored.map((row) => conditionActual(row.decision, "velocity.email", { source: "orders" })).sort()
      expect(seen).toEqual([0, 1, 2, 3, 4, 5])

      const seventh = await A.createCart({ email, variantId: mug, shipping: address, ip })
      allCarts.push(seventh)
      const evaluated = await adminB.post("/admin/payment-risk/evaluate", { cart_id: seventh, ip })
      expect(evaluated.status).toBe(200)
      const decision = evaluated.data.decision
      const counts = {
        email_orders_60: conditionActual(decision, "velocity.email", { source: "orders", window_minutes: 60 }),
        email_carts_60: conditionActual(decision, "velocity.email", { source: "carts", window_minutes: 60 }),
        phone_orders_60: conditionActual(decision, "velocity.phone", { source: "orders", window_minutes: 60 }),
        shipping_address_orders_1440: conditionActual(decision, "velocity.shipping_address", { source: "orders", window_minutes: 1440 }),
        ip_carts_60: conditionActual(decision, "velocity.ip", { source: "carts", window_minutes: 60 }),
      }
      data.velocity = { completions_saw: seen, seventh_cart_counts: counts }
      expect(counts).toEqual({
        email_orders_60: VELOCITY_CARTS,
        email_carts_60: VELOCITY_CARTS,
        phone_orders_60: VELOCITY_CARTS,
        shipping_address_orders_1440: VELOCITY_CARTS,
        ip_carts_60: VELOCITY_CARTS,
      })
      lines.push(
        `- (b) velocity: ${VELOCITY_CARTS} carts of one email/phone/IP/address completed at once (A/B alternating): all placed; ` +
          `the completions saw ${seen.join(",")} earlier orders; a 7th cart evaluated on B counts ${Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(", ")}`
      )
    })
  })

  describe("(c) when orders that the rules flag are placed through instance A", () => {
    it("should flag each once and link one assessment, whichever instance consumed order.placed", async () => {
      // disposable email (+30), new customer to a packing station (+10), shipping ≠ billing (+15): 55 ≥ 50;
      // own IP, email and packing station per order, so no velocity or duplicate rule adds to it
      const carts = await Promise.all(
        Array.from({ length: 4 }, (_, i) => {
          const email = `flag-${i}-${Date.now().toString(36)}@mailinator.com`
          const packstation = { address_1: `Packstation 12${i}`, postal_code: "10117", city: "Berlin", phone: "+49 30 5550199" }
          const home = { address_1: `Gartenweg ${i + 3}`, postal_code: "10117", city: "Berlin", phone: "+49 30 5550199" }
          const ip = `198.51.100.${101 + i}`
          return readyCart(A, { email, variantId: mug, shipping: packstation, billing: home, ip }, PROVIDERS.cod)
        })
      )
      const results = await Promise.all(carts.map((cartId) => A.complete(cartId)))
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200])
      const orderIds = results.map((r) => r.data.order.id as string)

      const states = await waitForSubscribers(cluster.sql, carts, 60_000)
      // a redelivered or doubly consumed event would show up a moment later: wait, then read again
      await new Promise((r) => setTimeout(r, 3000))
      const settled = await waitForSubscribers(cluster.sql, carts, 1000)
      const flags = await cluster.sql(
        `select order_id, details from payment_risk_review_event where action = 'flagged' and deleted_at is null and order_id = any($1)`,
        [orderIds]
      )
      const perOrder = orderIds.map((orderId, i) => {
        const state = settled.get(carts[i])!
        return {
          order_id: orderId,
          flagged_events: flags.filter((f) => f.order_id === orderId).length,
          review_status: state.assessments[0]?.review_status,
          links: state.links.length,
        }
      })
      data.review_flags = perOrder
      expect(states.size).toBe(4)
      expect(perOrder).toEqual(orderIds.map((order_id) => ({ order_id, flagged_events: 1, review_status: "pending", links: 1 })))
      for (const flag of flags) expect(flag.details.score).toBeGreaterThanOrEqual(50)
      lines.push(
        `- (c) review flags: ${orderIds.length} orders flagged by score (55 ≥ 50) placed via A: each has ${perOrder.map((p) => p.flagged_events).join("/")} flagged event(s), status pending, ${perOrder.map((p) => p.links).join("/")} assessment link(s)`
      )
    })
  })

  describe("(d) when the settings are changed through one instance", () => {
    it("should decide the next cart on the other instance with the new settings", async () => {
      const newCustomer = () => `settings-${Math.random().toString(36).slice(2)}@example.com`
      const before = await B.allowedIds(await B.createCart({ email: newCustomer(), variantId: mug }))
      expect(before).not.toContain(PROVIDERS.invoice)

      // A switches the first-order rule off: B offers invoice to a new customer at once
      expect((await adminA.post("/admin/payment-risk/settings", { first_order: { enabled: false } })).status).toBe(200)
      const afterOff = await B.allowedIds(await B.createCart({ email: newCustomer(), variantId: mug }))
      expect(afterOff).toContain(PROVIDERS.invoice)

      // B switches it on again: A hides invoice again at once
      expect((await adminB.post("/admin/payment-risk/settings", { first_order: { enabled: true } })).status).toBe(200)
      const afterOn = await A.allowedIds(await A.createCart({ email: newCustomer(), variantId: mug }))
      expect(afterOn).not.toContain(PROVIDERS.invoice)
      data.settings = { before, after_off_on_A: afterOff, after_on_on_B: afterOn }
      lines.push(
        `- (d) settings: first-order rule switched off via A → B offers invoice to the next new customer at once; switched on via B → A hides it at once`
      )
    })
  })

  describe("(e) when one cart is completed on both instances at the same moment (double submit)", () => {
    it("should place one order with one assessment and answer no 5xx", async () => {
      const rounds: Array<{ statuses: number[]; orders: number }> = []
      const carts = await Promise.all(
        [0, 1, 2].map((round) => readyCart(A, { email: `double-${round}-${Date.now().toString(36)}@example.com`, variantId: mug }, PROVIDERS.cod))
      )
      for (const cartId of carts) {
        const answers = await Promise.all([A.complete(cartId), B.complete(cartId)])
        const orders = await cluster.sql(`select order_id from order_cart where cart_id = $1 and deleted_at is null`, [cartId])
        rounds.push({ statuses: answers.map((a) => a.status), orders: orders.length })
        expect(answers.filter((a) => a.status >= 500)).toEqual([])
        expect(orders).toHaveLength(1)
        // every successful answer names that one order
        for (const a of answers.filter((a) => a.status === 200)) expect(a.data.order?.id).toBe(orders[0].order_id)
      }
      data.double_submit = rounds
      lines.push(
        `- (e) double submit of one cart on A and B at once, 3 rounds: statuses ${rounds.map((r) => r.statuses.join("/")).join(", ")}; one order per cart`
      )
    })
  })

  describe("(g) when the daily dunning job runs in two processes at the same moment", () => {
    // each process boots, says it is ready, and waits for the other one: the two runs start together
    const JOB_SCRIPT = `import fs from "fs"
import { runDunning } from "medusa-payment-risk/jobs/dunning-run"

export default async function ({ container }: { container: any }) {
  fs.writeFileSync("ready-" + process.env.DUNNING_NAME, "")
  const deadline = Date.now() + 120000
  while (!["one", "two"].every((name) => fs.existsSync("ready-" + name)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20))
  }
  const result = await runDunning(container, { today: process.env.DUNNING_TODAY })
  console.log("DUNNING_RESULT=" + JSON.stringify(result))
}
`
    const resultOf = (output: string) => {
      const found = /DUNNING_RESULT=(\{.*\})/.exec(output)
      if (!found) throw new Error(`no result from the dunning job:\n${output.slice(-3000)}`)
      return JSON.parse(found[1]) as { due: number; sent: number; already_sent: number; emails: number; failed: number }
    }

    it("should record and send the due stage of an unpaid invoice once", async () => {
      // a new shopper may pay by invoice while the first-order rule is off; dunning on
      const on = await adminA.post("/admin/payment-risk/settings", { first_order: { enabled: false }, dunning: { enabled: true } })
      expect(on.status).toBe(200)
      try {
        const input = { email: `dunning-${Date.now().toString(36)}@example.com`, variantId: mug }
        const cartId = await readyCart(B, input, PROVIDERS.invoice)
        const placed = await B.complete(cartId)
        expect(placed.status).toBe(200)
        const orderId = placed.data.order.id as string
        // the receivable is opened by order.placed, consumed by either instance
        const deadline = Date.now() + 60_000
        while (!(await cluster.sql(`select 1 from payment_risk_receivable where order_id = $1`, [orderId])).length) {
          if (Date.now() > deadline) throw new Error(`no receivable for ${orderId} after 60 s`)
          await new Promise((r) => setTimeout(r, 500))
        }

        // 30 days on, the payment reminder is due; both processes start the run at once
        const today = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10)
        const runs = await Promise.all(
          ["one", "two"].map((name) => cluster.exec(`run-dunning-${name}.ts`, JOB_SCRIPT, { DUNNING_TODAY: today, DUNNING_NAME: name }))
        )
        for (const run of runs) expect(run.code).toBe(0)
        const [one, two] = runs.map((run) => resultOf(run.output))
        const ours = await cluster.sql(
          `select external_id from payment_risk_outcome where order_id = $1 and kind = 'dunning_stage' and deleted_at is null`,
          [orderId]
        )
        const emails = await cluster.sql(
          `select id from notification where template = 'payment-risk.dunning-stage' and data->>'order_id' = $1`,
          [orderId]
        )
        const warnings = runs.flatMap((run) => run.output.split("\n").filter((line) => /payment-risk dunning|rror/.test(line)))
        data.dunning_two_processes = { one, two, stages: ours.map((s) => s.external_id), emails: emails.length, warnings }
        lines.push(
          `- (g) dunning job in two processes at once (30 days after an invoice order): runs ${JSON.stringify(one)} / ${JSON.stringify(two)}; ` +
            `stages recorded ${ours.length}, emails ${emails.length}`
        )
        expect(one.failed + two.failed).toBe(0)
        expect(one.sent + two.sent).toBe(1)
        // both saw the stage due: they really ran at the same time, one lost to the other
        expect(one.due + two.due).toBe(2)
        expect(one.already_sent + two.already_sent).toBe(1)
        expect(ours.map((s) => s.external_id)).toEqual([`dunning:${orderId}:0`])
        expect(emails).toHaveLength(1)
      } finally {
        await adminA.post("/admin/payment-risk/settings", { first_order: { enabled: true }, dunning: { enabled: false } })
      }
    })
  })

  describe("(f) when every cart of this file is checked in the database", () => {
    it("should hold one assessment per cart and one link per order, with no accepted completion lost", async () => {
      const states = await waitForSubscribers(cluster.sql, allCarts, 60_000)
      const violations = invariantViolations(states)
      const orders = [...states.values()].reduce((n, s) => n + s.order_ids.length, 0)
      data.invariants = { carts: allCarts.length, orders, violations }
      lines.push(`- (f) database: ${allCarts.length} carts, ${orders} orders, invariant violations: ${violations.length}`)
      expect(violations).toEqual([])
    })
  })
})
