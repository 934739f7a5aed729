/**
 * Load (issue 7): N shoppers run full checkouts against one in-process store for a fixed time
 * (loopback only, bounded), then the database must hold exactly what the answers said.
 *
 * Each shopper loops over scenarios (helpers/load-shopper.ts): new customers with COD, new
 * customers above the COD limit (prepayment), returning customers with invoice, a second COD
 * first order that completion must refuse, and a double-submitted completion. Every call is
 * counted by status; any 5xx, and any 4xx the scenario did not expect, fails the test.
 * Afterwards (once the order.placed subscribers have run): every order has exactly one linked
 * assessment of its own cart, no cart has two assessments or two orders, no accepted completion
 * lacks its order, no order is flagged twice.
 *
 * Before the timed run, a burst: 32 carts of one returning customer completed at the same moment.
 * They queue on the shopper's completion lock; those that wait longer than the lock timeout must
 * get a retryable 409 (not a 500), and their retry must place the order.
 *
 * Figures go to .test-results/reliability/load.json. LOAD_SHOPPERS / LOAD_SECONDS / LOAD_BURST
 * change the defaults (8 shoppers, 30 s, 32 carts).
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders } from "../helpers/admin"
import { captureOrderPayment } from "../helpers/checkout"
import { placeOrder } from "../helpers/review"
import { PROVIDERS, seedStore } from "../helpers/store"
import { invariantViolations, Sql, waitForSubscribers } from "./helpers/load-db-checks"
import { percentile, writeReliabilityReport } from "./helpers/load-report"
import { newLoadState, runBurst, runLoad } from "./helpers/load-shopper"

const SHOPPERS = Number(process.env.LOAD_SHOPPERS || 8)
const SECONDS = Number(process.env.LOAD_SECONDS || 30)
const RETURNING_CUSTOMERS = 4
/** carts of one returning customer completed at once: on a busy 2-core machine the last ones wait > 15 s */
const BURST = Number(process.env.LOAD_BURST || 32)
/** Medusa 2.21's error handler answers every CONFLICT with this text (the plugin's own is replaced) */
const MEDUSA_CONFLICT_MESSAGE =
  "The request conflicted with another request. You may retry the request with the provided Idempotency-Key."

jest.setTimeout(3 * 60 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    describe(`when ${SHOPPERS} shoppers check out concurrently for ${SECONDS} s`, () => {
      it("should answer no 5xx, refuse only what the rules refuse, and store exactly one assessment per order", async () => {
        const container = getContainer()
        const store = await seedStore(container)
        const admin = await adminHeaders(container, api)
        const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const sql: Sql = async (text, params) => (await knex.raw(text.replace(/\$\d+/g, "?"), (params ?? []) as string[])).rows

        // returning customers: one paid order each, so invoice is offered to them
        const phases: string[] = []
        let phaseStart = Date.now()
        const phase = (name: string) => {
          phases.push(`${name} ${((Date.now() - phaseStart) / 1000).toFixed(1)} s`)
          phaseStart = Date.now()
        }
        const returning = Array.from({ length: RETURNING_CUSTOMERS }, (_, i) => `load-returning-${i}@example.com`)
        await Promise.all(
          returning.map(async (email) => {
            const { orderId } = await placeOrder(api, store, { email })
            await captureOrderPayment(api, admin, orderId)
          })
        )
        phase("returning customers")

        // first a retry storm of one shopper, alone, so its lock queue is as long as it gets
        const burstState = newLoadState(store, returning)
        const burst = await runBurst(api, burstState, returning[0], BURST, PROVIDERS.invoice)
        phase("burst")

        const state = newLoadState(store, returning)
        const elapsedMs = await runLoad(api, state, SHOPPERS, SECONDS * 1000)
        phase("timed run")

        const completions = [...burstState.completions, ...state.completions]
        const cartIds = [...new Set(completions.map((c) => c.cart_id))]
        const waitStarted = Date.now()
        const states = await waitForSubscribers(sql, cartIds, 60_000)
        const subscriberWaitMs = Date.now() - waitStarted
        const violations = invariantViolations(states)
        phase("database checks")

        // the answers and the tables agree: an order for each 200, none for each refusal
        const mismatches: string[] = []
        for (const c of completions) {
          const s = states.get(c.cart_id)!
          if (c.order_id && !s.order_ids.includes(c.order_id)) mismatches.push(`cart ${c.cart_id}: answered order ${c.order_id}, table has ${s.order_ids}`)
          if (c.expected === "refused" && c.status === 400) {
            if (s.order_ids.length) mismatches.push(`cart ${c.cart_id}: refused but has order ${s.order_ids}`)
            if (s.assessments[0]?.outcome !== "refused") mismatches.push(`cart ${c.cart_id}: refused, assessment ${s.assessments[0]?.outcome}`)
          }
        }

        const orders = [...states.values()].reduce((n, s) => n + s.order_ids.length, 0)
        const placedIn = (list: typeof completions) => new Set(list.flatMap((c) => (c.order_id ? [c.order_id] : []))).size
        const placed = placedIn(state.completions)
        const fivexx = [...burstState.statuses.entries(), ...state.statuses.entries()].filter(([key]) => / 5\d\d$/.test(key))
        const flagged = [...states.values()].reduce((n, s) => n + Object.keys(s.flags).length, 0)
        const summary = {
          shoppers: SHOPPERS,
          seconds: Math.round(elapsedMs / 100) / 10,
          checkouts_completed: placed,
          checkouts_per_second: Math.round((placed / (elapsedMs / 1000)) * 100) / 100,
          completion_calls: state.completionMs.length,
          completion_p50_ms: Math.round(percentile(state.completionMs, 50)),
          completion_p99_ms: Math.round(percentile(state.completionMs, 99)),
          orders_in_db: orders,
          burst_orders: placedIn(burstState.completions),
          flagged_orders: flagged,
          subscriber_wait_ms: subscriberWaitMs,
        }
        writeReliabilityReport(
          "load",
          `Load: ${SHOPPERS} concurrent shoppers for ${SECONDS} s (in-process store, loopback)`,
          [
            `- timed run: ${summary.checkouts_completed} checkouts completed in ${summary.seconds} s (${summary.checkouts_per_second}/s); completion p50 ${summary.completion_p50_ms} ms, p99 ${summary.completion_p99_ms} ms over ${summary.completion_calls} calls`,
            `- burst: ${burst.carts} carts of one returning customer completed at once in ${Math.round(burst.ms)} ms: ${burst.first.filter((c) => c.status === 200).length} orders, ${burst.first.filter((c) => c.status === 409).length} × 409 "try again" (lock wait > 15 s), all of those placed on retry: ${burst.retried.every((c) => c.status === 200) ? "yes" : "NO"}`,
            `- scenarios run: ${state.scenariosRun.entries().map(([k, n]) => `${k} ${n}`).join(", ")}`,
            `- statuses: ${state.statuses.entries().map(([k, n]) => `${k}: ${n}`).join(", ")}`,
            `- refused completions by reason: ${state.refusals.entries().map(([k, n]) => `${k}: ${n}`).join(", ") || "none"}`,
            `- 5xx: ${fivexx.reduce((n, [, c]) => n + c, 0)}; unexpected answers: ${state.unexpected.entries().reduce((n, [, c]) => n + c, 0)}`,
            `- phases: ${phases.join(", ")}`,
            `- database (burst and timed run): ${orders} orders, each with exactly one linked assessment: ${violations.length ? `NO (${violations.length} violations)` : "yes"}; ${flagged} flagged for review (each once); subscribers done ${subscriberWaitMs} ms after the last answer`,
          ],
          {
            summary,
            statuses: state.statuses.counts,
            unexpected: state.unexpected.counts,
            burst: { statuses: burstState.statuses.counts, unexpected: burstState.unexpected.counts, ms: Math.round(burst.ms) },
            violations,
            mismatches,
          }
        )

        expect(fivexx).toEqual([])
        expect(burstState.unexpected.entries()).toEqual([])
        expect(state.unexpected.entries()).toEqual([])
        expect(violations).toEqual([])
        expect(mismatches).toEqual([])
        expect(orders).toBe(placed + placedIn(burstState.completions))
        expect(placedIn(burstState.completions)).toBe(burst.carts)
        // every scenario ran and the rules refused what they must
        expect(state.scenariosRun.entries().length).toBe(5)
        for (const c of burst.first.filter((c) => c.status === 409)) expect(c.message).toBe(MEDUSA_CONFLICT_MESSAGE)
        expect(burst.retried.map((c) => c.status)).toEqual(burst.retried.map(() => 200))
        expect(state.refusals.get("second COD first order while the first awaits payment")).toBe(
          state.scenariosRun.get("second_first_order")
        )
        // the load really ran: every shopper placed at least one order
        expect(placed).toBeGreaterThanOrEqual(SHOPPERS)
      })
    })
  },
})
