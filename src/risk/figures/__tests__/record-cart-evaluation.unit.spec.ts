import type { MedusaContainer } from "@medusajs/framework/types"
import type { Decision } from "../../../engine"
import type PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { CartEvaluationFacts, forgetRecordedEvaluations, MAX_PENDING_FIGURE_WRITES, recordCartEvaluation, unreportedLostEvaluations } from "../record-cart-evaluation"

const warnings: string[] = []
const container = { resolve: () => ({ warn: (message: string) => warnings.push(message) }) } as unknown as MedusaContainer

type Lost = Array<{ day: Date; currency_code: string; count: number }>

function fakeService(answer: () => Promise<string>, reportLost: (lost: Lost) => Promise<void> = async () => {}) {
  const calls: string[] = []
  const reported: Lost[] = []
  const service = {
    recordCartEvaluation: async (row: { cart_id: string }) => {
      calls.push(row.cart_id)
      return answer()
    },
    recordLostEvaluations: async (lost: Lost) => {
      reported.push(lost)
      return reportLost(lost)
    },
  } as unknown as PaymentRiskModuleService
  return { service, calls, reported }
}

const flush = () => new Promise((resolve) => setImmediate(resolve))
const today = () => new Date(new Date().toISOString().slice(0, 10) + "T00:00:00.000Z")

const decision = (hidden: boolean): Decision =>
  ({
    allowed_provider_ids: hidden ? ["pp_prepayment"] : ["pp_prepayment", "pp_invoice"],
    hidden: hidden ? [{ provider_id: "pp_invoice", risk_class: "invoice", reasons: [{ check: "first_order", code: "new_customer", message: "", values: {} }] }] : [],
    fallback: false,
    engine_version: "test",
    facts: { paid_order_count: 0, awaiting_payment_order_count: 0, is_new_customer: true },
  }) as unknown as Decision

const facts = (cartId: string, hidden: boolean, paid?: { queries: number; cost: number }): CartEvaluationFacts => ({
  stage: "listing",
  snapshot: { id: cartId, currency_code: "eur", total: 50, providers: [{ id: "pp_prepayment", risk_class: "prepayment" }, { id: "pp_invoice", risk_class: "invoice" }] },
  decision: decision(hidden),
  started_at: new Date(),
  ...(paid ? { paid_credit: paid } : {}),
})

describe("recordCartEvaluation", () => {
  beforeEach(() => {
    forgetRecordedEvaluations()
    warnings.length = 0
  })

  it("writes a cart's decision once per process: reloads of the payment step start no database write", async () => {
    const { service, calls } = fakeService(async () => "unchanged")
    await recordCartEvaluation(container, service, facts("cart_a", true))
    await recordCartEvaluation(container, service, facts("cart_a", true))
    await recordCartEvaluation(container, service, facts("cart_a", true))
    expect(calls).toEqual(["cart_a"])
  })

  it("writes again when the decision changes, for another cart, and always when a credit query was paid", async () => {
    const { service, calls } = fakeService(async () => "inserted")
    await recordCartEvaluation(container, service, facts("cart_a", true))
    await recordCartEvaluation(container, service, facts("cart_a", false))
    await recordCartEvaluation(container, service, facts("cart_b", true))
    await recordCartEvaluation(container, service, facts("cart_a", true, { queries: 1, cost: 0.5 }))
    expect(calls).toEqual(["cart_a", "cart_a", "cart_b", "cart_a"])
  })

  it("tries again after a failed write, and never throws", async () => {
    let fail = true
    const { service, calls } = fakeService(async () => {
      if (fail) throw new Error("canceling statement due to lock timeout")
      return "inserted"
    })
    await expect(recordCartEvaluation(container, service, facts("cart_a", true))).resolves.toBe(false)
    fail = false
    await expect(recordCartEvaluation(container, service, facts("cart_a", true))).resolves.toBe(true)
    expect(calls).toEqual(["cart_a", "cart_a"])
    expect(warnings.join("\n")).toContain("not recorded")
  })

  it("loses the figure, not the answer, when the row cannot be built", async () => {
    const { service, calls } = fakeService(async () => "inserted")
    const broken = { ...facts("cart_a", true), decision: null as unknown as Decision }
    await expect(recordCartEvaluation(container, service, broken)).resolves.toBe(false)
    expect(calls).toEqual([])
  })

  it("counts the evaluations it skips or fails to write, and adds them with its next successful write", async () => {
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let answers = 0
    const { service, calls, reported } = fakeService(async () => {
      answers += 1
      // the first writes wait on the database; the later one fails
      if (answers <= MAX_PENDING_FIGURE_WRITES) {
        await held
        return "inserted"
      }
      throw new Error("canceling statement due to lock timeout")
    })
    const waiting = Array.from({ length: MAX_PENDING_FIGURE_WRITES }, (_, i) => recordCartEvaluation(container, service, facts(`cart_w${i}`, true)))
    // beyond the writes in flight: skipped, counted
    await expect(recordCartEvaluation(container, service, facts("cart_skipped_1", true))).resolves.toBe(false)
    await expect(recordCartEvaluation(container, service, facts("cart_skipped_2", true))).resolves.toBe(false)
    expect(unreportedLostEvaluations()).toBe(2)
    expect(reported).toEqual([])
    release()
    await Promise.all(waiting)
    await flush()
    // the successful writes reported the two, once, per UTC day and currency
    expect(reported).toEqual([[{ day: today(), currency_code: "eur", count: 2 }]])
    expect(unreportedLostEvaluations()).toBe(0)
    // a failed write is counted too, once per cart and decision however often the shopper reloads
    await expect(recordCartEvaluation(container, service, facts("cart_failed", true))).resolves.toBe(false)
    await expect(recordCartEvaluation(container, service, facts("cart_failed", true))).resolves.toBe(false)
    expect(unreportedLostEvaluations()).toBe(1)
    await expect(recordCartEvaluation(container, service, facts("cart_failed", false))).resolves.toBe(false)
    expect(unreportedLostEvaluations()).toBe(2)
    expect(calls).toHaveLength(MAX_PENDING_FIGURE_WRITES + 3)
  })

  it("keeps the count when reporting it fails, and reports it with a later write", async () => {
    let reportFails = true
    let writeFails = true
    const { service, reported } = fakeService(
      async () => {
        if (writeFails) throw new Error("lock timeout")
        return "inserted"
      },
      async () => {
        if (reportFails) throw new Error("statement timeout")
      }
    )
    await recordCartEvaluation(container, service, facts("cart_a", true))
    writeFails = false
    await recordCartEvaluation(container, service, facts("cart_b", true))
    await flush()
    expect(reported).toHaveLength(1)
    expect(unreportedLostEvaluations()).toBe(1)
    reportFails = false
    await recordCartEvaluation(container, service, facts("cart_c", true))
    await flush()
    expect(reported).toHaveLength(2)
    expect(reported[1]).toEqual([{ day: today(), currency_code: "eur", count: 1 }])
    expect(unreportedLostEvaluations()).toBe(0)
  })
})
