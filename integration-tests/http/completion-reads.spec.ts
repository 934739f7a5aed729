import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CART_ROW_SQL } from "../../src/risk/readers/cart-row-sql"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

/*
 * Completion with the plugin's hook (issue 18): the hook judges the cart as Medusa's
 * complete-cart workflow hands it over (items, addresses, sessions, totals) and reads only its
 * region's providers — the cart itself is not read a second time.
 */

/** knex's query event (the SQL with PostgreSQL's $n placeholders) */
type Db = {
  on: (event: "query", listener: (query: { sql: string }) => void) => void
  removeListener: (event: "query", listener: (query: { sql: string }) => void) => void
}

withTestStore((ctx) => {
  describe("when a cart is completed", () => {
    it("should judge the cart the hook received without reading it again", async () => {
      const cart = await ctx.shop.createCart({ email: "neu@example.com" })
      const collection = await ctx.shop.paymentCollection(cart.id)
      expect((await ctx.shop.createSession(collection.id, PROVIDERS.cod)).status).toBe(200)

      const pg = ctx.container.resolve<Db>(ContainerRegistrationKeys.PG_CONNECTION)
      let reads = 0
      const count = (query: { sql: string }) => {
        if (query.sql.replace(/\$\d+/g, "?") === CART_ROW_SQL) reads++
      }
      pg.on("query", count)
      const cartReads = () => reads
      let listed: number
      let completed: number
      let res: Awaited<ReturnType<typeof ctx.shop.complete>>
      try {
        // the listener sees the reader: listing the methods reads the cart once
        await ctx.shop.allowedIds(cart.id)
        listed = cartReads()
        res = await ctx.shop.complete(cart.id)
        completed = cartReads() - listed
      } finally {
        pg.removeListener("query", count)
      }
      expect(listed).toBe(1)
      expect(res.data.type).toBe("order")
      expect(completed).toBe(0)
      const { data } = await ctx.api.get(`/admin/payment-risk/assessments?cart_id=${cart.id}`, ctx.admin)
      expect(data.assessments).toHaveLength(1)
      expect(data.assessments[0]).toMatchObject({ outcome: "accepted", selected_provider_id: PROVIDERS.cod, fallback: false })
    })
  })
})
