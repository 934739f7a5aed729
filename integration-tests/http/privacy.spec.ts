import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import eraseExpiredAssessmentData from "../../src/jobs/erase-expired-assessment-data"
import maskNegativeListAudit from "../../src/migration-scripts/mask-negative-list-audit"
import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

const DAY = 86_400_000
type Pg = { raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: any[] }> }

/** A listed person whose name, address, email and note must never reach the audit trail in clear. */
const LISTED = {
  kind: "person",
  first_name: "Kunigunde",
  last_name: "Quastenberg",
  address_1: "Zwetschgenallee 17",
  postal_code: "39261",
  city: "Zerbst",
  country_code: "de",
  reason: "Rücklastschrift Quastenberg",
  source: "return_debit",
  note: "kunigunde@quastenberg.example, Tel. 0151 23456789",
}
const LISTED_TRACES = /Kunigunde|Quastenberg|Zwetschgen|39261|Zerbst|kunigunde@|23456789/

withTestStore((ctx) => {
  const assessmentOf = async (cartId: string) => {
    const { data } = await ctx.api.get(`/admin/payment-risk/assessments?cart_id=${cartId}`, ctx.admin)
    return data.assessments[0]
  }
  const pg = () => ctx.container.resolve<Pg>(ContainerRegistrationKeys.PG_CONNECTION)
  const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const assessmentById = async (id: string) => (await pg().raw(`SELECT * FROM payment_risk_assessment WHERE id = ?`, [id])).rows[0]
  const count = async (table: string, where: string, bindings: unknown[]) =>
    (await pg().raw(`SELECT count(*)::int AS n FROM ?? WHERE ${where}`, [table, ...bindings])).rows[0].n as number
  const runJob = (daysAhead: number) => eraseExpiredAssessmentData(ctx.container, { now: new Date(Date.now() + daysAhead * DAY) })

  const signalsOf = async (cartId: string) => count("payment_risk_cart_signal", "cart_id = ? AND deleted_at IS NULL", [cartId])

  describe("when a shopper asks for erasure", () => {
    it("should scrub her assessment to anonymous figures without a way back to her cart, and keep the others", async () => {
      const mine = await ctx.shop.checkout({ email: "loeschen@example.com", providerId: PROVIDERS.cod })
      const other = await ctx.shop.checkout({ email: "bleiben@example.com", providerId: PROVIDERS.cod })
      const mineId = (await assessmentOf(mine.cart.id)).id

      const res = await ctx.api.post("/admin/payment-risk/erasure", { email: "LOESCHEN@example.com" }, ctx.admin)

      expect(res.data.erased).toBe(1)
      // the velocity signal of the erased shopper's cart is gone, the other's stays
      expect(res.data.signals_deleted).toBe(1)
      expect(await signalsOf(mine.cart.id)).toBe(0)
      expect(await signalsOf(other.cart.id)).toBe(1)
      // her assessment can no longer be found by her cart …
      expect(await assessmentOf(mine.cart.id)).toBeUndefined()
      // … and holds no personal data, only the anonymous decision
      const scrubbed = await assessmentById(mineId)
      expect(scrubbed).toMatchObject({ email: null, customer_id: null, order_id: null, identity_key: "erased", outcome: "accepted" })
      expect(scrubbed.cart_id).not.toBe(mine.cart.id)
      expect(scrubbed.decision).toMatchObject({ erased: true, allowed_provider_ids: expect.arrayContaining([PROVIDERS.cod]) })
      expect(await assessmentOf(other.cart.id)).toMatchObject({ email: "bleiben@example.com" })
    })

    it("should answer 400 naming the field when neither email nor customer id is given", async () => {
      const res = await ctx.api.post("/admin/payment-risk/erasure", {}, { ...ctx.admin, validateStatus: () => true })
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("email")
    })
  })

  describe("when assessments are older than the retention period", () => {
    it("should erase their personal data in the daily job and keep recent ones", async () => {
      const old = await ctx.shop.checkout({ email: "alt@example.com", providerId: PROVIDERS.cod })
      const recent = await ctx.shop.checkout({ email: "neu@example.com", providerId: PROVIDERS.cod })
      const oldId = (await assessmentOf(old.cart.id)).id
      await pg().raw(`UPDATE payment_risk_assessment SET created_at = now() - interval '800 days' WHERE cart_id = ?`, [old.cart.id])
      await pg().raw(`UPDATE payment_risk_cart_signal SET created_at = now() - interval '800 days' WHERE cart_id = ?`, [old.cart.id])

      await eraseExpiredAssessmentData(ctx.container)
      expect(await signalsOf(old.cart.id)).toBe(0)
      expect(await signalsOf(recent.cart.id)).toBe(1)

      expect(await assessmentById(oldId)).toMatchObject({ email: null, identity_key: "erased", order_id: null })
      expect((await assessmentById(oldId)).decision.erased).toBe(true)
      expect(await assessmentOf(recent.cart.id)).toMatchObject({ email: "neu@example.com" })
    })

    it("should scrub assessments an earlier version erased without scrubbing their decision", async () => {
      const erased = await ctx.shop.checkout({ email: "frueher@example.com", providerId: PROVIDERS.cod })
      const id = (await assessmentOf(erased.cart.id)).id
      await pg().raw(`UPDATE payment_risk_assessment SET email = null, identity_key = 'erased' WHERE id = ?`, [id])

      await eraseExpiredAssessmentData(ctx.container)
      const row = await assessmentById(id)
      expect(row.decision.erased).toBe(true)
      expect(row.cart_id).not.toBe(erased.cart.id)
    })
  })

  describe("when the retention job runs later and later", () => {
    it("should hard-delete each kind of row once it is past its period and keep the younger ones", async () => {
      const order = await ctx.shop.checkout({ email: "frist@example.com", providerId: PROVIDERS.cod })
      const cartId = order.cart.id
      const assessmentId = (await assessmentOf(cartId)).id
      const linked = () => count("order_order_paymentrisk_risk_assessment", "risk_assessment_id = ?", [assessmentId])
      // the order-placed subscriber links the assessment to the order
      for (let i = 0; i < 100 && (await linked()) === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100))
      expect(await linked()).toBe(1)
      await service().createCreditQueries({ provider_id: "sandbox", identity_hash: "hash-frist", cart_id: cartId, result: "none", score: 900 })
      await service().createCreditLimitEvents({ cart_id: cartId, limit_name: "queries_per_cart", max: 2 })
      await service().createReviewEvents({ order_id: order.completion.data.order.id, assessment_id: assessmentId, action: "noted", actor_id: null, note: "Frau Frist rief an" })
      const entry = (await ctx.api.post("/admin/payment-risk/negative-list", LISTED, ctx.admin)).data.entry
      // an entry an earlier version soft-deleted, and one it stored without an expiry
      const legacy = (await ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: "alt@frist.example", reason: "alt" }, ctx.admin)).data.entry
      await pg().raw(`UPDATE payment_risk_negative_list_entry SET deleted_at = now() WHERE id = ?`, [legacy.id])
      const unlimited = (await ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: "ewig@frist.example", reason: "ewig" }, ctx.admin)).data.entry
      await pg().raw(`UPDATE payment_risk_negative_list_entry SET expires_at = null, created_at = now() - interval '2000 days' WHERE id = ?`, [unlimited.id])
      const rows = {
        signals: () => count("payment_risk_cart_signal", "cart_id = ?", [cartId]),
        observations: () => count("payment_risk_identity_observation", "cart_id = ?", [cartId]),
        queries: () => count("payment_risk_credit_query", "cart_id = ?", [cartId]),
        limitEvents: () => count("payment_risk_credit_limit_event", "cart_id = ?", [cartId]),
        reviewEvents: () => count("payment_risk_review_event", "assessment_id = ?", [assessmentId]),
        entry: (id: string) => count("payment_risk_negative_list_entry", "id = ?", [id]),
        audits: (action: string) => count("payment_risk_negative_list_audit", "entry_id = ? AND action = ?", [entry.id, action]),
      }
      expect([await rows.signals(), await rows.observations(), await rows.queries(), await rows.limitEvents(), await rows.reviewEvents()]).toEqual([1, 1, 1, 1, 1])
      expect(await rows.entry(legacy.id)).toBe(1)

      // today: the soft-deleted entry goes for good; the entry without expiry gets one, with time to renew it
      await runJob(0)
      expect(await rows.entry(legacy.id)).toBe(0)
      const backfilled = (await pg().raw(`SELECT expires_at FROM payment_risk_negative_list_entry WHERE id = ?`, [unlimited.id])).rows[0]
      expect(new Date(backfilled.expires_at).getTime()).toBeGreaterThan(Date.now() + 29 * DAY)
      expect(await rows.signals()).toBe(1)

      // after 40 days: velocity signals (30) and identity observations (7) are gone
      await runJob(40)
      expect([await rows.signals(), await rows.observations(), await rows.queries(), await rows.limitEvents()]).toEqual([0, 0, 1, 1])
      // after 100 days: credit queries and limit events (90)
      await runJob(100)
      expect([await rows.queries(), await rows.limitEvents(), await rows.reviewEvents()]).toEqual([0, 0, 1])
      expect(await assessmentById(assessmentId)).toMatchObject({ email: "frist@example.com" })
      // after 800 days: the assessment is scrubbed (730), review events are gone (730), the entry stays (1095)
      await runJob(800)
      expect(await assessmentById(assessmentId)).toMatchObject({ email: null, identity_key: "erased", order_id: null })
      expect(await linked()).toBe(0)
      expect(await rows.reviewEvents()).toBe(0)
      expect(await rows.entry(entry.id)).toBe(1)
      // after 1100 days the entry has expired but is within its grace period (30); after 1130 it is deleted
      await runJob(1100)
      expect(await rows.entry(entry.id)).toBe(1)
      await runJob(1130)
      expect(await count("payment_risk_negative_list_entry", "id = ?", [entry.id])).toBe(0)
      expect(await rows.audits("delete")).toBe(1)
      // after 1500 days the audit rows older than 1460 days are gone
      expect(await rows.audits("create")).toBe(1)
      await runJob(1500)
      expect(await rows.audits("create")).toBe(0)
    })
  })

  describe("when a negative-list entry is created, changed and deleted", () => {
    it("should keep who did what in the audit trail, masked, and delete the entry for good", async () => {
      const created = await ctx.api.post("/admin/payment-risk/negative-list", LISTED, ctx.admin)
      expect(created.status).toBe(201)
      const id = created.data.entry.id
      await ctx.api.post(`/admin/payment-risk/negative-list/${id}`, { last_name: "Quastenburg", note: "Kunigunde zieht nach Zerbst-Süd" }, ctx.admin)
      const deleted = await ctx.api.delete(`/admin/payment-risk/negative-list/${id}`, ctx.admin)
      expect(deleted.status).toBe(200)

      // hard delete: no row left, not even a soft-deleted one
      expect(await count("payment_risk_negative_list_entry", "id = ?", [id])).toBe(0)
      const { rows } = await pg().raw(`SELECT action, actor_id, changes FROM payment_risk_negative_list_audit WHERE entry_id = ? ORDER BY created_at, action`, [id])
      expect(rows.map((r) => r.action).sort()).toEqual(["create", "delete", "update"])
      expect(rows.every((r) => typeof r.actor_id === "string")).toBe(true)
      expect(JSON.stringify(rows)).not.toMatch(LISTED_TRACES)
      const byAction = Object.fromEntries(rows.map((r) => [r.action, r.changes]))
      expect(byAction.create).toMatchObject({ kind: [null, "person"], last_name: [null, "Q… (11)"], postal_code: [null, "3… (5)"], source: [null, "return_debit"] })
      expect(byAction.update).toEqual({ last_name: ["Q… (11)", "Q… (11)"], note: ["k… (49)", "K… (31)"] })
      expect(byAction.delete).toEqual({})
    })

    it("should give an entry created without an expiry the retention default, also from an import", async () => {
      const before = Date.now()
      const created = (await ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: "dauer@example.com", reason: "Betrug" }, ctx.admin)).data.entry
      const expires = new Date(created.expires_at).getTime()
      expect(expires).toBeGreaterThanOrEqual(before + 1095 * DAY - 1000)
      expect(expires).toBeLessThanOrEqual(Date.now() + 1095 * DAY + 1000)

      await ctx.api.post("/admin/payment-risk/settings", { retention: { list_entry_days: 10, list_entry_grace_days: 1 } }, ctx.admin)
      const csv = "kind,first_name,last_name,company,address_1,address_2,postal_code,city,country_code,value,reason,source,expires_at,note\nemail,,,,,,,,,import@example.com,Altsystem,import,,\n"
      const imported = await ctx.api.post("/admin/payment-risk/negative-list/import", csv, { headers: { ...ctx.admin.headers, "content-type": "text/csv" } })
      expect(imported.data.imported).toBe(1)
      const entry = (await ctx.api.get("/admin/payment-risk/negative-list?kind=email&q=import", ctx.admin)).data.entries[0]
      expect(Math.abs(new Date(entry.expires_at).getTime() - (Date.now() + 10 * DAY))).toBeLessThan(60_000)

      // clearing the date on edit gives the default back, counted from the entry's creation
      const edited = await ctx.api.post(`/admin/payment-risk/negative-list/${created.id}`, { expires_at: null }, ctx.admin)
      expect(edited.data.entry).toMatchObject({ id: created.id, expires_at: expect.anything() })
      const createdAt = (await pg().raw(`SELECT created_at FROM payment_risk_negative_list_entry WHERE id = ?`, [created.id])).rows[0].created_at
      expect(Math.abs(new Date(edited.data.entry.expires_at).getTime() - (new Date(createdAt).getTime() + 10 * DAY))).toBeLessThan(60_000)
    })
  })

  describe("when audit rows of an earlier version hold clear values", () => {
    it("should rewrite them masked, in batches, once", async () => {
      const insert = (id: string, action: string, changes: unknown) =>
        pg().raw(
          `INSERT INTO payment_risk_negative_list_audit (id, entry_id, action, actor_id, changes, created_at, updated_at) VALUES (?, 'prnle_old', ?, 'user_1', ?::jsonb, now(), now())`,
          [id, action, JSON.stringify(changes)]
        )
      await insert("prnla_old1", "create", { kind: [null, "person"], last_name: [null, "Quastenberg"], city: [null, "Zerbst"] })
      await insert("prnla_old2", "update", { note: [null, "kunigunde@quastenberg.example"], source: ["manual", "dunning"] })
      await insert("prnla_old3", "delete", { last_name: ["Quastenberg", null], postal_code: ["39261", null] })

      expect(await maskNegativeListAudit({ container: ctx.container }, 2)).toBe(3)
      const { rows } = await pg().raw(`SELECT id, changes FROM payment_risk_negative_list_audit WHERE entry_id = 'prnle_old' ORDER BY id`)
      expect(JSON.stringify(rows)).not.toMatch(LISTED_TRACES)
      expect(rows.map((r) => r.changes)).toEqual([
        { kind: [null, "person"], last_name: [null, "Q… (11)"], city: [null, "Z… (6)"] },
        { note: [null, "k… (29)"], source: ["manual", "dunning"] },
        {},
      ])
      expect(await maskNegativeListAudit({ container: ctx.container }, 2)).toBe(0)
    })
  })
})
