import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { shopper } from "../helpers/checkout"
import { PROVIDERS } from "../helpers/store"
import { withTestStore } from "../helpers/test-store"

// Every row has three cells: a shorter row would make jest pass `done` as the third argument.
const ADMIN_ROUTES: Array<[string, string, unknown]> = [
  ["get", "/admin/payment-risk/settings", null],
  ["post", "/admin/payment-risk/settings", { first_order: { enabled: false } }],
  ["get", "/admin/payment-risk/providers", null],
  ["post", `/admin/payment-risk/providers/${PROVIDERS.system}`, { risk_class: "prepayment" }],
  ["get", "/admin/payment-risk/assessments", null],
  ["post", "/admin/payment-risk/erasure", { email: "someone@example.com" }],
]

withTestStore((ctx) => {
  describe("when a request has no admin authentication", () => {
    it.each(ADMIN_ROUTES)("should answer 401 to %s %s", async (method, url, body) => {
      const config = { validateStatus: () => true }
      const res = method === "get" ? await ctx.api.get(url, config) : await ctx.api.post(url, body, config)
      expect(res.status).toBe(401)
    })

    it("should not accept a publishable key as admin authentication", async () => {
      const res = await ctx.api.get("/admin/payment-risk/settings", {
        headers: { "x-publishable-api-key": ctx.store.publishableKey },
        validateStatus: () => true,
      })
      expect(res.status).toBe(401)
    })
  })

  describe("when the merchant reads and changes the settings", () => {
    it("should return the defaults first", async () => {
      const { data } = await ctx.api.get("/admin/payment-risk/settings", ctx.admin)
      expect(data.settings).toEqual({
        first_order: {
          enabled: true,
          paid_orders_required: 1,
          allowed_classes: ["prepayment", "cash_on_delivery", "guaranteed"],
          cod_max_amount: 300,
          pending_order_allowed_classes: ["prepayment"],
        },
        negative_list: {
          enabled: true,
          actions: expect.objectContaining({
            person: { type: "allow_only_classes", classes: ["prepayment"] },
            address: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
          }),
          possible_match_action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
        },
        plausibility: { enabled: true, action: { type: "hide_classes", classes: ["invoice", "direct_debit"] } },
        credit_check: expect.objectContaining({ enabled: false, min_amount: 200, cache_days: 30, timeout_ms: 2000, providers: [] }),
        rules: expect.objectContaining({ enabled: true, review_score: 50, prepayment_score: 80, duplicate_window_minutes: 30 }),
        shop: {
          name: "",
          statement_descriptor: "",
          hotline: "",
          support_email: "",
          default_locale: "de",
          account_holder: "",
          iban: "",
          bic: "",
          bank_name: "",
          postal_address: "",
        },
        // dunning is switched on by the merchant, after checking the stages and texts
        dunning: expect.objectContaining({
          enabled: false,
          invoice_date: "order_placed",
          payment_term_days: 14,
          default_from: "due_date",
          consumer_points: 5,
          business_points: 9,
          business_flat_fee: 40,
          base_rates: expect.arrayContaining([{ valid_from: "2025-01-01", rate: 2.27 }]),
        }),
        outcomes: { consequences: {} },
        protection: { guest_recognition: "email_and_address", max_identities_per_cart: 3, max_identities_per_ip: 10, identity_window_minutes: 60 },
        // days; assessments null = the plugin option assessment_retention_days (730)
        retention: {
          assessment_days: null,
          cart_signal_days: 30,
          identity_observation_days: 7,
          credit_query_days: 90,
          review_event_days: 730,
          outcome_days: 1460,
          list_entry_days: 1095,
          list_entry_grace_days: 30,
          list_audit_days: 1460,
          figures_days: 1460,
        },
        refusal_message: {
          de: "Die gewählte Zahlungsart ist für diese Bestellung nicht verfügbar. Bitte wählen Sie eine andere Zahlungsart.",
          en: "The selected payment method is not available for this order. Please choose another payment method.",
        },
        fallback_classes: ["prepayment"],
        notice: { de: expect.stringMatching(/Erstbestellungen/), en: expect.stringMatching(/First orders/) },
        notice_restricted: { de: expect.stringMatching(/angezeigten Zahlungsarten/), en: expect.stringMatching(/payment methods shown/) },
        evaluation_timeout_ms: 3000,
      })
    })

    it("should save a partial update and keep the other values", async () => {
      const { data } = await ctx.api.post(
        "/admin/payment-risk/settings",
        { first_order: { cod_max_amount: 150.5 }, notice: { en: "Pay safely." } },
        ctx.admin
      )
      expect(data.settings.first_order.cod_max_amount).toBe(150.5)
      expect(data.settings.first_order.paid_orders_required).toBe(1)
      expect(data.settings.notice.en).toBe("Pay safely.")
      expect(data.settings.notice.de).toMatch(/Erstbestellungen/)

      const again = await ctx.api.get("/admin/payment-risk/settings", ctx.admin)
      expect(again.data.settings).toEqual(data.settings)
    })

    it.each([
      [{ first_order: { cod_max_amount: "300" } }, "first_order.cod_max_amount"],
      [{ first_order: { cod_max_amount: -1 } }, "first_order.cod_max_amount"],
      [{ first_order: { paid_orders_required: 1.5 } }, "first_order.paid_orders_required"],
      [{ first_order: { allowed_classes: ["bitcoin"] } }, "first_order.allowed_classes"],
      [{ first_order: { allowed_classes: [] } }, "first_order.allowed_classes"],
      [{ fallback_classes: [] }, "fallback_classes"],
      [{ notice: { de: "" } }, "notice.de"],
      [{ notice_restricted: { en: "" } }, "notice_restricted.en"],
      [{ evaluation_timeout_ms: 5 }, "evaluation_timeout_ms"],
      [{ unknown_setting: true }, "unknown_setting"],
      [{ negative_list: { actions: { person: { type: "block", classes: ["prepayment"] } } } }, "negative_list.actions.person"],
      [{ negative_list: { actions: { planet: { type: "hide_classes", classes: ["card"] } } } }, "planet"],
      [{ retention: { list_entry_days: 0 } }, "retention.list_entry_days"],
      [{ retention: { assessment_days: 1.5 } }, "retention.assessment_days"],
      [{ retention: { cart_signal_days: "30" } }, "retention.cart_signal_days"],
      [{ retention: { list_entry_grace_days: -1 } }, "retention.list_entry_grace_days"],
      [{ retention: { forever: true } }, "forever"],
      [{ dunning: { base_rates: [{ valid_from: "2026-02-30", rate: 1.27 }] } }, "dunning.base_rates.0.valid_from"],
      [{ dunning: { base_rates: [{ valid_from: "2026-01-01", rate: 1 }, { valid_from: "2026-01-01", rate: 2 }] } }, "dunning.base_rates"],
      [{ dunning: { stages: [] } }, "dunning.stages"],
      [{ dunning: { stages: [{ kind: "reminder", wait_days: 3, deadline_days: 14, fee: 0, channel: "fax" }] } }, "dunning.stages.0.channel"],
      [{ dunning: { payment_term_days: -1 } }, "dunning.payment_term_days"],
      [{ outcomes: { consequences: { "return_debit:XX99": { list: [], action: null, expires_days: null } } } }, "return_debit:XX99"],
      [{ outcomes: { consequences: { cod_refused: { list: ["everything"], action: null, expires_days: null } } } }, "outcomes.consequences.cod_refused.list.0"],
      [{ shop: { iban: "DE89370400440532013001" } }, "shop.iban"],
      [{ shop: { bic: "COBA" } }, "shop.bic"],
    ])("should answer 400 naming the field for %j", async (body, field) => {
      const res = await ctx.api.post("/admin/payment-risk/settings", body, {
        ...ctx.admin,
        validateStatus: () => true,
      })
      expect(res.status).toBe(400)
      // Medusa names a nested field as "first_order, cod_max_amount"
      expect(res.data.message).toContain(field.split(".").join(", "))

      const { data } = await ctx.api.get("/admin/payment-risk/settings", ctx.admin)
      expect(data.settings.first_order.cod_max_amount).toBe(300)
    })

    it("should save dunning settings, a consequence per outcome and the shop's bank account, and reset a consequence with null", async () => {
      const { data } = await ctx.api.post(
        "/admin/payment-risk/settings",
        {
          dunning: { payment_term_days: 30, base_rates: [{ valid_from: "2026-01-01", rate: 1.27 }] },
          outcomes: { consequences: { cod_refused: { list: ["email"], action: { type: "hide_classes", classes: ["cash_on_delivery"] }, expires_days: 90 } } },
          shop: { iban: "de89 3704 0044 0532 0130 00", bic: "cobadeffxxx", account_holder: "Muster GmbH" },
        },
        ctx.admin
      )
      expect(data.settings.dunning).toMatchObject({ payment_term_days: 30, base_rates: [{ valid_from: "2026-01-01", rate: 1.27 }], consumer_points: 5 })
      expect(data.settings.dunning.stages.length).toBeGreaterThan(1)
      expect(data.settings.outcomes.consequences.cod_refused).toEqual({ list: ["email"], action: { type: "hide_classes", classes: ["cash_on_delivery"] }, expires_days: 90 })
      expect(data.settings.shop).toMatchObject({ iban: "DE89370400440532013000", bic: "COBADEFFXXX", account_holder: "Muster GmbH" })
      const reset = await ctx.api.post("/admin/payment-risk/settings", { outcomes: { consequences: { cod_refused: null } } }, ctx.admin)
      expect(reset.data.settings.outcomes.consequences).toEqual({})
      expect(reset.data.settings.dunning.payment_term_days).toBe(30)
      // stored as sent, not merged into the old JSON (the reset key must be gone when read again)
      const stored = await ctx.api.get("/admin/payment-risk/settings", ctx.admin)
      expect(stored.data.settings.outcomes.consequences).toEqual({})
      expect(stored.data.settings.shop.iban).toBe("DE89370400440532013000")
    })

    it("should save retention periods and give the assessments' period back to the plugin option with null", async () => {
      const { data } = await ctx.api.post("/admin/payment-risk/settings", { retention: { assessment_days: 400, list_entry_days: 365 } }, ctx.admin)
      expect(data.settings.retention).toMatchObject({ assessment_days: 400, list_entry_days: 365, list_entry_grace_days: 30 })
      const again = await ctx.api.post("/admin/payment-risk/settings", { retention: { assessment_days: null } }, ctx.admin)
      expect(again.data.settings.retention).toMatchObject({ assessment_days: null, list_entry_days: 365 })
    })

    describe("when two admins save different sections at the same moment", () => {
      it("should keep both changes", async () => {
        const [first, second] = await Promise.all([
          ctx.api.post("/admin/payment-risk/settings", { first_order: { cod_max_amount: 123 } }, ctx.admin),
          ctx.api.post("/admin/payment-risk/settings", { dunning: { payment_term_days: 21 } }, ctx.admin),
        ])
        expect([first.status, second.status]).toEqual([200, 200])
        const { data } = await ctx.api.get("/admin/payment-risk/settings", ctx.admin)
        expect(data.settings.first_order.cod_max_amount).toBe(123)
        expect(data.settings.dunning.payment_term_days).toBe(21)
      })

      it("should wait for a save another instance is committing and build on it instead of overwriting it", async () => {
        await ctx.api.post("/admin/payment-risk/settings", { first_order: { cod_max_amount: 100 } }, ctx.admin)
        // another instance (its own process: Medusa's in-process lock does not reach it) is saving
        // the first-order section: it holds the row between reading and writing
        const knex = ctx.container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const other = await knex.transaction()
        const [row] = (await other.raw(`select "values" from payment_risk_settings where scope = 'store' for update`)).rows
        const save = ctx.api.post("/admin/payment-risk/settings", { dunning: { payment_term_days: 21 } }, ctx.admin)
        await new Promise((resolve) => setTimeout(resolve, 500))
        const values = { ...row.values, first_order: { ...row.values.first_order, cod_max_amount: 222 } }
        await other.raw(`update payment_risk_settings set "values" = ?::jsonb where scope = 'store'`, [JSON.stringify(values)])
        await other.commit()
        expect((await save).status).toBe(200)
        const { data } = await ctx.api.get("/admin/payment-risk/settings", ctx.admin)
        expect(data.settings.first_order.cod_max_amount).toBe(222)
        expect(data.settings.dunning.payment_term_days).toBe(21)
      })
    })

    it("should apply the changed settings to the next cart", async () => {
      await ctx.api.post(
        "/admin/payment-risk/settings",
        { first_order: { allowed_classes: ["prepayment"] }, notice: { en: "Prepayment only for first orders." } },
        ctx.admin
      )
      const shop = shopper(ctx.api, ctx.store)
      const cart = await shop.createCart({ email: "neu@example.com" })
      const res = await shop.allowedProviders(cart.id, "?locale=en-US")
      expect(res.data.payment_providers.map((p: { id: string }) => p.id)).toEqual([PROVIDERS.prepayment])
      expect(res.data.notice).toBe("Prepayment only for first orders.")
    })

    it("should offer every method when the first-order rule is off", async () => {
      await ctx.api.post("/admin/payment-risk/settings", { first_order: { enabled: false } }, ctx.admin)
      const shop = shopper(ctx.api, ctx.store)
      const cart = await shop.createCart({ email: "neu@example.com" })
      expect(await shop.allowedIds(cart.id)).toEqual(Object.values(PROVIDERS).sort())
    })
  })

  describe("when the merchant classifies the providers", () => {
    it("should list each region's providers with classes and unknown ones unconfirmed", async () => {
      const { data } = await ctx.api.get("/admin/payment-risk/providers", ctx.admin)
      const region = data.regions.find((r: { id: string }) => r.id === ctx.store.regionId)
      expect(region.provider_ids.sort()).toEqual(Object.values(PROVIDERS).sort())
      const byId = Object.fromEntries(data.providers.map((p: { id: string }) => [p.id, p]))
      expect(byId[PROVIDERS.cod]).toEqual({
        id: PROVIDERS.cod,
        risk_class: "cash_on_delivery",
        confirmed: true,
        default_class: "cash_on_delivery",
        known: true,
      })
      expect(byId[PROVIDERS.system]).toMatchObject({ risk_class: "other", confirmed: false, known: false })
    })

    it("should confirm a class and use it for the next decision", async () => {
      const { data } = await ctx.api.post(
        `/admin/payment-risk/providers/${PROVIDERS.system}`,
        { risk_class: "prepayment" },
        ctx.admin
      )
      expect(data.provider).toMatchObject({ id: PROVIDERS.system, risk_class: "prepayment", confirmed: true })

      const shop = shopper(ctx.api, ctx.store)
      const cart = await shop.createCart({ email: "neu@example.com" })
      expect(await shop.allowedIds(cart.id)).toEqual([PROVIDERS.cod, PROVIDERS.prepayment, PROVIDERS.system].sort())
    })

    it("should answer 400 for an unknown class and 404 for an unknown provider", async () => {
      const bad = await ctx.api.post(
        `/admin/payment-risk/providers/${PROVIDERS.system}`,
        { risk_class: "crypto" },
        { ...ctx.admin, validateStatus: () => true }
      )
      expect(bad.status).toBe(400)
      expect(bad.data.message).toContain("risk_class")

      const missing = await ctx.api.post(
        "/admin/payment-risk/providers/pp_nope_nope",
        { risk_class: "card" },
        { ...ctx.admin, validateStatus: () => true }
      )
      expect(missing.status).toBe(404)
    })
  })

  describe("when the merchant lists assessments with bad parameters", () => {
    it("should answer 400 naming the field", async () => {
      const res = await ctx.api.get("/admin/payment-risk/assessments?limit=abc", {
        ...ctx.admin,
        validateStatus: () => true,
      })
      expect(res.status).toBe(400)
      expect(res.data.message).toContain("limit")
    })
  })

  describe("when any response is inspected", () => {
    it("should never contain the plugin options or the database URL", async () => {
      const bodies = await Promise.all([
        ctx.api.get("/admin/payment-risk/settings", ctx.admin),
        ctx.api.get("/admin/payment-risk/providers", ctx.admin),
        ctx.api.get("/admin/payment-risk/assessments", ctx.admin),
      ])
      for (const { data } of bodies) {
        const text = JSON.stringify(data)
        expect(text).not.toMatch(/hash_secret|postgres:\/\/|dev-only-payment-risk-secret/)
      }
    })
  })
})
