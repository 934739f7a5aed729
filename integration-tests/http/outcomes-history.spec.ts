import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { captureOrderPayment } from "../helpers/checkout"
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
