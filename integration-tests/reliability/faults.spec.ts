import path from "node:path"
import { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"
import { hangingBureau } from "./helpers/faults-bureau"
import { captureLogger } from "./helpers/faults-capture"
import { terminateBackends } from "./helpers/faults-db"
import { runLoad, Sample } from "./helpers/faults-load"
import { percentiles, writeReliabilityReport } from "./helpers/faults-report"

// The merchant's bureau endpoint (generic HTTP provider) is a stand-in on loopback that never answers.
const PORT = 21000 + (process.pid % 20000)
process.env.PAYMENT_RISK_BUREAU_URL = `http://127.0.0.1:${PORT}/check`
process.env.PAYMENT_RISK_BUREAU_SECRET = "faults-bureau-secret-0123456789"
const bureau = hangingBureau(PORT)
beforeAll(() => bureau.listen())
afterAll(() => bureau.close())

/** stack frames of the plugin's own code (not node_modules/@medusajs/utils/src/…) */
const PLUGIN_SOURCE = `${path.join(process.cwd(), "src")}${path.sep}`
/** What a new customer normally sees (first-order rule): cash on delivery and prepayment. */
const NEW_CUSTOMER = [PROVIDERS.cod, PROVIDERS.prepayment].sort()
const FALLBACK = [PROVIDERS.prepayment]
const report: string[] = []
afterAll(() => writeReliabilityReport("faults", "Faults: database drop, hanging credit bureau, throwing rule", report))

withTestStore({ timeout: 170 * 1000 }, (ctx) => {
  const ok = { validateStatus: () => true }
  const ids = (data: any): string[] => (data?.payment_providers ?? []).map((p: { id: string }) => p.id).sort()
  const logger = () => ctx.container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)

  const providersOf = async (cartId: string): Promise<Sample> => {
    const started = Date.now()
    const res = await ctx.api.get(`/store/carts/${cartId}/payment-providers`, { ...ctx.shop.headers, ...ok })
    return { started, ended: Date.now(), status: res.status, ids: ids(res.data) }
  }

  describe("when the database drops every connection during load", () => {
    it("should answer every payment-providers request without a plugin 5xx and give full decisions again without a restart", async () => {
      const carts = await Promise.all(["a", "b", "c", "d"].map((n) => ctx.shop.createCart({ email: `drop-${n}@example.com` })))
      await ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: "gesperrt@example.com", reason: "Betrug", source: "manual" }, ctx.admin)
      for (const cart of carts) expect((await providersOf(cart.id)).ids).toEqual(NEW_CUSTOMER)

      const logs = captureLogger(logger())
      const drops: Array<{ at: number; terminated: number }> = []
      const loadStarted = Date.now()
      const samples = await runLoad({
        concurrency: 4,
        durationMs: 15000,
        request: (worker) => providersOf(carts[worker % carts.length].id),
        during: async (sleep) => {
          for (const wait of [2500, 4000, 4000]) {
            await sleep(wait)
            drops.push({ at: Date.now(), terminated: await terminateBackends(ctx.dbConfig.clientUrl) })
          }
        },
      })
      logs.stop()

      const lastDrop = drops[drops.length - 1].at
      const fiveXX = samples.filter((s) => s.status >= 500 || s.status === 0)
      // Medusa logs the error of every 5xx with its stack: it is the plugin's when the stack passes through the plugin's code
      const errors = logs.lines.filter((line) => line.level === "error").map((line) => line.text)
      const pluginErrors = errors.filter((text) => text.includes(PLUGIN_SOURCE))
      const medusaErrors = errors.filter((text) => !text.includes(PLUGIN_SOURCE))
      const fallbacks = samples.filter((s) => s.status === 200 && s.ids.join() === FALLBACK.join())
      const firstFull = samples.find((s) => s.started > lastDrop && s.status === 200 && s.ids.join() === NEW_CUSTOMER.join())
      const recoveryMs = firstFull ? firstFull.ended - lastDrop : null

      report.push(
        "### Database connections terminated during load",
        `- load: 4 concurrent GET /store/carts/:id/payment-providers for ${((Date.now() - loadStarted) / 1000).toFixed(1)} s, ${drops.length} drops (backends terminated: ${drops.map((d) => d.terminated).join(", ")})`,
        `- requests during the drops: ${samples.length}; 200: ${samples.filter((s) => s.status === 200).length}; fallback answers (prepayment only): ${fallbacks.length}; 5xx: ${fiveXX.length}; errors logged from the plugin's code: ${pluginErrors.length}, from Medusa's own code (e.g. the publishable-key middleware before the plugin's route): ${medusaErrors.length}; other: ${samples.filter((s) => s.status !== 200 && s.status > 0 && s.status < 500).length}`,
        `- recovery after the last drop: first full decision after ${recoveryMs ?? "—"} ms`
      )
      if (medusaErrors.length) report.push(`- first error in Medusa's code: \`${medusaErrors[0].split("\n")[0].replace(/'pk_\w+'/, "'pk_…'").slice(0, 140)}…\``)

      expect(drops.every((d) => d.terminated > 0)).toBe(true)
      expect(samples.length).toBeGreaterThan(40)
      // every answer is a decision: the full one or the fail-safe fallback, never something else
      for (const s of samples.filter((s) => s.status === 200)) expect([NEW_CUSTOMER.join(), FALLBACK.join()]).toContain(s.ids.join())
      // no 5xx comes from the plugin: each one has an error logged by Medusa's own code (outside the plugin)
      expect(pluginErrors).toEqual([])
      expect(fiveXX.filter((s) => s.status === 0)).toEqual([])
      expect(fiveXX.length).toBeLessThanOrEqual(medusaErrors.length)
      expect(recoveryMs).not.toBeNull()

      // the same server, not restarted: full decisions for every cart, and the admin side answers too
      for (let round = 0; round < 3; round++) {
        for (const cart of carts) {
          const sample = await providersOf(cart.id)
          expect([sample.status, sample.ids]).toEqual([200, NEW_CUSTOMER])
        }
      }
      const check = await ctx.api.post("/admin/payment-risk/negative-list/check", { email: "gesperrt@example.com" }, { ...ctx.admin, ...ok })
      expect(check.status).toBe(200)
      expect(check.data.matches).toHaveLength(1)
      const order = await ctx.shop.checkout({ email: "nach-dem-abbruch@example.com", providerId: PROVIDERS.cod })
      expect(order.completion.data.type).toBe("order")
    })
  })

  describe("when the credit bureau accepts the connection and never answers", () => {
    const EVALUATION_BUDGET = 3000
    const settings = (credit: Record<string, unknown>, evaluation_timeout_ms = EVALUATION_BUDGET) =>
      ctx.api.post(
        "/admin/payment-risk/settings",
        {
          // every new customer could get invoice, so every cart of ≥ 1 € asks the bureau;
          // no circuit breaker, so every request meets the hanging bureau
          first_order: { enabled: false },
          credit_check: { enabled: true, min_amount: 1, providers: [{ id: "bureau", cost: 1 }], breaker_failures: 100, ...credit },
          evaluation_timeout_ms,
        },
        ctx.admin
      )
    const concurrently = <T>(items: T[], run: (item: T) => Promise<Sample>) => Promise.all(items.map(run))
    const latency = (s: Sample) => s.ended - s.started

    /** Payment session for `providerId` and completion of each cart, all at once. */
    const checkoutAll = (carts: Array<{ id: string }>, providerId: string) =>
      Promise.all(
        carts.map(async (cart) => {
          const collection = await ctx.shop.paymentCollection(cart.id)
          const session = await ctx.shop.createSession(collection.id, providerId)
          const started = Date.now()
          const completion = await ctx.shop.complete(cart.id)
          return { session: session.status, type: completion.data?.type, ms: Date.now() - started }
        })
      )
    const newCarts = (prefix: string) => Promise.all([1, 2, 3, 4].map((n) => ctx.shop.createCart({ email: `${prefix}-${n}@example.com` })))

    it("should decide within the credit budget without credit (no invoice) and let checkout go on", async () => {
      const timeout = 1000
      const carts = await newCarts("haengt")
      // the same four requests without a credit check: what the hanging bureau adds is measured against this
      await settings({ enabled: false, timeout_ms: timeout })
      const baseline = await concurrently(carts, (cart) => providersOf(cart.id))
      await settings({ timeout_ms: timeout })
      const before = bureau.state.requests
      const answers = await concurrently(carts, (cart) => providersOf(cart.id))
      const completions = await checkoutAll(carts, PROVIDERS.cod)
      const [b, p] = [percentiles(baseline.map(latency)), percentiles(answers.map(latency))]
      report.push(
        "### Credit bureau that never answers",
        `- credit budget ${timeout} ms, evaluation budget ${EVALUATION_BUDGET} ms, 4 concurrent carts: payment-providers without credit check p50 ${b.p50} / max ${b.max} ms; with the hanging bureau p50 ${p.p50} / max ${p.max} ms, each without invoice (cash on delivery and prepayment offered); 4 completions with cash on delivery in max ${Math.max(...completions.map((c) => c.ms))} ms`
      )
      expect(bureau.state.requests - before).toBeGreaterThanOrEqual(4)
      for (const answer of answers) {
        expect(answer.status).toBe(200)
        expect(answer.ids).not.toContain(PROVIDERS.invoice)
        expect(answer.ids).toEqual(expect.arrayContaining([PROVIDERS.cod, PROVIDERS.prepayment]))
        expect(latency(answer)).toBeGreaterThanOrEqual(timeout - 50)
        expect(latency(answer)).toBeLessThan(EVALUATION_BUDGET + 500)
        // the hang costs the credit budget and no more
        expect(latency(answer)).toBeLessThan(b.max + timeout + 750)
      }
      expect(completions).toEqual(completions.map((c) => ({ ...c, session: 200, type: "order" })))
      // the plugin aborts its request at the budget: the sockets to the bureau close (undici lets an aborted one linger a few seconds)
      let open = bureau.openConnections()
      for (let i = 0; i < 50 && open > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 200))
        open = bureau.openConnections()
      }
      expect(open).toBe(0)
    })

    it("should give the configured fallback within the evaluation budget when that is shorter, and let checkout go on", async () => {
      const budget = 800
      const carts = await newCarts("budget")
      await settings({ enabled: false, timeout_ms: 5000 }, budget)
      const baseline = await concurrently(carts, (cart) => providersOf(cart.id))
      await settings({ timeout_ms: 5000 }, budget)
      const logs = captureLogger(logger())
      const answers = await concurrently(carts, (cart) => providersOf(cart.id))
      const completions = await checkoutAll(carts, PROVIDERS.prepayment)
      logs.stop()
      const [b, p] = [percentiles(baseline.map(latency)), percentiles(answers.map(latency))]
      report.push(
        `- evaluation budget ${budget} ms, credit budget 5000 ms, 4 concurrent carts: without credit check p50 ${b.p50} / max ${b.max} ms; with the hanging bureau p50 ${p.p50} / max ${p.max} ms, each the fallback (prepayment only); 4 completions with prepayment in max ${Math.max(...completions.map((c) => c.ms))} ms`
      )
      for (const answer of answers) {
        expect([answer.status, answer.ids]).toEqual([200, FALLBACK])
        // the budget bounds the evaluation; reading the cart and the settings comes on top, as without a credit check
        expect(latency(answer)).toBeLessThan(b.max + budget + 500)
      }
      expect(completions).toEqual(completions.map((c) => ({ ...c, session: 200, type: "order" })))
      expect(logs.lines.some((l) => l.level === "warn" && /fallback applied: evaluation exceeded 800 ms/.test(l.text))).toBe(true)
    })
  })

  describe("when a stored rule makes the evaluation throw", () => {
    it("should give the configured fallback with a fallback reason, log the rule, and let checkout go on with prepayment", async () => {
      const cart = await ctx.shop.createCart({ email: "regel@example.com" })
      // without the broken rule the cart gets the normal first-order decision
      expect((await providersOf(cart.id)).ids).toEqual(NEW_CUSTOMER)

      // a row the API would refuse (a group without children), as an older version or a manual edit may leave it
      const pg = ctx.container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg.raw(
        `insert into payment_risk_rule (id, name, priority, enabled, conditions, actions) values (?, ?, 1, true, ?::jsonb, ?::jsonb)`,
        [
          "prrule_broken",
          "Kaputte Regel",
          JSON.stringify({ type: "group", combinator: "and", children: [{ type: "group", combinator: "or" }] }),
          JSON.stringify([{ type: "add_score", points: 10 }]),
        ]
      )

      const logs = captureLogger(logger())
      const answer = await providersOf(cart.id)
      const evaluated = await ctx.api.post("/admin/payment-risk/evaluate", { cart_id: cart.id }, { ...ctx.admin, ...ok })
      const collection = await ctx.shop.paymentCollection(cart.id)
      const invoice = await ctx.shop.createSession(collection.id, PROVIDERS.invoice)
      const prepayment = await ctx.shop.createSession(collection.id, PROVIDERS.prepayment)
      const completion = await ctx.shop.complete(cart.id)
      logs.stop()

      expect([answer.status, answer.ids]).toEqual([200, FALLBACK])
      expect(evaluated.status).toBe(200)
      expect(evaluated.data.decision).toMatchObject({ fallback: true, allowed_provider_ids: FALLBACK })
      const reasons = evaluated.data.decision.hidden.flatMap((h: { reasons: Array<{ check: string; code: string }> }) => h.reasons)
      expect(reasons).toContainEqual(expect.objectContaining({ check: "fallback", code: "evaluation_error" }))
      expect(invoice.status).toBe(400)
      expect(prepayment.status).toBe(200)
      expect(completion.data.type).toBe("order")
      const { assessments } = (await ctx.api.get(`/admin/payment-risk/assessments?cart_id=${cart.id}`, ctx.admin)).data
      expect(assessments[0]).toMatchObject({ outcome: "accepted", fallback: true })
      // the merchant can find the broken rule from the log line
      const logged = logs.lines.filter((l) => /fallback applied/.test(l.text))
      expect(logged.length).toBeGreaterThan(0)
      expect(logged[0].text).toContain("prrule_broken")
      report.push(
        "### Rule that throws",
        `- stored rule with a malformed condition tree: payment-providers answered ${answer.status} with the fallback (prepayment only) in ${answer.ended - answer.started} ms; evaluate shows fallback reason \`evaluation_error\`; invoice session ${invoice.status}, prepayment session ${prepayment.status}, completion: ${completion.data.type}`,
        `- logged (${logged[0].level}): \`${logged[0].text.slice(0, 200)}\``
      )
    })
  })
})
