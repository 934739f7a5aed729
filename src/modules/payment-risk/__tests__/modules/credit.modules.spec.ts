import { CreditLimits } from "../../../../engine"
import { CreditRequest } from "../../service"
import { paymentRiskModuleSuite, rows } from "./runner"

jest.setTimeout(60_000)

const LIMITS: CreditLimits = { queries_per_cart: 2, identities_per_cart: 2, identities_per_ip: 3, identities_per_customer: 2 }
const request = (overrides: Partial<CreditRequest> = {}): CreditRequest => ({
  cart_id: "cart_1",
  identity_hash: "person_1",
  ip_key: null,
  customer_id: null,
  paid: true,
  ...overrides,
})

paymentRiskModuleSuite(({ service, db }) => {
  const count = async (table: string) =>
    (await rows<{ count: number }>(db(), `select count(*)::int as count from ${table}`))[0].count

  describe("reserveCreditQuery", () => {
    it("should stop the third paid query of a cart, still allow a cache hit and record the limit event", async () => {
      expect(await service.reserveCreditQuery(request(), LIMITS)).toMatchObject({ ok: true })
      expect(await service.reserveCreditQuery(request(), LIMITS)).toMatchObject({ ok: true })
      expect(await service.reserveCreditQuery(request(), LIMITS)).toEqual({ ok: false, limit: "queries_per_cart", max: 2 })
      expect(await service.reserveCreditQuery(request({ paid: false }), LIMITS)).toMatchObject({ ok: true })
      expect(await count("payment_risk_credit_reservation")).toBe(3)
      expect(await rows(db(), `select cart_id, limit_name, max from payment_risk_credit_limit_event`)).toEqual([
        { cart_id: "cart_1", limit_name: "queries_per_cart", max: 2 },
      ])
    })

    it("should stop a new identity on a full cart but not one the cart already asked about", async () => {
      const unpaid = { paid: false }
      expect(await service.reserveCreditQuery(request({ identity_hash: "p1", ...unpaid }), LIMITS)).toMatchObject({ ok: true })
      expect(await service.reserveCreditQuery(request({ identity_hash: "p2", ...unpaid }), LIMITS)).toMatchObject({ ok: true })
      expect(await service.reserveCreditQuery(request({ identity_hash: "p3", ...unpaid }), LIMITS)).toEqual({ ok: false, limit: "identities_per_cart", max: 2 })
      expect(await service.reserveCreditQuery(request({ identity_hash: "p1", ...unpaid }), LIMITS)).toMatchObject({ ok: true })
    })

    it("should count identities per customer across carts, and leave reservations older than the window out", async () => {
      const customer = { customer_id: "cus_1", paid: false }
      await service.reserveCreditQuery(request({ cart_id: "c1", identity_hash: "p1", ...customer }), LIMITS)
      await service.reserveCreditQuery(request({ cart_id: "c2", identity_hash: "p2", ...customer }), LIMITS)
      expect(await service.reserveCreditQuery(request({ cart_id: "c3", identity_hash: "p3", ...customer }), LIMITS)).toEqual({
        ok: false,
        limit: "identities_per_customer",
        max: 2,
      })
      await db().raw(`update payment_risk_credit_reservation set created_at = now() - interval '2 hours'`)
      expect(await service.reserveCreditQuery(request({ cart_id: "c3", identity_hash: "p3", ...customer }), LIMITS)).toMatchObject({ ok: true })
    })

    it("should let exactly the allowed number of identities through from one IP when requests arrive at once", async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => service.reserveCreditQuery(request({ cart_id: `cart_${i}`, identity_hash: `p${i}`, ip_key: "ip1", paid: false }), LIMITS))
      )
      expect(results.filter((r) => r.ok)).toHaveLength(3)
      expect(results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.limit))).toEqual(Array(5).fill("identities_per_ip"))
      expect(await count("payment_risk_credit_reservation")).toBe(3)
      expect(await count("payment_risk_credit_limit_event")).toBe(5)
    })

    it("should delete reservations older than a day while reserving", async () => {
      await service.reserveCreditQuery(request({ cart_id: "old" }), LIMITS)
      await db().raw(`update payment_risk_credit_reservation set created_at = now() - interval '25 hours'`)
      await service.reserveCreditQuery(request({ cart_id: "new" }), LIMITS)
      expect(await rows(db(), `select cart_id from payment_risk_credit_reservation`)).toEqual([{ cart_id: "new" }])
    })
  })

  describe("releasePaidCreditReservation", () => {
    it("should make a reserved query free again, so it no longer counts against the cart", async () => {
      const first = await service.reserveCreditQuery(request(), LIMITS)
      await service.reserveCreditQuery(request(), LIMITS)
      await service.releasePaidCreditReservation((first as { reservation_id: string }).reservation_id)
      expect(await service.reserveCreditQuery(request(), LIMITS)).toMatchObject({ ok: true })
    })
  })
})
