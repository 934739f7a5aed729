import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import eraseExpiredAssessmentData from "../../src/jobs/erase-expired-assessment-data"
import { adminHeaders } from "../helpers/admin"
import { shopper } from "../helpers/checkout"
import { PROVIDERS, seedStore } from "../helpers/store"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let shop: ReturnType<typeof shopper>

    const assessmentOf = async (cartId: string) => {
      const { data } = await api.get(`/admin/payment-risk/assessments?cart_id=${cartId}`, admin)
      return data.assessments[0]
    }

    beforeEach(async () => {
      const container = getContainer()
      const store = await seedStore(container)
      admin = await adminHeaders(container, api)
      shop = shopper(api, store)
    })

    const signalsOf = async (cartId: string) => {
      const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await pg.raw(`SELECT count(*)::int AS n FROM payment_risk_cart_signal WHERE cart_id = ? AND deleted_at IS NULL`, [cartId])
      return rows[0].n as number
    }

    describe("when a shopper asks for erasure", () => {
      it("should remove email and customer id from its assessments and keep the others", async () => {
        const mine = await shop.checkout({ email: "loeschen@example.com", providerId: PROVIDERS.cod })
        const other = await shop.checkout({ email: "bleiben@example.com", providerId: PROVIDERS.cod })

        const res = await api.post("/admin/payment-risk/erasure", { email: "LOESCHEN@example.com" }, admin)

        expect(res.data.erased).toBe(1)
        // the velocity signal of the erased shopper's cart is gone, the other's stays
        expect(res.data.signals_deleted).toBe(1)
        expect(await signalsOf(mine.cart.id)).toBe(0)
        expect(await signalsOf(other.cart.id)).toBe(1)
        expect(await assessmentOf(mine.cart.id)).toMatchObject({
          email: null,
          customer_id: null,
          identity_key: "erased",
          outcome: "accepted",
        })
        expect(await assessmentOf(other.cart.id)).toMatchObject({ email: "bleiben@example.com" })
      })

      it("should answer 400 naming the field when neither email nor customer id is given", async () => {
        const res = await api.post("/admin/payment-risk/erasure", {}, { ...admin, validateStatus: () => true })
        expect(res.status).toBe(400)
        expect(res.data.message).toContain("email")
      })
    })

    describe("when assessments are older than the retention period", () => {
      it("should erase their personal data in the daily job and keep recent ones", async () => {
        const old = await shop.checkout({ email: "alt@example.com", providerId: PROVIDERS.cod })
        const recent = await shop.checkout({ email: "neu@example.com", providerId: PROVIDERS.cod })
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        await pg.raw(
          `UPDATE payment_risk_assessment SET created_at = now() - interval '800 days' WHERE cart_id = ?`,
          [old.cart.id]
        )
        await pg.raw(`UPDATE payment_risk_cart_signal SET created_at = now() - interval '800 days' WHERE cart_id = ?`, [old.cart.id])

        await eraseExpiredAssessmentData(getContainer())
        expect(await signalsOf(old.cart.id)).toBe(0)
        expect(await signalsOf(recent.cart.id)).toBe(1)

        expect(await assessmentOf(old.cart.id)).toMatchObject({ email: null, identity_key: "erased" })
        expect(await assessmentOf(recent.cart.id)).toMatchObject({ email: "neu@example.com" })
      })
    })
  },
})
