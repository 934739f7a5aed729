import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { captureOrderPayment, makePayingGuest } from "../helpers/checkout"
import { ruleBody, rulesAdmin } from "../helpers/rules"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/**
 * What happened after checkout feeds the history (seed 003 §5.3): a paid order whose money came
 * back is not paid for the first-order rule, whatever Medusa's capture says.
 */
withTestStore((ctx) => {
  const paidOrder = async (email: string) => {
    const { completion } = await ctx.shop.checkout({ email, providerId: PROVIDERS.cod })
    expect(completion.data.type).toBe("order")
    await captureOrderPayment(ctx.api, ctx.admin, completion.data.order.id)
    return completion.data.order.id as string
  }
  const record = (order_id: string, kind: "return_debit" | "chargeback" | "chargeback_reversed" | "cod_refused", day: number) =>
    ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).createPaymentOutcomes({
      order_id,
      kind,
      occurred_at: new Date(Date.UTC(2026, 10, day)),
      source: "admin",
      list_entry_ids: [],
    })

  describe("when a rule reads the open dunning amount", () => {
    const DAY = 86_400_000
    const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
    const receivableRow = async (orderId: string) => {
      for (let i = 0; i < 50; i++) {
        const [row] = await service().listReceivables({ order_id: orderId })
        if (row) return row
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`no receivable for ${orderId}`)
    }

    it("should count what her overdue invoice still claims (payments captured through Medusa, fees and interest included)", async () => {
      const email = "mahnung@example.com"
      await makePayingGuest(ctx.api, ctx.admin, ctx.shop, email)
      const { completion } = await ctx.shop.checkout({ email, providerId: PROVIDERS.invoice })
      const orderId = completion.data.order.id as string
      const row = await receivableRow(orderId)
      // invoiced 30 days ago (due 16 days ago: overdue, interest from the due date), 20.00 of 49.00 paid today
      await service().updateReceivables({ id: row.id, invoice_date: new Date(Date.now() - 30 * DAY) })
      const paid = await ctx.api.post(`/admin/payment-risk/receivables/${orderId}/payment`, { amount: 20 }, ctx.admin)
      expect(paid.data.captured_payment_ids).toHaveLength(1)
      const { receivable } = (await ctx.api.get(`/admin/payment-risk/receivables/${orderId}`, ctx.admin)).data
      expect(receivable.status).toBe("overdue")
      expect(receivable.total_due).toBeGreaterThan(29)
      expect(receivable.total_due).toBeLessThan(30)

      const rules = rulesAdmin(ctx.api, ctx.admin)
      const name = "Offene Mahnforderung"
      const created = await rules.create(
        ruleBody(name, [{ type: "condition", attribute: "customer.open_dunning_amount", operator: "gt", value: 25 }], [{ type: "add_score", points: 5 }])
      )
      expect(created.status).toBe(201)
      const trace = async (shopperEmail: string) => {
        const cart = await ctx.shop.createCart({ email: shopperEmail })
        const { data } = await rules.evaluate({ cart_id: cart.id })
        return data.decision.rules.rules.find((rule: { name: string }) => rule.name === name)
      }
      const held = await trace(email)
      expect(held.held).toBe(true)
      expect(held.conditions.children[0].actual).toBeCloseTo(receivable.total_due, 2)
      expect((await trace("jemand@example.com")).held).toBe(false)

      // paused (the shopper complained): no longer counted
      expect((await ctx.api.post(`/admin/payment-risk/receivables/${orderId}/pause`, {}, ctx.admin)).status).toBe(200)
      const paused = await trace(email)
      expect(paused.held).toBe(false)
      expect(paused.conditions.children[0].actual).toBe(0)
    })
  })

  it("should make a returning customer new again when the paid order's direct debit came back", async () => {
    const orderId = await paidOrder("stamm@example.com")
    const before = await ctx.shop.createCart({ email: "stamm@example.com" })
    expect(await ctx.shop.allowedIds(before.id)).toContain(PROVIDERS.invoice)

    await record(orderId, "return_debit", 2)
    const after = await ctx.shop.createCart({ email: "stamm@example.com" })
    // the order awaits its money again: a new customer with an open order gets prepayment only
    expect(await ctx.shop.allowedIds(after.id)).toEqual([PROVIDERS.prepayment])
  })

  it("should count a chargeback won back as paid again", async () => {
    const orderId = await paidOrder("karte@example.com")
    await record(orderId, "chargeback", 2)
    const charged = await ctx.shop.createCart({ email: "karte@example.com" })
    expect(await ctx.shop.allowedIds(charged.id)).not.toContain(PROVIDERS.invoice)

    await record(orderId, "chargeback_reversed", 9)
    const won = await ctx.shop.createCart({ email: "karte@example.com" })
    expect(await ctx.shop.allowedIds(won.id)).toContain(PROVIDERS.invoice)
  })
})
