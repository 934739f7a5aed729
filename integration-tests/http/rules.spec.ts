import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DEFAULT_RULES } from "../../src/engine"
import { PAYMENT_RISK_MODULE } from "../../src/modules/payment-risk"
import PaymentRiskModuleService from "../../src/modules/payment-risk/service"
import { GERMAN_ADDRESS } from "../helpers/checkout"
import {
  BELARUS_ADDRESS,
  createCartIn,
  makeKnownCustomer,
  ruleBody,
  rulesAdmin,
  seedRulesStore,
  US_ADDRESS,
} from "../helpers/rules"
import { writeCountryDatabase } from "../helpers/rules-geoip"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

// a small MaxMind-format country database, passed to the plugin as medusa-config does in a store
const GEOIP_DB = join(mkdtempSync(join(tmpdir(), "payment-risk-geoip-")), "country.mmdb")
writeCountryDatabase(GEOIP_DB, { "8.8.8.0/24": "us", "1.2.0.0/16": "de" })
process.env.PAYMENT_RISK_GEOIP_DB = GEOIP_DB

const condition = (attribute: string, operator: string, value?: unknown, params?: Record<string, unknown>) => ({
  type: "condition",
  attribute,
  operator,
  ...(value !== undefined ? { value } : {}),
  ...(params ? { params } : {}),
})
const HIDE_INVOICE = [{ type: "hide_classes", classes: ["invoice"] }]

withTestStore({ timeout: 180 * 1000, seed: seedRulesStore }, (ctx) => {
  let rules: ReturnType<typeof rulesAdmin>

  beforeEach(async () => {
    rules = rulesAdmin(ctx.api, ctx.admin)
  })

  const service = () => ctx.container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)

  describe("when a route is called without admin authentication", () => {
    it.each([
      ["get", "/admin/payment-risk/rules"],
      ["post", "/admin/payment-risk/rules"],
      ["get", "/admin/payment-risk/rules/conditions"],
      ["get", "/admin/payment-risk/rules/prrule_1"],
      ["post", "/admin/payment-risk/rules/prrule_1"],
      ["delete", "/admin/payment-risk/rules/prrule_1"],
      ["post", "/admin/payment-risk/evaluate"],
    ])("should answer 401 to %s %s", async (method, url) => {
      const config = { validateStatus: () => true }
      const res =
        method === "get" ? await ctx.api.get(url, config) : method === "delete" ? await ctx.api.delete(url, config) : await ctx.api.post(url, {}, config)
      expect(res.status).toBe(401)
    })
  })

  describe("when a rule body is invalid", () => {
    const valid = ruleBody("Teure Warenkörbe", [condition("cart.total", "gte", 1000)], HIDE_INVOICE)

    it.each<[string, Record<string, unknown>, RegExp]>([
      ["an unknown attribute", { ...valid, conditions: { type: "group", combinator: "and", children: [condition("cart.colour", "eq", 1)] } }, /conditions, children, 0, attribute'.*unknown attribute 'cart.colour'/],
      ["an operator the attribute does not take", { ...valid, conditions: { type: "group", combinator: "and", children: [condition("cart.total", "in", ["1"])] } }, /conditions, children, 0, operator'.*'in' is not allowed for cart.total/],
      ["between with one value", { ...valid, conditions: { type: "group", combinator: "and", children: [condition("cart.total", "between", [100])] } }, /conditions, children, 0, value'.*\[min, max\]/],
      ["a nested condition with a bad value", { ...valid, conditions: { type: "group", combinator: "or", children: [{ type: "group", combinator: "and", children: [condition("velocity.email", "gte", 3, { window_minutes: 60 })] }] } }, /conditions, children, 0, children, 0, params, source/],
      ["no actions", { name: "x", conditions: valid.conditions }, /actions/],
      ["an empty action list", { ...valid, actions: [] }, /actions/],
      ["an action without its classes", { ...valid, actions: [{ type: "hide_classes" }] }, /actions, 0, classes/],
      ["a validity window ending before it starts", { ...valid, valid_from: "2030-02-01T00:00:00Z", valid_until: "2030-01-01T00:00:00Z" }, /valid_until'.*after valid_from/],
      ["a validity date that is no date", { ...valid, valid_from: "tomorrow" }, /valid_from/],
      ["an empty name", { ...valid, name: "" }, /name/],
    ])("should answer 400 naming the field for %s", async (_case, body, message) => {
      const res = await rules.create(body)
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(message)
    })

    it("should check an update's window against the stored bound", async () => {
      const created = await rules.create({ ...valid, valid_from: "2030-02-01T00:00:00Z" })
      expect(created.status).toBe(201)
      const res = await rules.update(created.data.rule.id, { valid_until: "2030-01-01T00:00:00Z" })
      expect(res.status).toBe(400)
      expect(res.data.message).toMatch(/valid_until'.*after valid_from/)
      const op = await rules.update(created.data.rule.id, { conditions: { type: "group", combinator: "and", children: [condition("cart.total", "is_true")] } })
      expect(op.status).toBe(400)
      expect(op.data.message).toMatch(/conditions, children, 0, operator/)
    })
  })

  describe("when the merchant opens the rules", () => {
    it("should list the default rules once, editable, and not bring back a deleted one", async () => {
      let data = await rules.list()
      expect(data.count).toBe(DEFAULT_RULES.length)
      expect(data.rules.map((r: { default_key: string }) => r.default_key)).toEqual(
        [...DEFAULT_RULES].sort((a, b) => a.priority - b.priority).map((r) => r.default_key)
      )
      const bulk = data.rules.find((r: { default_key: string }) => r.default_key === "bulk_to_risk_country")
      expect(bulk).toMatchObject({ enabled: true, priority: 10, conditions: { type: "group" } })
      // every default rule explains itself in plain words, without references to documents
      for (const rule of data.rules as Array<{ name: string; description: string | null }>) {
        expect(rule.description).toEqual(expect.any(String))
        expect(`${rule.name} ${rule.description}`).not.toMatch(/checklist|seed|infobox|§\s?5/i)
      }

      const edited = await rules.update(bulk.id, { enabled: false, priority: 5 })
      expect(edited.status).toBe(200)
      expect(edited.data.rule).toMatchObject({ enabled: false, priority: 5, default_key: "bulk_to_risk_country" })
      expect(edited.data.rule.updated_by).toEqual(expect.stringMatching(/^user_/))

      const removed = await rules.remove(bulk.id)
      expect(removed.data).toEqual({ id: bulk.id, object: "payment_risk_rule", deleted: true })
      data = await rules.list()
      expect(data.count).toBe(DEFAULT_RULES.length - 1)
      expect(data.rules.map((r: { id: string }) => r.id)).not.toContain(bulk.id)
      // an evaluation (which seeds when never seeded) does not bring it back either
      const cart = await ctx.shop.createCart({ email: "x@example.com" })
      await ctx.shop.allowedIds(cart.id)
      expect((await rules.list()).count).toBe(DEFAULT_RULES.length - 1)
      expect((await ctx.api.get(`/admin/payment-risk/rules/${bulk.id}`, { ...ctx.admin, validateStatus: () => true })).status).toBe(404)
    })

    it("should seed only once when two requests arrive at the same moment", async () => {
      const counts = await Promise.all([rules.list(), rules.list(), rules.list()])
      expect(counts.map((d) => d.count)).toEqual([DEFAULT_RULES.length, DEFAULT_RULES.length, DEFAULT_RULES.length])
      expect(await service().listRiskRules({}, { select: ["id"] })).toHaveLength(DEFAULT_RULES.length)
    })

    it("should list the condition catalogue with labels in German and English", async () => {
      const { data } = await ctx.api.get("/admin/payment-risk/rules/conditions", ctx.admin)
      const total = data.conditions.find((c: { attribute: string }) => c.attribute === "cart.total")
      expect(total).toMatchObject({ group: "cart", type: "number", label: { de: "Warenkorbsumme", en: "Cart total" } })
      expect(total.operators).toContain("between")
      const velocity = data.conditions.find((c: { attribute: string }) => c.attribute === "velocity.email")
      expect(velocity.params).toEqual(["window_minutes", "source"])
    })
  })

  describe("when a rule hides invoice from a cart total on", () => {
    it("should hide invoice in the listing and refuse an invoice session, without naming the rule", async () => {
      await makeKnownCustomer(ctx.api, ctx.admin, ctx.store, "stamm@example.com")
      const created = await rules.create(ruleBody("Geheime Regel Großbestellung", [condition("cart.total", "gte", 1000)], HIDE_INVOICE, { priority: 1 }))
      expect(created.status).toBe(201)
      expect(created.data.rule).toMatchObject({ name: "Geheime Regel Großbestellung", enabled: true, priority: 1, default_key: null })

      const small = await ctx.shop.createCart({ email: "stamm@example.com" })
      expect(await ctx.shop.allowedIds(small.id)).toContain(PROVIDERS.invoice)

      const large = await ctx.shop.createCart({ email: "stamm@example.com", variantId: ctx.store.expensiveVariantId })
      const listing = await ctx.shop.allowedProviders(large.id)
      const ids = listing.data.payment_providers.map((p: { id: string }) => p.id)
      expect(ids).not.toContain(PROVIDERS.invoice)
      expect(ids).toContain(PROVIDERS.prepayment)
      expect(JSON.stringify(listing.data)).not.toMatch(/Geheime|Großbestellung|rule|score/i)

      const collection = await ctx.shop.paymentCollection(large.id)
      const session = await ctx.shop.createSession(collection.id, PROVIDERS.invoice)
      expect(session.status).toBe(400)
      expect(JSON.stringify(session.data)).not.toMatch(/Geheime|Großbestellung|rule|score/i)

      // switched off, it no longer applies
      await rules.update(created.data.rule.id, { enabled: false })
      expect(await ctx.shop.allowedIds(large.id)).toContain(PROVIDERS.invoice)
    })
  })

  describe("when 20 satellite dishes go to Belarus", () => {
    it("should allow only prepayment, and the evaluate tool should say which conditions held with which values", async () => {
      // billed at home, the customer has had goods sent to Minsk before and paid
      await makeKnownCustomer(ctx.api, ctx.admin, ctx.store, "dish@example.com", {
        regionId: ctx.store.belarusRegionId, variantId: ctx.store.dishVariantId, address: BELARUS_ADDRESS,
      })
      const cart = await createCartIn(ctx.api, ctx.store, {
        regionId: ctx.store.belarusRegionId, email: "dish@example.com", variantId: ctx.store.dishVariantId, quantity: 20, address: BELARUS_ADDRESS, billing: GERMAN_ADDRESS,
      })
      expect(await ctx.shop.allowedIds(cart.id)).toEqual([PROVIDERS.prepayment])

      const few = await createCartIn(ctx.api, ctx.store, {
        regionId: ctx.store.belarusRegionId, email: "dish@example.com", variantId: ctx.store.dishVariantId, quantity: 2, address: BELARUS_ADDRESS, billing: GERMAN_ADDRESS,
      })
      expect(await ctx.shop.allowedIds(few.id)).toContain(PROVIDERS.invoice)

      const res = await rules.evaluate({ cart_id: cart.id })
      expect(res.status).toBe(200)
      expect(res.data.cart).toEqual({ id: cart.id, total: 240, currency_code: "eur", email: "dish@example.com" })
      const { decision } = res.data
      expect(decision.allowed_provider_ids).toEqual([PROVIDERS.prepayment])
      const bulk = decision.rules.rules.find((r: { name: string }) => r.name === "Large quantity of one product to a risk country")
      expect(bulk.held).toBe(true)
      expect(bulk.conditions.children).toEqual([
        expect.objectContaining({ attribute: "cart.max_product_quantity", operator: "gte", expected: 20, actual: 20, held: true }),
        expect.objectContaining({ attribute: "shipping.country_in_risk_list", operator: "is_true", actual: true, held: true }),
      ])
      expect(decision.rules.score).toBeGreaterThanOrEqual(40)
      expect(decision.rules.review).toBe(true)
      const invoice = decision.hidden.find((h: { provider_id: string }) => h.provider_id === PROVIDERS.invoice)
      expect(invoice.reasons).toContainEqual(expect.objectContaining({ check: "rules", code: "rule_matched", values: { rule_id: bulk.rule_id, name: bulk.name } }))
    })
  })

  describe("when the same email checks out several carts in a row", () => {
    it("should count the earlier carts in the database and hide invoice from the third other cart on", async () => {
      await makeKnownCustomer(ctx.api, ctx.admin, ctx.store, "eilig@example.com")
      // the known customer's own checkout cart is the first cart of this email
      const created = await rules.create(
        ruleBody("Viele Warenkörbe", [condition("velocity.email", "gte", 3, { window_minutes: 60, source: "carts" })], HIDE_INVOICE)
      )
      expect(created.status).toBe(201)
      const seen: Array<{ invoice: boolean; count: number }> = []
      for (let i = 0; i < 4; i++) {
        const cart = await ctx.shop.createCart({ email: i % 2 ? "EILIG@Example.com" : "eilig@example.com" })
        const invoice = (await ctx.shop.allowedIds(cart.id)).includes(PROVIDERS.invoice)
        const { data } = await rules.evaluate({ cart_id: cart.id })
        const trace = data.decision.rules.rules.find((r: { name: string }) => r.name === "Viele Warenkörbe")
        seen.push({ invoice, count: trace.conditions.children[0].actual })
      }
      expect(seen).toEqual([
        { invoice: true, count: 1 },
        { invoice: true, count: 2 },
        { invoice: false, count: 3 },
        { invoice: false, count: 4 },
      ])
      // another email is not affected
      const other = await ctx.shop.createCart({ email: "ruhig@example.com" })
      const { data } = await rules.evaluate({ cart_id: other.id })
      expect(data.decision.rules.rules.find((r: { name: string }) => r.name === "Viele Warenkörbe").conditions.children[0].actual).toBe(0)
      // the table holds keyed hashes only
      const signals = await service().listCartSignals({})
      expect(JSON.stringify(signals)).not.toMatch(/eilig|ruhig|Hauptstra|127\.0\.0\.1/i)
      expect(signals.every((s) => /^[0-9a-f]{64}$/.test(s.email_key ?? ""))).toBe(true)
    })

    it("should count completed orders for the orders source and store the score with the assessment", async () => {
      await rules.create(
        ruleBody("Viele Bestellungen", [condition("velocity.email", "gte", 1, { window_minutes: 60, source: "orders" })], [{ type: "add_score", points: 7 }])
      )
      const first = await ctx.shop.checkout({ email: "order@example.com", providerId: PROVIDERS.prepayment })
      expect(first.completion.data.type).toBe("order")
      const second = await ctx.shop.checkout({ email: "order@example.com", providerId: PROVIDERS.prepayment })
      expect(second.completion.data.type).toBe("order")
      const [a1] = await service().listRiskAssessments({ cart_id: first.cart.id })
      const [a2] = await service().listRiskAssessments({ cart_id: second.cart.id })
      const trace = (a: typeof a1) =>
        (a.decision as any).rules.rules.find((r: { name: string }) => r.name === "Viele Bestellungen")
      expect(trace(a1)).toMatchObject({ held: false, conditions: { children: [expect.objectContaining({ actual: 0 })] } })
      expect(trace(a2)).toMatchObject({ held: true, conditions: { children: [expect.objectContaining({ actual: 1 })] } })
      expect(a2.risk_score).toBe((a2.decision as any).rules.score)
      expect(a2.risk_score).toBeGreaterThanOrEqual(7)
      expect(a2.risk_score - a1.risk_score).toBe(7)
      const [signal] = await service().listCartSignals({ cart_id: second.cart.id })
      expect(signal.completed_at).toBeTruthy()
    })
  })

  describe("when the evaluate tool is used", () => {
    it("should explain catalogue, channel, time, network and missing data without storing anything", async () => {
      await rules.create(
        ruleBody(
          "Erklärung",
          [
            condition("cart.categories", "in", [ctx.store.technikCategoryId]),
            condition("cart.category_quantity", "gte", 5, { category_id: ctx.store.technikCategoryId }),
            condition("cart.sales_channel", "in", [ctx.store.salesChannelId]),
            condition("customer.groups", "not_in", ["cusgroup_unbekannt"]),
            condition("time.hour", "between", [0, 23]),
            condition("network.ip_in_range", "in", ["8.8.8.0/24"]),
            condition("cart.total_vs_average", "gte", 3),
            condition("network.ip_country", "in", ["de"]),
          ],
          [{ type: "add_score", points: 5 }],
          { priority: 1 }
        )
      )
      const cart = await createCartIn(ctx.api, ctx.store, {
        regionId: ctx.store.regionId, email: "erklaer@example.com", variantId: ctx.store.dishVariantId, quantity: 6,
      })
      const before = {
        signals: (await service().listCartSignals({})).length,
        assessments: (await service().listRiskAssessments({})).length,
        credit: (await service().listCreditQueries({})).length,
      }
      const res = await rules.evaluate({ cart_id: cart.id, ip: "8.8.8.8" })
      expect(res.status).toBe(200)
      expect(res.data.decision.fallback).toBe(false)
      const trace = res.data.decision.rules.rules.find((r: { name: string }) => r.name === "Erklärung")
      const byAttribute = Object.fromEntries(trace.conditions.children.map((c: { attribute: string }) => [c.attribute, c]))
      expect(byAttribute["cart.categories"]).toMatchObject({ held: true, actual: expect.arrayContaining([ctx.store.technikCategoryId, ctx.store.satellitenCategoryId]) })
      expect(byAttribute["cart.category_quantity"]).toMatchObject({ held: true, actual: 6, params: { category_id: ctx.store.technikCategoryId } })
      expect(byAttribute["cart.sales_channel"]).toMatchObject({ held: true, actual: ctx.store.salesChannelId })
      expect(byAttribute["customer.groups"]).toMatchObject({ held: true, actual: [] })
      expect(byAttribute["time.hour"]).toMatchObject({ held: true, actual: expect.any(Number) })
      expect(byAttribute["network.ip_in_range"]).toMatchObject({ held: true, actual: "8.8.8.8" })
      expect(byAttribute["network.ip_country"]).toMatchObject({ held: false, actual: "us", expected: ["de"] })
      expect(byAttribute["network.ip_country"].unavailable).toBeFalsy()
      // fewer than 10 orders: no average to compare with
      expect(byAttribute["cart.total_vs_average"]).toMatchObject({ held: false, unavailable: true })
      expect(trace.held).toBe(false)
      const differs = res.data.decision.rules.rules.find((r: { name: string }) => r.name === "IP country differs from the shipping country")
      expect(differs).toMatchObject({ held: true, conditions: { children: [expect.objectContaining({ attribute: "network.ip_country_differs_shipping", actual: true })] } })

      // without the shopper's IP the country is unknown: reported unavailable, never guessed
      const { data: blind } = await rules.evaluate({ cart_id: cart.id })
      const blindTrace = blind.decision.rules.rules.find((r: { name: string }) => r.name === "Erklärung")
      expect(blindTrace.conditions.children.find((c: { attribute: string }) => c.attribute === "network.ip_country")).toMatchObject({ held: false, unavailable: true })

      expect({
        signals: (await service().listCartSignals({})).length,
        assessments: (await service().listRiskAssessments({})).length,
        credit: (await service().listCreditQueries({})).length,
      }).toEqual(before)
      expect(await service().listCartSignals({ cart_id: cart.id })).toEqual([])
    })

    it("should compare the cart with the store's average order in the cart's currency", async () => {
      // the average is cached for minutes per currency and queried only while an enabled rule
      // reads it: switch off the default rules that do, so the ten orders below are all seen
      const { rules: defaults } = await rules.list()
      for (const rule of defaults.filter((r: { conditions: unknown }) => JSON.stringify(r.conditions).includes("cart.total_vs_average"))) {
        expect((await rules.update(rule.id, { enabled: false })).status).toBe(200)
      }
      // ten orders of 120 USD (the average needs at least ten orders in the currency)
      for (let i = 0; i < 10; i++) {
        const cart = await createCartIn(ctx.api, ctx.store, {
          regionId: ctx.store.usRegionId, email: `us${i}@example.com`, variantId: ctx.store.dishVariantId, quantity: 10, address: US_ADDRESS,
        })
        const collection = await ctx.shop.paymentCollection(cart.id)
        expect((await ctx.shop.createSession(collection.id, PROVIDERS.prepayment)).status).toBe(200)
        expect((await ctx.shop.complete(cart.id)).data.type).toBe("order")
      }
      const big = await createCartIn(ctx.api, ctx.store, {
        regionId: ctx.store.usRegionId, email: "gross@example.com", variantId: ctx.store.dishVariantId, quantity: 30, address: US_ADDRESS,
      })
      await rules.create(ruleBody("Weit über Durchschnitt", [condition("cart.total_vs_average", "gte", 3)], [{ type: "add_score", points: 1 }]))
      const { data } = await rules.evaluate({ cart_id: big.id })
      const trace = data.decision.rules.rules.find((r: { name: string }) => r.name === "Weit über Durchschnitt")
      expect(trace.held).toBe(true)
      expect(trace.conditions.children[0]).toMatchObject({ attribute: "cart.total_vs_average", actual: 3, held: true })
    })

    it("should list disabled rules as skipped", async () => {
      const created = await rules.create(ruleBody("Abgeschaltet", [condition("cart.total", "gte", 0)], HIDE_INVOICE, { enabled: false }))
      const cart = await ctx.shop.createCart({ email: "aus@example.com" })
      const { data } = await rules.evaluate({ cart_id: cart.id })
      expect(data.decision.rules.rules.find((r: { rule_id: string }) => r.rule_id === created.data.rule.id)).toMatchObject({ skipped: "disabled" })
    })

    it("should answer 404 for an unknown cart and 400 naming the field for a bad body", async () => {
      const unknown = await rules.evaluate({ cart_id: "cart_gibtesnicht" })
      expect(unknown.status).toBe(404)
      expect(unknown.data.message).toMatch(/cart_gibtesnicht was not found/)
      const missing = await rules.evaluate({})
      expect(missing.status).toBe(400)
      expect(missing.data.message).toMatch(/cart_id/)
      const badIp = await rules.evaluate({ cart_id: "cart_1", ip: "not-an-ip" })
      expect(badIp.status).toBe(400)
      expect(badIp.data.message).toMatch(/field 'ip'/)
    })
  })
})
