import type { MedusaContainer } from "@medusajs/framework/types"
import type { Decision } from "../../../engine"
import type PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { CartEvaluationFacts, forgetRecordedEvaluations, recordCartEvaluation } from "../record-cart-evaluation"

const warnings: string[] = []
const container = { resolve: () => ({ warn: (message: string) => warnings.push(message) }) } as unknown as MedusaContainer

function fakeService(answer: () => Promise<string>) {
  const calls: string[] = []
  const service = {
    recordCartEvaluation: async (row: { cart_id: string }) => {
      calls.push(row.cart_id)
      return answer()
    },
  } as unknown as PaymentRiskModuleService
  return { service, calls }
}

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
})
