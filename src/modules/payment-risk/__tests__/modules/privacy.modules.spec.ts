import { RetentionPeriods } from "../../../../engine/privacy/retention"
import { ShopperErasurePlan } from "../../service"
import { DAY, paymentRiskModuleSuite, preparedEntry, rows } from "./runner"

jest.setTimeout(60_000)

const PERIODS: RetentionPeriods = {
  assessment_days: 730,
  cart_signal_days: 30,
  identity_observation_days: 7,
  credit_query_days: 90,
  review_event_days: 730,
  outcome_days: 1460,
  list_entry_grace_days: 30,
  list_audit_days: 1460,
  figures_days: 1460,
}
const DECISION = {
  allowed_provider_ids: ["pp_prepayment_manual"],
  hidden: [{ provider_id: "pp_invoice_manual", risk_class: "invoice", reasons: [{ check: "negative_list", code: "match", message: "Listed: Anna", values: { entry_id: "prnle_1" } }] }],
  facts: { paid_order_count: 0, awaiting_payment_order_count: 0, is_new_customer: true },
}

paymentRiskModuleSuite(({ service, db }) => {
  const ago = (days: number) => new Date(Date.now() - days * DAY)
  const count = async (table: string, where = "true", bindings: unknown[] = []) =>
    (await rows<{ count: number }>(db(), `select count(*)::int as count from ${table} where ${where}`, bindings))[0].count
  /** sets created_at of the rows whose `column` has the given value to that many days ago */
  const backdate = async (table: string, column: string, daysAgo: Record<string, number>) => {
    for (const [value, days] of Object.entries(daysAgo)) {
      await db().raw(`update ?? set created_at = ? where ?? = ?`, [table, ago(days), column, value])
    }
  }
  const assessment = (cart_id: string, extra: Record<string, unknown> = {}) =>
    service.createRiskAssessments({
      cart_id,
      email: `${cart_id}@example.com`,
      customer_id: `cus_${cart_id}`,
      identity_key: `email:${cart_id}@example.com`,
      outcome: "accepted",
      fallback: false,
      decision: DECISION,
      engine_version: "test",
      ...extra,
    })

  describe("purgeExpiredData", () => {
    it("should delete what is past its period, backfill missing expiries and audit the expired entries it deletes", async () => {
      const now = new Date()
      await service.createCreditQueries([
        { provider_id: "sandbox", identity_hash: "old" },
        { provider_id: "sandbox", identity_hash: "new" },
      ])
      await service.createCreditLimitEvents([{ cart_id: "c", limit_name: "queries_per_cart", max: 1 }])
      await service.createReviewEvents([
        { order_id: "order_old", action: "flagged" },
        { order_id: "order_new", action: "flagged" },
      ])
      await backdate("payment_risk_credit_query", "identity_hash", { old: 91, new: 89 })
      await backdate("payment_risk_credit_limit_event", "cart_id", { c: 100 })
      await backdate("payment_risk_review_event", "order_id", { order_old: 731, order_new: 10 })
      await service.createPaymentOutcomes([
        { order_id: "order_old", kind: "return_debit", occurred_at: ago(1461), source: "admin", list_entry_ids: [] },
        { order_id: "order_new", kind: "return_debit", occurred_at: ago(1459), source: "admin", list_entry_ids: [] },
      ])
      await service.insertListEntries(
        [
          preparedEntry({ value: "live", expires_at: new Date(Date.now() + DAY) }),
          preparedEntry({ value: "recently-expired", expires_at: ago(29) }),
          preparedEntry({ value: "long-expired", expires_at: ago(31) }),
          preparedEntry({ value: "soft-deleted", expires_at: new Date(Date.now() + DAY) }),
          preparedEntry({ value: "no-expiry", expires_at: new Date(Date.now() + DAY) }),
        ],
        null
      )
      await db().raw(`update payment_risk_negative_list_entry set deleted_at = now() where value = 'soft-deleted'`)
      const createdAt = ago(10)
      await db().raw(`update payment_risk_negative_list_entry set expires_at = null, created_at = ? where value = 'no-expiry'`, [createdAt])
      await db().raw(`update payment_risk_negative_list_audit set created_at = ?`, [ago(1461)])
      const [longExpired] = await rows<{ id: string }>(db(), `select id from payment_risk_negative_list_entry where value = 'long-expired'`)

      const result = await service.purgeExpiredData(PERIODS, now)

      expect(result).toEqual({
        credit_queries: 1,
        credit_limit_events: 1,
        review_events: 1,
        outcomes: 1,
        receivables: 0,
        list_entries_backfilled: 1,
        list_entries: 2,
        list_audits: 5,
        cart_evaluations: 0,
        order_figures: 0,
      })
      expect((await rows(db(), `select value from payment_risk_negative_list_entry order by value`)).map((r) => r.value)).toEqual([
        "live",
        "no-expiry",
        "recently-expired",
      ])
      const [backfilled] = await rows(db(), `select expires_at from payment_risk_negative_list_entry where value = 'no-expiry'`)
      // the default period counted from the entry's creation (settings `list_entry_days`, 1095 by default)
      expect(new Date(backfilled.expires_at as string).getTime()).toBe(createdAt.getTime() + 1095 * DAY)
      expect(await rows(db(), `select entry_id, action, actor_id, changes from payment_risk_negative_list_audit`)).toEqual([
        { entry_id: longExpired.id, action: "delete", actor_id: null, changes: {} },
      ])
      expect(await rows(db(), `select identity_hash from payment_risk_credit_query`)).toEqual([{ identity_hash: "new" }])
      expect(await rows(db(), `select order_id from payment_risk_review_event`)).toEqual([{ order_id: "order_new" }])
    })
  })

  describe("listAssessmentsToScrub and scrubAssessments", () => {
    it("should pick assessments past their period or erased without scrubbing, never one awaiting review, and scrub them", async () => {
      const old = await assessment("cart_old")
      const pending = await assessment("cart_pending", { review_status: "pending" })
      const fresh = await assessment("cart_fresh")
      const unscrubbed = await assessment("cart_unscrubbed", { identity_key: "erased" })
      await db().raw(`update payment_risk_assessment set created_at = ? where id = any(?)`, [ago(800), [old.id, pending.id]])

      const due = await service.listAssessmentsToScrub(ago(730))
      expect(due.map((a) => a.id).sort()).toEqual([old.id, unscrubbed.id].sort())

      expect(await service.scrubAssessments(due.map((a) => a.id))).toBe(2)
      const [scrubbed] = await rows(db(), `select cart_id, email, customer_id, identity_key, decision from payment_risk_assessment where id = ?`, [old.id])
      expect(scrubbed).toMatchObject({ cart_id: `erased:${old.id}`, email: null, customer_id: null, identity_key: "erased" })
      expect(scrubbed.decision).toMatchObject({ erased: true, allowed_provider_ids: ["pp_prepayment_manual"] })
      expect(JSON.stringify(scrubbed.decision)).not.toContain("Anna")
      expect(await service.listAssessmentsToScrub(ago(730))).toEqual([])
      expect(await count("payment_risk_assessment", "id = ? and email is not null", [fresh.id])).toBe(1)
    })
  })

  describe("eraseShopperRecords", () => {
    it("should scrub her assessments and delete her rows in every tracking table, and leave another shopper's alone", async () => {
      const hers = await assessment("cart_her")
      const other = await assessment("cart_other")
      for (const [cart, customer, email] of [["cart_her", "cus_her", "ek_her"], ["cart_other", "cus_other", "ek_other"]]) {
        await service.upsertCartSignal({ cart_id: cart, customer_id: customer, email_key: email, phone_key: null, address_key: null, ip_key: `ip_${cart}`, contents_key: null })
        await service.observeIdentity({ cart_id: cart, identity_key: `id_${cart}`, email_key: email, customer_id: customer, ip_key: `ip_${cart}` }, ago(1))
        await service.createCreditQueries({ provider_id: "sandbox", identity_hash: `ih_${cart}`, cart_id: cart })
        await service.reserveCreditQuery(
          { cart_id: cart, identity_hash: `ih_${cart}`, ip_key: `ip_${cart}`, customer_id: customer, paid: true },
          { queries_per_cart: 5, identities_per_cart: 5, identities_per_ip: 5, identities_per_customer: 5 }
        )
        await service.createCreditLimitEvents({ cart_id: cart, limit_name: "queries_per_cart", max: 1 })
        await service.createReviewEvents({ order_id: `order_${cart}`, action: "flagged" })
        await service.createPaymentOutcomes({ order_id: `order_${cart}`, kind: "chargeback", occurred_at: ago(1), source: "webhook", list_entry_ids: [] })
      }
      await service.insertListEntries([preparedEntry({ value: "her@example.com" }), preparedEntry({ value: "kept@example.com" })], null)
      const [herEntry, keptEntry] = await rows<{ id: string }>(db(), `select id from payment_risk_negative_list_entry order by value`)

      expect(await service.findShopperKeys({ cart_ids: ["cart_her"], customer_ids: ["cus_her"] })).toEqual({
        credit_identity_hashes: ["ih_cart_her"],
        ip_keys: ["ip_cart_her"],
      })
      const plan: ShopperErasurePlan = {
        customer_ids: ["cus_her"],
        cart_ids: ["cart_her"],
        order_ids: ["order_cart_her"],
        email_keys: ["ek_her"],
        assessment_ids: [hers.id],
        credit_identity_hashes: ["ih_cart_her"],
        list_entry_ids: [herEntry.id],
        kept_list_entry_ids: [keptEntry.id],
      }
      expect(await service.eraseShopperRecords(plan)).toEqual({
        erased: 1,
        signals_deleted: 1,
        identity_observations_deleted: 1,
        credit_queries_deleted: 1,
        credit_reservations_deleted: 1,
        credit_limit_events_deleted: 1,
        review_events_deleted: 1,
        outcomes_deleted: 1,
        receivables_deleted: 0,
        dunning_notifications_deleted: 0,
        list_entries_deleted: 1,
        list_audits_deleted: 1,
        list_entries_kept: 1,
        cart_evaluations_anonymised: 0,
        order_figures_anonymised: 0,
      })
      for (const table of ["payment_risk_cart_signal", "payment_risk_identity_observation", "payment_risk_credit_query", "payment_risk_credit_reservation", "payment_risk_credit_limit_event"]) {
        expect(await rows(db(), `select cart_id from ${table}`)).toEqual([{ cart_id: "cart_other" }])
      }
      expect(await rows(db(), `select order_id from payment_risk_review_event`)).toEqual([{ order_id: "order_cart_other" }])
      expect(await rows(db(), `select id from payment_risk_negative_list_entry`)).toEqual([{ id: keptEntry.id }])
      expect(await count("payment_risk_negative_list_audit")).toBe(1)
      expect(await rows(db(), `select id, identity_key from payment_risk_assessment order by identity_key`)).toEqual([
        { id: other.id, identity_key: "email:cart_other@example.com" },
        { id: hers.id, identity_key: "erased" },
      ])
      expect(await service.findShopperAssessments({ emails: ["cart_her@example.com"], customer_ids: ["cus_her"], cart_ids: ["cart_her"], order_ids: [] })).toEqual([])
    })
  })
})
