import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createOrderPaymentCollectionWorkflow } from "@medusajs/medusa/core-flows"
import { GERMAN_ADDRESS, makePayingGuest } from "../helpers/checkout"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

withTestStore((ctx) => {
  const ok = { validateStatus: () => true }

  const payingCustomer = (email: string) => makePayingGuest(ctx.api, ctx.admin, ctx.shop, email)

  /** A cart of the paying customer with an invoice session; then the merchant lists the person. */
  async function invoiceSessionThenListed(email: string) {
    await payingCustomer(email)
    const cart = await ctx.shop.createCart({ email })
    const collection = await ctx.shop.paymentCollection(cart.id)
    const session = await ctx.shop.createSession(collection.id, PROVIDERS.invoice)
    expect(session.status).toBe(200)
    const { first_name, last_name, address_1, postal_code, city, country_code } = GERMAN_ADDRESS
    const listed = await ctx.api.post(
      "/admin/payment-risk/negative-list",
      { kind: "person", first_name, last_name, address_1, postal_code, city, country_code, reason: "Rücklastschrift" },
      { ...ctx.admin, ...ok }
    )
    expect(listed.status).toBe(201)
    return { cart, collection }
  }

  async function setSessionStatus(collectionId: string, status: string) {
    const knex = ctx.container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    await knex.raw("update payment_session set status = ? where payment_collection_id = ?", [status, collectionId])
  }

  async function orderCount() {
    const knex = ctx.container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const { rows } = await knex.raw(`select count(*)::int as n from "order"`)
    return rows[0].n as number
  }

  describe("when the hidden method's session is in a status Medusa completes with", () => {
    it.each(["pending_authorization", "captured", "authorized", "requires_more"])(
      "should refuse a session in status %s and place no order",
      async (status) => {
        const { cart, collection } = await invoiceSessionThenListed("stamm@example.com")
        await setSessionStatus(collection.id, status)
        const before = await orderCount()

        const completion = await ctx.shop.complete(cart.id)
        expect(completion.data.type).not.toBe("order")
        expect(completion.status).toBe(400)
        expect(completion.data.message).toMatch(/not available|nicht verfügbar/)
        expect(await orderCount()).toBe(before)
      }
    )

    it("should still complete an allowed method in status pending_authorization", async () => {
      const cart = await ctx.shop.createCart({ email: "neu@example.com" })
      const collection = await ctx.shop.paymentCollection(cart.id)
      expect((await ctx.shop.createSession(collection.id, PROVIDERS.prepayment)).status).toBe(200)
      await setSessionStatus(collection.id, "pending_authorization")
      const completion = await ctx.shop.complete(cart.id)
      expect(completion.data.type).toBe("order")
    })
  })

  describe("when the shopper's IP is listed by the time of completion", () => {
    it("should judge the completion's IP against the list and refuse", async () => {
      const ip = "203.0.113.9"
      const headers = { ...ctx.shop.headers.headers, "x-forwarded-for": ip }
      await payingCustomer("stamm@example.com")
      const cart = await ctx.shop.createCart({ email: "stamm@example.com" })
      const { data } = await ctx.api.post("/store/payment-collections", { cart_id: cart.id }, { headers })
      const session = await ctx.api.post(`/store/payment-collections/${data.payment_collection.id}/payment-sessions`, { provider_id: PROVIDERS.invoice }, { headers, ...ok })
      expect(session.status).toBe(200)

      const listed = await ctx.api.post("/admin/payment-risk/negative-list", { kind: "ip", value: ip, reason: "Betrugsversuch" }, { ...ctx.admin, ...ok })
      expect(listed.status).toBe(201)

      const completion = await ctx.api.post(`/store/carts/${cart.id}/complete`, {}, { headers, ...ok })
      expect(completion.status).toBe(400)
      expect(completion.data.type).not.toBe("order")
    })
  })

  describe("when an order's payment collection is paid through the store API", () => {
    async function orderCollection(email: string, address = GERMAN_ADDRESS) {
      const cart = await ctx.shop.createCart({ email })
      await ctx.api.post(`/store/carts/${cart.id}`, { billing_address: address, shipping_address: address }, ctx.shop.headers)
      const collection = await ctx.shop.paymentCollection(cart.id)
      expect((await ctx.shop.createSession(collection.id, PROVIDERS.cod)).status).toBe(200)
      const completion = await ctx.shop.complete(cart.id)
      expect(completion.data.type).toBe("order")
      const { result } = await createOrderPaymentCollectionWorkflow(ctx.container).run({
        input: { order_id: completion.data.order.id, amount: 20 },
      })
      return result[0].id as string
    }

    it("should judge the order's customer: a new customer cannot pay the difference by invoice", async () => {
      const collectionId = await orderCollection("neu@example.com")
      const invoice = await ctx.shop.createSession(collectionId, PROVIDERS.invoice)
      expect(invoice.status).toBe(400)
      expect(JSON.stringify(invoice.data)).not.toMatch(/first|new|history/i)
      const prepayment = await ctx.shop.createSession(collectionId, PROVIDERS.prepayment)
      expect(prepayment.status).toBe(200)
    })

    it("should let a known customer pay the difference by invoice", async () => {
      await payingCustomer("stamm@example.com")
      const collectionId = await orderCollection("stamm@example.com")
      expect((await ctx.shop.createSession(collectionId, PROVIDERS.invoice)).status).toBe(200)
    })

    it("should refuse a NUL in the ids with 400 also under an upper-case path", async () => {
      const complete = await ctx.api.post("/STORE/carts/cart_%00x/complete", {}, { ...ctx.shop.headers, ...ok })
      expect(complete.status).toBe(400)
      const session = await ctx.api.post("/Store/payment-collections/pay_%00x/payment-sessions", { provider_id: PROVIDERS.prepayment }, { ...ctx.shop.headers, ...ok })
      expect(session.status).toBe(400)
    })

    it("should answer 404 for a payment collection that does not exist", async () => {
      const res = await ctx.shop.createSession("pay_col_doesnotexist", PROVIDERS.prepayment)
      expect(res.status).toBe(404)
    })
  })
})
