import { RetentionPeriods } from "../../../../engine/privacy/retention"
import { rebuildCartFigures } from "../../repositories/figures"
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

      // the figures' count of lost evaluations: a day past figures_days and a recent one
      await service.recordLostEvaluations([
        { day: ago(1461), currency_code: "EUR", count: 3 },
        { day: ago(2), currency_code: "eur", count: 1 },
      ])

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
        figure_gaps: 1,
      })
      expect(await rows(db(), `select currency_code, evaluations_lost from payment_risk_figure_gap`)).toEqual([{ currency_code: "eur", evaluations_lost: 1 }])
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

  /** one figures row of an evaluated cart (as the recording writes it), `daysAgo` days old */
  const evaluation = async (cart_id: string | null, key: string, daysAgo: number, extra: { order_id?: string; completed?: boolean } = {}) => {
    const at = new Date(Date.now() - daysAgo * DAY - 3_723_456)
    await db().raw(
      `insert into payment_risk_cart_evaluation
         (id, cart_id, decision_key, stage, evaluated_at, currency_code, total, raw_total, restricted, causes, hidden_classes,
          offered_classes, rules_held, score, list_matches, completed_at, order_id)
       values (?, ?, ?, 'listing', ?, 'eur', 49, '{"value":"49","precision":20}', true, '{negative_list}', '{invoice}',
               '{prepayment}', '{rule_1}', 30, '[{"kind":"email","source":"manual"}]', ?, ?)`,
      [`prce_${cart_id ?? "none"}_${key}`, cart_id, key, at, extra.completed ? at : null, extra.order_id ?? null]
    )
  }
  const orderFigure = async (order_id: string, daysAgo: number) => {
    await db().raw(
      `insert into payment_risk_order_figure
         (id, order_id, placed_at, currency_code, amount, raw_amount, payment_class, provider_id, score, rules_held, flagged_by, review)
       values (?, ?, ?, 'eur', 49, '{"value":"49","precision":20}', 'invoice', 'pp_invoice_manual', 30, '{rule_1}', '{rule_1}', true)`,
      [`prof_${order_id}`, order_id, new Date(Date.now() - daysAgo * DAY - 3_723_456)]
    )
  }
  const distinctCarts = async () => (await rows<{ n: number }>(db(), `select count(distinct coalesce(cart_id, id))::int as n from payment_risk_cart_evaluation`))[0].n
  /** the carts' summaries (the overview's carts) name the same carts as the rows: the same tokens */
  const summarisedCarts = async () => (await rows<{ cart_id: string }>(db(), `select cart_id from payment_risk_cart_figure order by cart_id`)).map((r) => r.cart_id)
  const rowCarts = async () => (await rows<{ k: string }>(db(), `select distinct coalesce(cart_id, id) as k from payment_risk_cart_evaluation order by k`)).map((r) => r.k)

  describe("unlinkExpiredFigures", () => {
    it("should unlink order figures and carts older than the assessments' period, one token per cart, and keep the younger ones", async () => {
      await evaluation("cart_old", "a", 800)
      await evaluation("cart_old", "b", 799)
      await evaluation("cart_old", "c", 798, { order_id: "order_old", completed: true })
      await evaluation("cart_old_2", "a", 731)
      await evaluation("cart_young", "a", 729, { order_id: "order_young", completed: true })
      await orderFigure("order_old", 798)
      await orderFigure("order_young", 729)
      expect(await distinctCarts()).toBe(3)
      expect(await rebuildCartFigures(db() as never)).toBe(3)

      expect(await service.unlinkExpiredFigures(ago(730))).toEqual({ order_figures_unlinked: 1, cart_evaluations_unlinked: 4 })

      const old = await rows<{ cart_id: string; order_id: string | null; score: number }>(
        db(), `select cart_id, order_id, score from payment_risk_cart_evaluation where id like 'prce_cart_old_%' order by evaluated_at, id`
      )
      // cart_old's three rows and cart_old_2's row: each cart one token, no order id; the figures themselves stay
      const tokens = old.map((row) => row.cart_id)
      for (const token of tokens) expect(token).toMatch(/^erased:[0-9a-f-]{36}$/)
      expect(new Set(tokens.slice(0, 3)).size).toBe(1)
      expect(tokens[3]).not.toBe(tokens[0])
      for (const row of old) expect(row).toMatchObject({ order_id: null, score: 30 })
      expect(await rows(db(), `select cart_id, order_id from payment_risk_cart_evaluation where id like 'prce_cart_young_%'`)).toEqual([
        { cart_id: "cart_young", order_id: "order_young" },
      ])
      expect(await rows(db(), `select id, order_id from payment_risk_order_figure order by id`)).toEqual([
        { id: "prof_order_old", order_id: null },
        { id: "prof_order_young", order_id: "order_young" },
      ])
      // "carts evaluated" is still three, the summaries carry the rows' tokens
      expect(await distinctCarts()).toBe(3)
      expect(await summarisedCarts()).toEqual(await rowCarts())

      // a rerun changes nothing (a token is not replaced again)
      expect(await service.unlinkExpiredFigures(ago(730))).toEqual({ order_figures_unlinked: 0, cart_evaluations_unlinked: 0 })
      expect((await rows<{ cart_id: string }>(db(), `select cart_id from payment_risk_cart_evaluation where id like 'prce_cart_old_%' order by evaluated_at, id`)).map((r) => r.cart_id)).toEqual(tokens)
    })
  })

  describe("eraseShopperRecords", () => {
    it("should keep her figures with one token per cart, no order id and times cut to the day", async () => {
      for (const key of ["a", "b", "c"]) await evaluation("cart_her", key, 3, key === "c" ? { order_id: "order_her", completed: true } : {})
      // a second cart of hers, found by its order only
      await evaluation("cart_her_2", "a", 2, { order_id: "order_her_2", completed: true })
      await evaluation("cart_other", "a", 3)
      await orderFigure("order_her", 3)
      await orderFigure("order_her_2", 2)
      expect(await distinctCarts()).toBe(3)
      expect(await rebuildCartFigures(db() as never)).toBe(3)

      const result = await service.eraseShopperRecords({
        customer_ids: [],
        cart_ids: ["cart_her"],
        order_ids: ["order_her", "order_her_2"],
        email_keys: [],
        assessment_ids: [],
        credit_identity_hashes: [],
        list_entry_ids: [],
        kept_list_entry_ids: [],
      })
      expect(result).toMatchObject({ cart_evaluations_anonymised: 4, order_figures_anonymised: 2 })

      const hers = await rows<{ id: string; cart_id: string; order_id: string | null; evaluated_at: Date; completed_at: Date | null }>(
        db(), `select id, cart_id, order_id, evaluated_at, completed_at from payment_risk_cart_evaluation where id like 'prce_cart_her%' order by evaluated_at, id`
      )
      expect(hers).toHaveLength(4)
      const midnight = (value: Date) => {
        const d = new Date(value)
        return d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0
      }
      for (const row of hers) {
        expect(row.cart_id).toMatch(/^erased:[0-9a-f-]{36}$/)
        expect(row.order_id).toBeNull()
        expect(midnight(row.evaluated_at)).toBe(true)
        if (row.completed_at) expect(midnight(row.completed_at)).toBe(true)
      }
      // her first cart's three rows share one token, her second cart has another: still two carts of hers
      expect(new Set(hers.slice(0, 3).map((row) => row.cart_id)).size).toBe(1)
      expect(hers[3].cart_id).not.toBe(hers[0].cart_id)
      expect(await distinctCarts()).toBe(3)
      // the summaries carry the rows' tokens, their first evaluation cut to the day
      expect(await summarisedCarts()).toEqual(await rowCarts())
      for (const figure of await rows<{ first_evaluated_at: Date }>(db(), `select first_evaluated_at from payment_risk_cart_figure where cart_id like 'erased:%'`)) {
        expect(midnight(figure.first_evaluated_at)).toBe(true)
      }
      expect(await rows(db(), `select cart_id from payment_risk_cart_evaluation where id like 'prce_cart_other%'`)).toEqual([{ cart_id: "cart_other" }])
      const figures = await rows<{ order_id: string | null; placed_at: Date }>(db(), `select order_id, placed_at from payment_risk_order_figure`)
      expect(figures).toHaveLength(2)
      for (const figure of figures) {
        expect(figure.order_id).toBeNull()
        expect(midnight(figure.placed_at)).toBe(true)
      }
    })

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
