import { captureOrderPayment } from "../helpers/checkout"
import { registerCustomer } from "../helpers/customer"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

const SHOP = {
  name: "Muster Shop",
  account_holder: "Muster Shop GmbH",
  iban: "DE89 3704 0044 0532 0130 00",
  bic: "COBADEFFXXX",
  bank_name: "Commerzbank",
}

/** Prepayment a shopper can pay (issue 19 §2): bank details, reference and GiroCode, only for the order's owner. */
withTestStore((ctx) => {
  const ok = { validateStatus: () => true }
  const storeHeaders = () => ({ "x-publishable-api-key": ctx.store.publishableKey })
  const instructions = (orderId: string, query = "", headers: Record<string, string> = storeHeaders()) =>
    ctx.api.get(`/store/orders/${orderId}/payment-instructions${query}`, { headers, ...ok })

  const placeOrder = async (providerId: string, email: string, customerHeaders?: Record<string, string>) => {
    const cart = await ctx.shop.createCart({ email, customerHeaders })
    const collection = await ctx.shop.paymentCollection(cart.id)
    expect((await ctx.shop.createSession(collection.id, providerId)).status).toBe(200)
    const completion = await ctx.shop.complete(cart.id)
    expect(completion.data.type).toBe("order")
    return { cartId: cart.id, orderId: completion.data.order.id as string, displayId: completion.data.order.display_id as number }
  }

  beforeEach(async () => {
    const saved = await ctx.api.post("/admin/payment-risk/settings", { shop: SHOP }, { ...ctx.admin, ...ok })
    expect(saved.status).toBe(200)
  })

  it("should give a guest holding the order's cart id the amount, reference, bank details and a GiroCode", async () => {
    const order = await placeOrder(PROVIDERS.prepayment, "vorkasse@example.com")
    const res = await instructions(order.orderId, `?cart_id=${order.cartId}`)

    expect(res.status).toBe(200)
    expect(res.headers["cache-control"]).toBe("private, no-store")
    const reference = `MUSTERSHOP ${order.displayId}`
    expect(res.data.payment_instructions).toMatchObject({
      amount: 49,
      currency_code: "eur",
      reference,
      account_holder: "Muster Shop GmbH",
      iban: "DE89370400440532013000",
      bic: "COBADEFFXXX",
      bank_name: "Commerzbank",
      paid: false,
    })
    // order day + the 14-day payment term
    const today = new Date().toISOString().slice(0, 10)
    const due = new Date(Date.parse(today) + 14 * 86_400_000).toISOString().slice(0, 10)
    expect(res.data.payment_instructions.due_date).toBe(due)
    expect(res.data.payment_instructions.epc_payload.split("\n")).toEqual([
      "BCD", "002", "1", "SCT", "COBADEFFXXX", "Muster Shop GmbH", "DE89370400440532013000", "EUR49.00", "", "", reference,
    ])
    expect(res.data.payment_instructions.epc_qr).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)
  })

  it("should give a logged-in customer the instructions of their own order without a cart id, and nobody else", async () => {
    const owner = await registerCustomer(ctx.api, ctx.store.publishableKey, "konto@example.com")
    const other = await registerCustomer(ctx.api, ctx.store.publishableKey, "fremd@example.com")
    const order = await placeOrder(PROVIDERS.prepayment, "konto@example.com", owner.headers)

    const mine = await instructions(order.orderId, "", owner.headers)
    expect(mine.status).toBe(200)
    expect(mine.data.payment_instructions.reference).toBe(`MUSTERSHOP ${order.displayId}`)

    const theirs = await instructions(order.orderId, "", other.headers)
    const guest = await instructions(order.orderId)
    expect([theirs.status, guest.status]).toEqual([404, 404])
    expect(theirs.data).toEqual(guest.data)
  })

  it("should answer the same 404 for someone else's order, a wrong cart id, an unknown order and a card or cash-on-delivery order", async () => {
    const order = await placeOrder(PROVIDERS.prepayment, "vorkasse@example.com")
    const cod = await placeOrder(PROVIDERS.cod, "nachnahme@example.com")
    const stranger = await registerCustomer(ctx.api, ctx.store.publishableKey, "fremd@example.com")
    const otherCart = await ctx.shop.createCart({ email: "fremd@example.com" })

    const answers = await Promise.all([
      instructions(order.orderId),
      instructions(order.orderId, `?cart_id=${otherCart.id}`),
      instructions(order.orderId, `?cart_id=${cod.cartId}`),
      instructions(order.orderId, `?cart_id=${order.cartId.slice(0, -1)}`),
      instructions(order.orderId, "", stranger.headers),
      instructions("order_01JUNKNOWN000000000000000", `?cart_id=${order.cartId}`),
      instructions(cod.orderId, `?cart_id=${cod.cartId}`),
    ])
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404, 404, 404])
    for (const answer of answers) expect(answer.data).toEqual(answers[0].data)
    expect(JSON.stringify(answers[0].data)).not.toContain(order.orderId)
  })

  it("should show a paid order as paid, without a GiroCode to pay it twice", async () => {
    const order = await placeOrder(PROVIDERS.prepayment, "bezahlt@example.com")
    await captureOrderPayment(ctx.api, ctx.admin, order.orderId)
    const res = await instructions(order.orderId, `?cart_id=${order.cartId}`)
    expect(res.status).toBe(200)
    expect(res.data.payment_instructions).toMatchObject({ paid: true, epc_payload: null, epc_qr: null, iban: "DE89370400440532013000" })
  })

  it("should answer a cancelled order like an unknown one", async () => {
    const order = await placeOrder(PROVIDERS.prepayment, "storno@example.com")
    const cancelled = await ctx.api.post(`/admin/orders/${order.orderId}/cancel`, {}, { ...ctx.admin, ...ok })
    expect(cancelled.status).toBe(200)
    const res = await instructions(order.orderId, `?cart_id=${order.cartId}`)
    expect(res.status).toBe(404)
  })

  it("should leave out the GiroCode and bank details while the shop has no IBAN", async () => {
    await ctx.api.post("/admin/payment-risk/settings", { shop: { iban: "" } }, ctx.admin)
    const order = await placeOrder(PROVIDERS.prepayment, "ohne-iban@example.com")
    const res = await instructions(order.orderId, `?cart_id=${order.cartId}`)
    expect(res.status).toBe(200)
    expect(res.data.payment_instructions).toMatchObject({ iban: "", bic: "", account_holder: "", epc_payload: null, epc_qr: null, reference: `MUSTERSHOP ${order.displayId}` })
  })

  it("should refuse a malformed cart id and unknown query fields with a 400 naming the field", async () => {
    const order = await placeOrder(PROVIDERS.prepayment, "vorkasse@example.com")
    const malformed = await instructions(order.orderId, `?cart_id=${encodeURIComponent("cart_1' or '1'='1")}`)
    expect(malformed.status).toBe(400)
    expect(malformed.data.message).toContain("cart_id")
    const unknown = await instructions(order.orderId, `?cart_id=${order.cartId}&fields=*customer`)
    expect(unknown.status).toBe(400)
    expect(unknown.data.message).toMatch(/fields/)
  })

  it("should need the publishable API key like every store route", async () => {
    const order = await placeOrder(PROVIDERS.prepayment, "vorkasse@example.com")
    const res = await instructions(order.orderId, `?cart_id=${order.cartId}`, {})
    expect(res.status).toBe(400)
    expect(res.data.payment_instructions).toBeUndefined()
  })
})
