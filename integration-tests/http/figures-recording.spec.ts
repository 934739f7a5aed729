import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import eraseExpiredAssessmentData from "../../src/jobs/erase-expired-assessment-data"
import { recordOrderFiguresWorkflow } from "../../src/workflows/completion/record-order-figures"
import { backfillOrderFigures } from "../../src/risk/figures/backfill-order-figures"
import { GERMAN_ADDRESS } from "../helpers/checkout"
import { ruleBody, rulesAdmin } from "../helpers/rules"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"
import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import type PaymentRiskModuleService from "../../src/modules/payment-risk/service"

/*
 * Issue 17, "What is recorded": one figures row per evaluated cart and decision (listing and
 * completion), the placed order's row and its cart's rows completed, no personal data, ids
 * removed on erasure, rows deleted after `retention.figures_days` — and the shopper's answer never
 * waits for any of it.
 */

const DAY = 86_400_000

type Knex = {
  raw: (sql: string, bindings?: unknown[]) => Promise<{ rows: Array<Record<string, any>> }>
  transaction: () => Promise<Knex & { commit: () => Promise<void>; rollback: () => Promise<void> }>
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls until `done` holds for what `read` gives (the figures are written in the background). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > until) return value
    await sleep(100)
  }
}

withTestStore((ctx) => {
  const pg = () => ctx.container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const evaluations = async (cartId: string) =>
    (await pg().raw(`select * from payment_risk_cart_evaluation where cart_id = ? order by evaluated_at, id`, [cartId])).rows
  const figureOf = async (orderId: string) => (await pg().raw(`select * from payment_risk_order_figure where order_id = ?`, [orderId])).rows
  /** the cart's summary row, which the overview counts carts from (kept with the cart's rows) */
  const cartFigure = async (cartId: string) => (await pg().raw(`select * from payment_risk_cart_figure where cart_id = ?`, [cartId])).rows
  const store = () => ({ headers: ctx.shop.headers.headers })
  const newCart = (email: string) => ctx.shop.createCart({ email })
  /** the background write of the listing has landed (or, after a reload, nothing more will) */
  const settled = async (cartId: string, rows: number) => {
    const found = await eventually(() => evaluations(cartId), (r) => r.length >= rows)
    await sleep(300)
    return (await evaluations(cartId)).length === found.length ? found : await evaluations(cartId)
  }

  describe("when a shopper reloads the payment step three times", () => {
    it("should record one row for the cart and its decision", async () => {
      const cart = await newCart("reload@example.com")
      for (let i = 0; i < 3; i++) expect((await ctx.shop.allowedProviders(cart.id)).status).toBe(200)
      const rows = await settled(cart.id, 1)
      expect(rows).toHaveLength(1)
      // a new customer: the first-order rule hides invoice (and the system provider's class)
      expect(rows[0]).toMatchObject({
        stage: "listing",
        currency_code: "eur",
        restricted: true,
        fallback: false,
        completed_at: null,
        order_id: null,
        credit_ran: false,
      })
      expect(Number(rows[0].total)).toBe(49)
      expect(rows[0].raw_total).toEqual({ value: "49", precision: 20 })
      expect(rows[0].causes).toContain("first_order")
      expect(rows[0].hidden_classes).toContain("invoice")
      expect(rows[0].offered_classes).toEqual(expect.arrayContaining(["prepayment", "cash_on_delivery"]))
      expect(rows[0].offered_classes).not.toContain("invoice")
    })
  })

  describe("when the cart's total crosses a limit", () => {
    it("should record a second row for the changed decision, and none for the admin's dry run", async () => {
      const cart = await newCart("change@example.com")
      const before = (await ctx.shop.allowedIds(cart.id))
      expect(before).toContain(PROVIDERS.cod)
      await settled(cart.id, 1)

      // 49 + 1,299 EUR: above the first order's cash-on-delivery limit of 300
      await ctx.api.post(`/store/carts/${cart.id}/line-items`, { variant_id: ctx.store.expensiveVariantId, quantity: 1 }, store())
      expect(await ctx.shop.allowedIds(cart.id)).not.toContain(PROVIDERS.cod)
      expect(await ctx.shop.allowedIds(cart.id)).not.toContain(PROVIDERS.cod)
      const rows = await settled(cart.id, 2)
      expect(rows).toHaveLength(2)
      expect(rows[0].decision_key).not.toBe(rows[1].decision_key)
      expect(Number(rows[1].total)).toBe(1348)
      expect(rows[1].hidden_classes).toContain("cash_on_delivery")
      expect(rows[0].hidden_classes).not.toContain("cash_on_delivery")

      // the admin's evaluate tool stores nothing
      const dryRun = await ctx.api.post("/admin/payment-risk/evaluate", { cart_id: cart.id }, { ...ctx.admin, validateStatus: () => true })
      expect(dryRun.status).toBe(200)
      await sleep(500)
      expect(await evaluations(cart.id)).toHaveLength(2)
    })
  })

  describe("when the evaluation fails", () => {
    it("should record the fallback decision as such", async () => {
      const cart = await newCart("figures-fallback@example.com")
      await pg().raw('ALTER TABLE "payment_risk_settings" RENAME TO "payment_risk_settings_broken"')
      try {
        const res = await ctx.shop.allowedProviders(cart.id)
        expect(res.data.payment_providers.map((p: { id: string }) => p.id)).toEqual([PROVIDERS.prepayment])
      } finally {
        await pg().raw('ALTER TABLE "payment_risk_settings_broken" RENAME TO "payment_risk_settings"')
      }
      const rows = await settled(cart.id, 1)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ stage: "listing", fallback: true, restricted: true, offered_classes: ["prepayment"] })
      expect(rows[0].causes).toEqual(["fallback"])
    })
  })

  describe("when one restricted cart is completed and another is left", () => {
    it("should record the order's figure, complete the first cart's rows and leave the other open, with no personal data", async () => {
      const email = "figures-buyer@example.com"
      const bought = await newCart(email)
      const left = await newCart("figures-left@example.com")
      await ctx.shop.allowedProviders(bought.id)
      await ctx.shop.allowedProviders(left.id)
      await settled(bought.id, 1)
      await settled(left.id, 1)

      const collection = await ctx.shop.paymentCollection(bought.id)
      expect((await ctx.shop.createSession(collection.id, PROVIDERS.prepayment)).status).toBe(200)
      const completion = await ctx.shop.complete(bought.id)
      expect(completion.data.type).toBe("order")
      const orderId = completion.data.order.id as string

      const [figure] = await eventually(() => figureOf(orderId), (rows) => rows.length === 1)
      expect(figure).toMatchObject({
        order_id: orderId,
        currency_code: "eur",
        payment_class: "prepayment",
        provider_id: PROVIDERS.prepayment,
        review: false,
        credit_checked: false,
      })
      expect(Number(figure.amount)).toBe(49)
      expect(new Date(figure.placed_at).getTime()).toBeGreaterThan(Date.now() - 5 * 60_000)
      const [assessment] = (await pg().raw(`select risk_score, decision from payment_risk_assessment where cart_id = ?`, [bought.id])).rows
      expect(figure.score).toBe(assessment.risk_score)
      const held = (assessment.decision.rules?.rules ?? []).filter((r: { held: boolean }) => r.held).map((r: { rule_id: string }) => r.rule_id)
      expect(figure.rules_held).toEqual(held)

      // the listing row and the completion's row, both completed by the order
      const rows = await eventually(() => evaluations(bought.id), (r) => r.length === 2 && r.every((row) => row.completed_at))
      expect(rows.map((row) => row.stage).sort()).toEqual(["completion", "listing"])
      for (const row of rows) {
        expect(row).toMatchObject({ order_id: orderId, completed_class: "prepayment", completed_provider_id: PROVIDERS.prepayment, restricted: true })
      }
      const open = await evaluations(left.id)
      expect(open).toHaveLength(1)
      expect(open[0]).toMatchObject({ completed_at: null, order_id: null, restricted: true })
      // one summary per cart, written with its rows: the first evaluation, restricted, completed by prepayment or left
      const [boughtCart] = await eventually(() => cartFigure(bought.id), (r) => r.length === 1 && r[0].completed)
      expect(boughtCart).toMatchObject({ restricted: true, completed: true, completed_class: "prepayment", currency_code: "eur", causes: rows[0].causes.length ? expect.arrayContaining(rows[0].causes) : [] })
      expect(new Date(boughtCart.first_evaluated_at).getTime()).toBe(Math.min(...rows.map((row) => new Date(row.evaluated_at).getTime())))
      expect(await cartFigure(left.id)).toEqual([expect.objectContaining({ restricted: true, completed: false, completed_class: null })])

      // a redelivered order.placed adds nothing and changes nothing
      await recordOrderFiguresWorkflow(ctx.container).run({ input: { order_id: orderId } })
      expect(await figureOf(orderId)).toHaveLength(1)
      expect((await evaluations(bought.id)).map((row) => row.completed_at?.toISOString())).toEqual(rows.map((row) => row.completed_at?.toISOString()))

      // no name, email, street, postcode, city or IP in any column of either table
      const all = JSON.stringify([
        ...(await pg().raw(`select * from payment_risk_cart_evaluation`)).rows,
        ...(await pg().raw(`select * from payment_risk_order_figure`)).rows,
        ...(await pg().raw(`select * from payment_risk_cart_figure`)).rows,
      ])
      for (const personal of [email, "figures-buyer", "figures-left", GERMAN_ADDRESS.first_name, GERMAN_ADDRESS.last_name, GERMAN_ADDRESS.address_1, GERMAN_ADDRESS.postal_code, GERMAN_ADDRESS.city, "127.0.0.1", "::1"]) {
        expect(all).not.toContain(personal)
      }
    })
  })

  describe("when orders were placed before the figures were recorded", () => {
    it("should backfill each order's figure as the subscriber records it, once", async () => {
      const rules = rulesAdmin(ctx.api, ctx.admin)
      const flagging = await rules.create(
        ruleBody("Kleine Warenkörbe prüfen", [{ type: "condition", attribute: "cart.total", operator: "lt", value: 60 }], [{ type: "add_score", points: 5 }, { type: "flag_review" }])
      )
      expect(flagging.status).toBe(201)
      const ruleId = flagging.data.rule.id as string
      const first = await ctx.shop.checkout({ email: "figures-backfill-1@example.com", providerId: PROVIDERS.prepayment })
      const second = await ctx.shop.checkout({ email: "figures-backfill-2@example.com", providerId: PROVIDERS.cod })
      const orderIds = [first.completion.data.order.id as string, second.completion.data.order.id as string]
      const columns = `order_id, placed_at, currency_code, amount::text as amount, raw_amount, payment_class, provider_id, score, rules_held, flagged_by, review, credit_checked`
      const recorded = await eventually(
        async () => (await pg().raw(`select ${columns} from payment_risk_order_figure where order_id = any(?::text[]) order by order_id`, [orderIds])).rows,
        (rows) => rows.length === 2
      )
      expect(recorded.map((row) => row.payment_class).sort()).toEqual(["cash_on_delivery", "prepayment"])
      for (const row of recorded) {
        expect(row.flagged_by).toEqual([ruleId])
        expect(row.rules_held).toContain(ruleId)
        expect(row.review).toBe(true)
      }

      // as if placed before the plugin recorded figures; an order's time as PostgreSQL's now() writes it (microseconds)
      await pg().raw(`delete from payment_risk_order_figure`)
      await pg().raw(`update "order" set created_at = created_at + interval '123 microseconds' where id = any(?::text[])`, [orderIds])
      expect(await backfillOrderFigures(pg(), 1)).toBe(2)
      const backfilled = (await pg().raw(`select ${columns} from payment_risk_order_figure where order_id = any(?::text[]) order by order_id`, [orderIds])).rows
      expect(backfilled).toEqual(recorded)
      // the order's time as JavaScript keeps it (milliseconds), as the subscriber writes it
      const exact = await pg().raw(`select bool_and(placed_at = date_trunc('milliseconds', placed_at)) as ms from payment_risk_order_figure`)
      expect(exact.rows[0].ms).toBe(true)
      // a rerun adds nothing
      expect(await backfillOrderFigures(pg())).toBe(0)
      expect((await pg().raw(`select count(*)::int as n from payment_risk_order_figure`)).rows[0].n).toBe(2)
    })
  })

  describe("when the bureau is paid while listing and the completion reads the cached answer", () => {
    const enableCredit = async () => {
      const res = await ctx.api.post(
        "/admin/payment-risk/settings",
        { first_order: { enabled: false }, credit_check: { enabled: true, providers: [{ id: "sandbox", cost: 1.5 }], min_amount: 0 } },
        ctx.admin
      )
      expect(res.status).toBe(200)
    }

    it("should count each paid query of the decision's evaluations, and mark the order's figure credit checked", async () => {
      await enableCredit()
      const cart = await newCart("figures-credit@example.com")
      expect((await ctx.shop.allowedProviders(cart.id)).status).toBe(200)
      const [listed] = await settled(cart.id, 1)
      expect(listed).toMatchObject({ stage: "listing", credit_ran: true, credit_cached: false, credit_queries: 1 })
      expect(listed.credit_cost).toBeCloseTo(1.5)

      // the shopper corrects her name: a new person, a new paid query, the same decision (one row, two queries)
      const renamed = await ctx.api.post(`/store/carts/${cart.id}`, { billing_address: { ...GERMAN_ADDRESS, last_name: "Neumann" } }, store())
      expect(renamed.status).toBe(200)
      expect((await ctx.shop.allowedProviders(cart.id)).status).toBe(200)
      const [twice] = await eventually(() => evaluations(cart.id), (r) => r.length === 1 && r[0].credit_queries === 2)
      expect(twice).toMatchObject({ id: listed.id, credit_queries: 2 })
      expect(twice.credit_cost).toBeCloseTo(3)
      // a reload answered from the cache adds nothing
      expect((await ctx.shop.allowedProviders(cart.id)).status).toBe(200)
      await sleep(500)
      expect(await evaluations(cart.id)).toEqual([twice])

      const collection = await ctx.shop.paymentCollection(cart.id)
      expect((await ctx.shop.createSession(collection.id, PROVIDERS.prepayment)).status).toBe(200)
      const completion = await ctx.shop.complete(cart.id)
      expect(completion.data.type).toBe("order")
      const orderId = completion.data.order.id as string
      const [figure] = await eventually(() => figureOf(orderId), (rows) => rows.length === 1)
      expect(figure.credit_checked).toBe(true)
      const rows = await eventually(() => evaluations(cart.id), (r) => r.length === 2 && r.every((row) => row.completed_at))
      const completionRow = rows.find((row) => row.stage === "completion")!
      // the completion read the cached answer: no paid query
      expect(completionRow).toMatchObject({ credit_ran: true, credit_cached: true, credit_queries: 0, credit_cost: 0 })

      // the backfill says the same
      await pg().raw(`delete from payment_risk_order_figure`)
      expect(await backfillOrderFigures(pg())).toBe(1)
      expect((await figureOf(orderId))[0].credit_checked).toBe(true)
    })
  })

  describe("when a completed cart's id is used for the payment step again", () => {
    it("should record no new row, even when the decision would change", async () => {
      const email = "figures-old-cart@example.com"
      const { cart, completion } = await ctx.shop.checkout({ email, providerId: PROVIDERS.prepayment })
      expect(completion.data.type).toBe("order")
      const before = await eventually(() => evaluations(cart.id), (r) => r.length >= 1 && r.every((row) => row.completed_at))
      const listed = await ctx.api.post("/admin/payment-risk/negative-list", { kind: "email", value: email, reason: "Betrug", source: "manual" }, ctx.admin)
      expect(listed.status).toBe(201)

      const res = await ctx.shop.allowedProviders(cart.id)
      expect(res.status).toBe(200)
      await sleep(1000)
      const after = await evaluations(cart.id)
      expect(after.map((row) => row.id)).toEqual(before.map((row) => row.id))
      expect(after.every((row) => row.completed_at)).toBe(true)
    })
  })

  describe("when an evaluation's row lands after its cart became an order", () => {
    it("should record it completed by the order, from its siblings or else from the order's figure", async () => {
      const { cart, completion } = await ctx.shop.checkout({ email: "figures-late@example.com", providerId: PROVIDERS.prepayment })
      const orderId = completion.data.order.id as string
      await eventually(() => figureOf(orderId), (rows) => rows.length === 1)
      const rows = await eventually(() => evaluations(cart.id), (r) => r.length >= 1 && r.every((row) => row.completed_at))
      const [figure] = await figureOf(orderId)
      // as if the completion's row had not landed yet when order.placed completed the cart's rows
      const late = rows.find((row) => row.stage === "completion") ?? rows[0]
      await pg().raw(`delete from payment_risk_cart_evaluation where cart_id = ?`, [cart.id])

      const service = ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
      const record = {
        cart_id: cart.id,
        decision_key: late.decision_key,
        stage: late.stage,
        evaluated_at: new Date(),
        currency_code: "eur",
        total: 49,
        restricted: late.restricted,
        fallback: false,
        causes: late.causes,
        hidden_classes: late.hidden_classes,
        offered_classes: late.offered_classes,
        rules_held: late.rules_held,
        score: late.score,
        review: late.review,
        credit_ran: false,
        credit_cached: false,
        credit_failed: false,
        credit_cost: 0,
        credit_queries: 0,
        list_matches: null,
      }
      // started before the cart was completed (the completion's own evaluation)
      expect(await service.recordCartEvaluation(record, new Date(Date.now() - 10 * 60_000))).toBe("inserted")
      const [row] = await evaluations(cart.id)
      expect(row).toMatchObject({ order_id: orderId, completed_class: "prepayment", completed_provider_id: PROVIDERS.prepayment })
      expect(new Date(row.completed_at).getTime()).toBe(new Date(figure.placed_at).getTime())

      // an evaluation started after the cart was completed writes nothing
      expect(await service.recordCartEvaluation({ ...record, decision_key: "other" }, new Date())).toBe("cart_completed")
      expect(await evaluations(cart.id)).toHaveLength(1)
    })
  })

  describe("when the order's figure was not recorded", () => {
    it("should be recorded by the daily job with the cart's rows completed, once", async () => {
      const { cart, completion } = await ctx.shop.checkout({ email: "figures-lost@example.com", providerId: PROVIDERS.prepayment })
      const orderId = completion.data.order.id as string
      const [recorded] = await eventually(() => figureOf(orderId), (rows) => rows.length === 1)
      await eventually(() => evaluations(cart.id), (r) => r.length >= 1 && r.every((row) => row.completed_at))
      // as if order.placed's workflow had failed
      await pg().raw(`delete from payment_risk_order_figure where order_id = ?`, [orderId])
      await pg().raw(`update payment_risk_cart_evaluation set completed_at = null, order_id = null, completed_class = null, completed_provider_id = null where cart_id = ?`, [cart.id])

      const counts = await eraseExpiredAssessmentData(ctx.container)
      expect(counts).toMatchObject({ order_figures_recovered: 1 })
      const [figure] = await figureOf(orderId)
      const fields = ["placed_at", "currency_code", "amount", "payment_class", "provider_id", "score", "rules_held", "flagged_by", "review", "credit_checked"]
      for (const field of fields) expect([field, figure[field]]).toEqual([field, recorded[field]])
      const rows = await evaluations(cart.id)
      for (const row of rows) expect(row).toMatchObject({ order_id: orderId, completed_class: "prepayment", completed_provider_id: PROVIDERS.prepayment })
      expect(await eraseExpiredAssessmentData(ctx.container)).toMatchObject({ order_figures_recovered: 0, cart_evaluations_completed: 0 })
    })
  })

  describe("when the assessments' period has passed", () => {
    it("should keep the figures but unlink them from the order and the cart", async () => {
      const { cart, completion } = await ctx.shop.checkout({ email: "figures-aged@example.com", providerId: PROVIDERS.prepayment })
      const orderId = completion.data.order.id as string
      const [figure] = await eventually(() => figureOf(orderId), (rows) => rows.length === 1)
      const rows = await eventually(() => evaluations(cart.id), (r) => r.length >= 1 && r.every((row) => row.completed_at))
      await pg().raw(`update payment_risk_cart_evaluation set evaluated_at = evaluated_at - interval '731 days' where cart_id = ?`, [cart.id])
      await pg().raw(`update payment_risk_order_figure set placed_at = placed_at - interval '731 days' where order_id = ?`, [orderId])
      // the order's assessment is as old (the job scrubs it first)
      await pg().raw(`update payment_risk_assessment set created_at = created_at - interval '731 days' where cart_id = ?`, [cart.id])

      const counts = await eraseExpiredAssessmentData(ctx.container)
      expect(counts).toMatchObject({ order_figures_unlinked: 1, cart_evaluations_unlinked: rows.length })
      expect(await figureOf(orderId)).toHaveLength(0)
      const [kept] = (await pg().raw(`select order_id, score from payment_risk_order_figure where id = ?`, [figure.id])).rows
      expect(kept).toEqual({ order_id: null, score: figure.score })
      const unlinked = (await pg().raw(`select cart_id, order_id from payment_risk_cart_evaluation where id = any(?::text[])`, [rows.map((row) => row.id)])).rows
      expect(unlinked).toHaveLength(rows.length)
      expect(new Set(unlinked.map((row) => row.cart_id)).size).toBe(1)
      for (const row of unlinked) expect(row).toMatchObject({ cart_id: expect.stringMatching(/^erased:/), order_id: null })
      // the cart's summary carries the same token
      expect(await cartFigure(cart.id)).toHaveLength(0)
      expect(await cartFigure(unlinked[0].cart_id)).toEqual([expect.objectContaining({ completed: true })])
      // and the daily job does not record the order's figure again
      expect(await figureOf(orderId)).toHaveLength(0)
    })
  })

  describe("when the shopper asks for erasure", () => {
    it("should keep her figures without the cart and order ids", async () => {
      const email = "figures-erase@example.com"
      const { cart, completion } = await ctx.shop.checkout({ email, providerId: PROVIDERS.prepayment })
      const orderId = completion.data.order.id as string
      await eventually(() => figureOf(orderId), (rows) => rows.length === 1)
      const rows = await eventually(() => evaluations(cart.id), (r) => r.length >= 1 && r.every((row) => row.completed_at))
      const ids = rows.map((row) => row.id)
      const [figure] = await figureOf(orderId)

      const res = await ctx.api.post("/admin/payment-risk/erasure", { email }, ctx.admin)
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({ cart_evaluations_anonymised: ids.length, order_figures_anonymised: 1 })

      const kept = (await pg().raw(`select cart_id, order_id, completed_at from payment_risk_cart_evaluation where id = any(?::text[])`, [ids])).rows
      expect(kept).toHaveLength(ids.length)
      // one random token for the cart on all its rows: still one cart in "carts evaluated", nothing pointing to it
      for (const row of kept) expect(row).toMatchObject({ cart_id: expect.stringMatching(/^erased:[0-9a-f-]{36}$/), order_id: null, completed_at: expect.any(Date) })
      expect(new Set(kept.map((row) => row.cart_id)).size).toBe(1)
      expect(kept[0].cart_id).not.toContain(cart.id)
      // the cart's summary carries the same token, its first evaluation cut to the day
      expect(await cartFigure(cart.id)).toHaveLength(0)
      const [keptCart] = (await pg().raw(`select completed, first_evaluated_at = date_trunc('day', first_evaluated_at) as day_only from payment_risk_cart_figure where cart_id = ?`, [kept[0].cart_id])).rows
      expect(keptCart).toEqual({ completed: true, day_only: true })
      const [keptFigure] = (await pg().raw(`select order_id, amount, placed_at = date_trunc('day', placed_at) as day_only from payment_risk_order_figure where id = ?`, [figure.id])).rows
      expect(keptFigure).toMatchObject({ order_id: null, day_only: true })
      expect(Number(keptFigure.amount)).toBe(49)

      // the daily job does not record the erased order's figure again
      await eraseExpiredAssessmentData(ctx.container)
      expect(await figureOf(orderId)).toHaveLength(0)
      expect((await pg().raw(`select count(*)::int as n from payment_risk_order_figure`)).rows[0].n).toBe(1)
    })
  })

  describe("when figures are older than retention.figures_days", () => {
    it("should reject a period of 0 days naming the field", async () => {
      const res = await ctx.api.post("/admin/payment-risk/settings", { retention: { figures_days: 0 } }, { ...ctx.admin, validateStatus: () => true })
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("figures_days")
    })

    it("should delete them in the daily job and keep the younger ones", async () => {
      const settings = await ctx.api.post("/admin/payment-risk/settings", { retention: { figures_days: 30 } }, ctx.admin)
      expect(settings.status).toBe(200)
      const { cart, completion } = await ctx.shop.checkout({ email: "figures-old@example.com", providerId: PROVIDERS.prepayment })
      const oldOrder = completion.data.order.id as string
      const young = await newCart("figures-young@example.com")
      await ctx.shop.allowedProviders(young.id)
      await eventually(() => figureOf(oldOrder), (rows) => rows.length === 1)
      await eventually(() => evaluations(cart.id), (r) => r.length >= 1 && r.every((row) => row.completed_at))
      await settled(young.id, 1)
      await pg().raw(`update payment_risk_cart_evaluation set evaluated_at = now() - interval '31 days' where cart_id = ?`, [cart.id])
      await pg().raw(`update payment_risk_order_figure set placed_at = now() - interval '31 days' where order_id = ?`, [oldOrder])

      const counts = await eraseExpiredAssessmentData(ctx.container)
      expect(counts).toMatchObject({ cart_evaluations: expect.any(Number), order_figures: 1 })
      expect(counts.cart_evaluations).toBeGreaterThanOrEqual(1)
      expect(await evaluations(cart.id)).toHaveLength(0)
      expect(await figureOf(oldOrder)).toHaveLength(0)
      expect(await evaluations(young.id)).toHaveLength(1)
      // the summary goes with the cart's rows; the young cart keeps its own
      expect(await cartFigure(cart.id)).toHaveLength(0)
      expect(await cartFigure(young.id)).toHaveLength(1)

      // with the default period (1460 days) a month-old row stays
      await ctx.api.post("/admin/payment-risk/settings", { retention: { figures_days: 1460 } }, ctx.admin)
      await pg().raw(`update payment_risk_cart_evaluation set evaluated_at = now() - interval '31 days' where cart_id = ?`, [young.id])
      await eraseExpiredAssessmentData(ctx.container, { now: new Date(Date.now() + DAY) })
      expect(await evaluations(young.id)).toHaveLength(1)
    })
  })

  describe("when the figures table cannot be written", () => {
    it("should answer the payment step without waiting for the write, count the lost evaluation and show it in the overview of its day", async () => {
      const cart = await newCart("figures-locked@example.com")
      // warm-up, then the route's time with the figures written (distinct decisions are not needed: the insert runs either way)
      await ctx.shop.allowedProviders(cart.id)
      await settled(cart.id, 1)
      const time = async () => {
        const started = process.hrtime.bigint()
        expect((await ctx.shop.allowedProviders(cart.id)).status).toBe(200)
        return Number(process.hrtime.bigint() - started) / 1e6
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
      const free: number[] = []
      for (let i = 0; i < 15; i++) free.push(await time())

      const other = await newCart("figures-locked-2@example.com")
      const lostSoFar = async () => (await pg().raw(`select coalesce(sum(evaluations_lost), 0)::int as n from payment_risk_figure_gap`)).rows[0].n as number
      const lostBefore = await lostSoFar()
      const trx = await pg().transaction()
      try {
        // every write to the table now waits for this transaction
        await trx.raw(`lock table payment_risk_cart_evaluation in access exclusive mode`)
        const answer = await Promise.race([
          ctx.shop.allowedProviders(other.id).then((res) => res.status),
          sleep(10_000).then(() => "still waiting"),
        ])
        expect(answer).toBe(200)
        // the write of `other` waits on the lock; at most MAX_PENDING_FIGURE_WRITES wait, the rest are skipped
        const locked: number[] = []
        for (let i = 0; i < 5; i++) locked.push(await time())
        // eslint-disable-next-line no-console
        console.log(`payment-providers route, median of ${free.length}: ${median(free).toFixed(1)} ms with the figures written; ${median(locked).toFixed(1)} ms with their table locked (write pending)`)
        // (read inside the locking transaction: any other reader waits too)
        expect((await trx.raw(`select id from payment_risk_cart_evaluation where cart_id = ?`, [other.id])).rows).toHaveLength(0)
        // the waiting write gives its pooled connection back after its lock timeout (200 ms), not when the lock goes
        await sleep(1500)
        const waiting = await trx.raw(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%payment_risk_cart_evaluation%' and pid <> pg_backend_pid()`)
        expect(waiting.rows[0].n).toBe(0)
      } finally {
        await trx.rollback()
      }
      // that evaluation's row is lost (logged); the next evaluation records it
      await sleep(500)
      expect(await evaluations(other.id)).toHaveLength(0)
      await ctx.shop.allowedProviders(other.id)
      const rows = await eventually(() => evaluations(other.id), (r) => r.length === 1)
      expect(rows).toHaveLength(1)

      // the lost evaluation is counted with that next write, and the overview of the day says so
      expect(await eventually(lostSoFar, (n) => n > lostBefore)).toBe(lostBefore + 1)
      const gap = (await pg().raw(`select day, currency_code from payment_risk_figure_gap`)).rows
      const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00.000Z")
      expect(gap).toEqual([{ day: today, currency_code: rows[0].currency_code }])
      const query = new URLSearchParams({ from: today.toISOString(), to: new Date(Date.now() + 60_000).toISOString(), currency_code: rows[0].currency_code })
      const overview = await ctx.api.get(`/admin/payment-risk/analytics?${query}`, ctx.admin)
      expect(overview.data.recording).toEqual({ evaluations_lost: lostBefore + 1 })
      // a period of other days does not show them
      const yesterday = new URLSearchParams({ from: new Date(today.getTime() - DAY).toISOString(), to: today.toISOString(), currency_code: rows[0].currency_code })
      expect((await ctx.api.get(`/admin/payment-risk/analytics?${yesterday}`, ctx.admin)).data.recording).toEqual({ evaluations_lost: 0 })
    })
  })
})
