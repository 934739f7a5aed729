import { DAY, paymentRiskModuleSuite, rows } from "./runner"

jest.setTimeout(60_000)

const signal = (cart_id: string, overrides: Record<string, unknown> = {}) => ({
  cart_id,
  customer_id: null,
  email_key: "e1",
  phone_key: null,
  address_key: "a1",
  ip_key: "ip1",
  contents_key: null,
  ...overrides,
})
const time = (value: unknown) => (value === null ? null : new Date(value as string).toISOString())

paymentRiskModuleSuite(({ service, db }) => {
  describe("upsertCartSignal", () => {
    it("should keep one row per cart, keep a known IP when none is given and change completed_at only when given", async () => {
      const completed = new Date("2030-01-02T03:04:05.000Z")
      await service.upsertCartSignal(signal("cart_1", { completed_at: completed }))
      await service.upsertCartSignal(signal("cart_1", { ip_key: null, email_key: "e2" }))
      const stored = await rows(db(), `select cart_id, email_key, ip_key, completed_at from payment_risk_cart_signal`)
      expect(stored.map((row) => ({ ...row, completed_at: time(row.completed_at) }))).toEqual([
        { cart_id: "cart_1", email_key: "e2", ip_key: "ip1", completed_at: completed.toISOString() },
      ])

      await service.upsertCartSignal(signal("cart_1", { completed_at: null }))
      const [cleared] = await rows(db(), `select completed_at from payment_risk_cart_signal where cart_id = 'cart_1'`)
      expect(cleared.completed_at).toBeNull()
    })
  })

  describe("countCartSignals", () => {
    it("should count the other carts with the same key created (carts) or completed (orders) in each window", async () => {
      const now = Date.now()
      await service.upsertCartSignal(signal("cart_self"))
      await service.upsertCartSignal(signal("cart_a", { completed_at: new Date(now - 1000) }))
      await service.upsertCartSignal(signal("cart_b", { email_key: "other" }))
      await service.upsertCartSignal(signal("cart_c", { ip_key: "ip2" }))
      // an old cart: created 10 days ago, completed 2 days ago
      await service.upsertCartSignal(signal("cart_old", { completed_at: new Date(now - 2 * DAY) }))
      await db().raw(`update payment_risk_cart_signal set created_at = ? where cart_id = 'cart_old'`, [new Date(now - 10 * DAY)])

      const counts = await service.countCartSignals(
        [
          { column: "email_key", value: "e1", source: "carts", since: new Date(now - DAY) },
          { column: "email_key", value: "e1", source: "orders", since: new Date(now - DAY) },
          { column: "email_key", value: "e1", source: "orders", since: new Date(now - 3 * DAY) },
          { column: "ip_key", value: "ip1", source: "carts", since: new Date(now - DAY) },
          { column: "address_key", value: "nobody", source: "carts", since: new Date(now - DAY) },
        ],
        "cart_self"
      )
      expect(counts).toEqual([2, 1, 2, 2, 0])
    })

    it("should refuse a column outside the fixed list", async () => {
      await expect(
        service.countCartSignals([{ column: "cart_id" as "email_key", value: "x", source: "carts", since: new Date() }], "cart_self")
      ).rejects.toThrow("unknown signal column cart_id")
    })
  })

  describe("observeIdentity", () => {
    it("should record each identity once per cart and IP and count the distinct ones on the cart and from the IP", async () => {
      const since = new Date(Date.now() - 60_000)
      const seen = (cart_id: string, identity_key: string, ip_key: string | null) =>
        service.observeIdentity({ cart_id, identity_key, email_key: null, customer_id: null, ip_key }, since)

      expect(await seen("cart_1", "id_a", "ip1")).toEqual({ on_cart: 1, from_ip: 1 })
      expect(await seen("cart_1", "id_a", "ip1")).toEqual({ on_cart: 1, from_ip: 1 })
      expect(await seen("cart_1", "id_b", "ip1")).toEqual({ on_cart: 2, from_ip: 2 })
      expect(await seen("cart_2", "id_c", "ip1")).toEqual({ on_cart: 1, from_ip: 3 })
      // without an IP nothing counts "from the IP"
      expect(await seen("cart_3", "id_d", null)).toEqual({ on_cart: 1, from_ip: 0 })
      const [{ count }] = await rows<{ count: number }>(db(), `select count(*)::int as count from payment_risk_identity_observation`)
      expect(count).toBe(4)
    })
  })
})
