import { DEFAULT_DUNNING_SETTINGS } from "../dunning/default-stages"
import { DEFAULT_CREDIT_CONSENT_NOTICE, DEFAULT_NOTICE, DEFAULT_REFUSAL_MESSAGE, DEFAULT_RESTRICTED_NOTICE, DEFAULT_SETTINGS, withDefaults } from "../settings"

describe("settings", () => {
  describe("when nothing is stored", () => {
    it.each([[undefined], [null], [{}]])("should return the defaults for %j", (partial) => {
      expect(withDefaults(partial as any)).toEqual(DEFAULT_SETTINGS)
    })

    it("should have the documented defaults", () => {
      expect(DEFAULT_SETTINGS).toEqual({
        first_order: {
          enabled: true,
          paid_orders_required: 1,
          allowed_classes: ["prepayment", "cash_on_delivery", "guaranteed"],
          cod_max_amount: 300,
          pending_order_allowed_classes: ["prepayment"],
        },
        negative_list: {
          enabled: true,
          actions: {
            person: { type: "allow_only_classes", classes: ["prepayment"] },
            address: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
            email: { type: "allow_only_classes", classes: ["prepayment"] },
            email_domain: { type: "allow_only_classes", classes: ["prepayment"] },
            phone: { type: "allow_only_classes", classes: ["prepayment"] },
            iban: { type: "allow_only_classes", classes: ["prepayment"] },
            card: { type: "allow_only_classes", classes: ["prepayment"] },
            ip: { type: "allow_only_classes", classes: ["prepayment"] },
            customer: { type: "allow_only_classes", classes: ["prepayment"] },
          },
          possible_match_action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
        },
        plausibility: { enabled: true, action: { type: "hide_classes", classes: ["invoice", "direct_debit"] } },
        credit_check: {
          enabled: false,
          min_amount: 200,
          providers: [],
          unsafe_classes: ["invoice", "direct_debit"],
          cache_days: 30,
          timeout_ms: 2000,
          soft_action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
          score_bands: [],
          traffic_light_actions: {
            yellow: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
            red: { type: "allow_only_classes", classes: ["prepayment"] },
          },
          failure_action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
          unknown_action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
          limits: { queries_per_cart: 2, identities_per_cart: 2, identities_per_ip: 5, identities_per_customer: 3 },
          breaker_failures: 3,
          breaker_cooldown_seconds: 300,
          consent_notice: DEFAULT_CREDIT_CONSENT_NOTICE,
        },
        rules: {
          enabled: true,
          review_score: 50,
          prepayment_score: 80,
          risk_countries: ["by", "ru", "kp", "ir", "sy"],
          duplicate_window_minutes: 30,
          extra_free_mail_domains: [],
          extra_disposable_domains: [],
        },
        protection: {
          guest_recognition: "email_and_address",
          max_identities_per_cart: 3,
          max_identities_per_ip: 10,
          identity_window_minutes: 60,
        },
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
        dunning: DEFAULT_DUNNING_SETTINGS,
        outcomes: { consequences: {} },
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
        fallback_classes: ["prepayment"],
        notice: DEFAULT_NOTICE,
        notice_restricted: DEFAULT_RESTRICTED_NOTICE,
        refusal_message: DEFAULT_REFUSAL_MESSAGE,
        evaluation_timeout_ms: 3000,
      })
    })

    it("should not share arrays or objects that a caller could mutate into the defaults", () => {
      const result = withDefaults(null)
      result.first_order.paid_orders_required = 9
      result.notice.en = "changed"
      expect(DEFAULT_SETTINGS.first_order.paid_orders_required).toBe(1)
      expect(DEFAULT_SETTINGS.notice.en).toBe(DEFAULT_NOTICE.en)
      result.dunning.stages[0].fee = 99
      result.dunning.base_rates.push({ valid_from: "2099-01-01", rate: 9 })
      expect(DEFAULT_DUNNING_SETTINGS.stages[0].fee).toBe(0)
      expect(DEFAULT_DUNNING_SETTINGS.base_rates.some((rate) => rate.valid_from === "2099-01-01")).toBe(false)
    })
  })

  describe("when top-level sections are null", () => {
    it.each([
      ["first_order", { first_order: null }],
      ["fallback_classes", { fallback_classes: null }],
      ["notice", { notice: null }],
      ["evaluation_timeout_ms", { evaluation_timeout_ms: null }],
      ["all of them", { first_order: null, fallback_classes: null, notice: null, evaluation_timeout_ms: null }],
    ])("should fill %s from the defaults", (_name, partial) => {
      expect(withDefaults(partial as any)).toEqual(DEFAULT_SETTINGS)
    })
  })

  describe("when settings are partial", () => {
    it.each([
      [
        "only enabled",
        { first_order: { enabled: false } },
        { ...DEFAULT_SETTINGS.first_order, enabled: false },
      ],
      [
        "only paid_orders_required",
        { first_order: { paid_orders_required: 3 } },
        { ...DEFAULT_SETTINGS.first_order, paid_orders_required: 3 },
      ],
      [
        "paid_orders_required 0 (falsy but given)",
        { first_order: { paid_orders_required: 0 } },
        { ...DEFAULT_SETTINGS.first_order, paid_orders_required: 0 },
      ],
      [
        "cod_max_amount null (no limit)",
        { first_order: { cod_max_amount: null } },
        { ...DEFAULT_SETTINGS.first_order, cod_max_amount: null },
      ],
      [
        "cod_max_amount 0 (falsy but given)",
        { first_order: { cod_max_amount: 0 } },
        { ...DEFAULT_SETTINGS.first_order, cod_max_amount: 0 },
      ],
      [
        "allowed_classes",
        { first_order: { allowed_classes: ["prepayment"] } },
        { ...DEFAULT_SETTINGS.first_order, allowed_classes: ["prepayment"] },
      ],
      [
        "pending_order_allowed_classes",
        { first_order: { pending_order_allowed_classes: ["prepayment", "guaranteed"] } },
        { ...DEFAULT_SETTINGS.first_order, pending_order_allowed_classes: ["prepayment", "guaranteed"] },
      ],
    ])("should keep the given first_order value (%s) and fill the rest", (_name, partial, expected) => {
      const result = withDefaults(partial as any)
      expect(result.first_order).toEqual(expected)
      expect(result.fallback_classes).toEqual(DEFAULT_SETTINGS.fallback_classes)
      expect(result.notice).toEqual(DEFAULT_SETTINGS.notice)
      expect(result.evaluation_timeout_ms).toBe(DEFAULT_SETTINGS.evaluation_timeout_ms)
    })

    it("should keep given retention periods and fill the rest; an empty assessment period stays empty (the plugin option)", () => {
      expect(withDefaults({ retention: { list_entry_days: 365, list_entry_grace_days: 0 } }).retention).toEqual({
        ...DEFAULT_SETTINGS.retention,
        list_entry_days: 365,
        list_entry_grace_days: 0,
      })
      expect(withDefaults({ retention: { assessment_days: 100 } }).retention.assessment_days).toBe(100)
      expect(withDefaults({ retention: { assessment_days: null } }).retention.assessment_days).toBeNull()
      expect(withDefaults({ retention: null } as any).retention).toEqual(DEFAULT_SETTINGS.retention)
    })

    it("should keep one notice language and fill the other", () => {
      expect(withDefaults({ notice: { de: "Hallo" } }).notice).toEqual({ de: "Hallo", en: DEFAULT_NOTICE.en })
      expect(withDefaults({ notice: { en: "Hello" } }).notice).toEqual({ de: DEFAULT_NOTICE.de, en: "Hello" })
    })

    it.each([
      [{ fallback_classes: ["prepayment", "guaranteed"] }, "fallback_classes", ["prepayment", "guaranteed"]],
      [{ evaluation_timeout_ms: 500 }, "evaluation_timeout_ms", 500],
    ])("should keep %j", (partial, key, expected) => {
      expect(withDefaults(partial as any)[key as "fallback_classes"]).toEqual(expected)
    })

    it("should keep a complete settings object unchanged", () => {
      const full = {
        first_order: {
          enabled: false,
          paid_orders_required: 2,
          allowed_classes: ["prepayment" as const],
          cod_max_amount: 50,
          pending_order_allowed_classes: ["guaranteed" as const],
        },
        negative_list: {
          enabled: false,
          actions: {
            ...DEFAULT_SETTINGS.negative_list.actions,
            email: { type: "hide_classes" as const, classes: ["invoice" as const] },
          },
          possible_match_action: { type: "allow_only_classes" as const, classes: ["prepayment" as const] },
        },
        plausibility: { enabled: false, action: { type: "allow_only_classes" as const, classes: ["prepayment" as const] } },
        credit_check: {
          ...DEFAULT_SETTINGS.credit_check,
          enabled: true,
          providers: [{ id: "sandbox", cost: 0.5 }],
          traffic_light_actions: { yellow: null, red: { type: "allow_only_classes" as const, classes: ["prepayment" as const] } },
        },
        rules: { ...DEFAULT_SETTINGS.rules, enabled: false, review_score: 40, risk_countries: ["by"] },
        protection: { guest_recognition: "email" as const, max_identities_per_cart: 5, max_identities_per_ip: 20, identity_window_minutes: 30 },
        shop: {
          name: "Muster GmbH",
          statement_descriptor: "MUSTER SHOP",
          hotline: "030 123",
          support_email: "hilfe@muster.de",
          default_locale: "en",
          account_holder: "Muster GmbH",
          iban: "DE89370400440532013000",
          bic: "COBADEFFXXX",
          bank_name: "Commerzbank",
          postal_address: "Musterstr. 1\n10115 Berlin",
        },
        dunning: {
          ...DEFAULT_DUNNING_SETTINGS,
          enabled: false,
          payment_term_days: 30,
          base_rates: [{ valid_from: "2026-01-01", rate: 1.27 }],
          stages: [DEFAULT_DUNNING_SETTINGS.stages[0]],
        },
        outcomes: { consequences: { cod_refused: { list: ["email" as const], action: null, expires_days: 90 } } },
        retention: {
          assessment_days: 365,
          cart_signal_days: 10,
          identity_observation_days: 2,
          credit_query_days: 60,
          review_event_days: 400,
          outcome_days: 1460,
          list_entry_days: 700,
          list_entry_grace_days: 0,
          list_audit_days: 800,
          figures_days: 900,
        },
        fallback_classes: ["guaranteed" as const],
        notice: { de: "de", en: "en" },
        notice_restricted: { de: "eingeschränkt", en: "restricted" },
        refusal_message: { de: "nein", en: "no" },
        evaluation_timeout_ms: 100,
      }
      expect(withDefaults(full)).toEqual(full)
    })
  })
})

describe("when a stored section contains nulls", () => {
  it("should not let a null switch the first-order rule off or make everyone known", () => {
    // as a JSON row from an older or hand-edited database would arrive
    const stored = JSON.parse(
      '{"first_order":{"enabled":null,"paid_orders_required":null,"cod_max_amount":null},"notice":{"de":null}}'
    )
    const settings = withDefaults(stored)
    expect(settings.first_order.enabled).toBe(true)
    expect(settings.first_order.paid_orders_required).toBe(1)
    expect(settings.first_order.cod_max_amount).toBeNull()
    expect(settings.notice.de).toBe(DEFAULT_SETTINGS.notice.de)
  })
})
