import { DEFAULT_CHECKS } from "../checks"
import { buildContext, decide, fallbackDecision } from "../engine"
import { ENGINE_VERSION } from "../version"
import { PaymentClass } from "../types"
import {
  ALL_IDS,
  allProviders,
  awaitingOrder,
  canceledOrder,
  hiddenCodes,
  input,
  order,
  P,
  paidOrder,
  provider,
  settings,
  staticCheck,
} from "./builders"

/** what a new customer sees with the defaults and a cart within the COD limit */
const FIRST_ORDER_IDS = [P.prepayment, P.cod, P.paypal]
const FIRST_ORDER_HIDDEN = [P.invoice, P.card, P.sepa, P.other]

describe("engine", () => {
  describe("when deciding for a new or established customer (first-order rule)", () => {
    it.each([
      ["no orders", [], 1, FIRST_ORDER_IDS],
      ["one paid order", [paidOrder()], 1, ALL_IDS],
      ["two paid orders", [paidOrder(), paidOrder()], 1, ALL_IDS],
      ["only a canceled order", [canceledOrder()], 1, FIRST_ORDER_IDS],
      ["only a fully refunded order", [order({ refunded_amount: 100 })], 1, FIRST_ORDER_IDS],
      ["a partially refunded order", [order({ refunded_amount: 20 })], 1, ALL_IDS],
      ["a draft order", [order({ status: "draft" })], 1, FIRST_ORDER_IDS],
      ["one paid order with 2 required", [paidOrder()], 2, FIRST_ORDER_IDS],
      ["two paid orders with 2 required", [paidOrder(), paidOrder()], 2, ALL_IDS],
      ["no orders with 0 required", [], 0, ALL_IDS],
      ["no orders with a negative requirement", [], -1, ALL_IDS],
    ])("should, with %s (required %i), allow %j", (_name, orders, required, expected) => {
      const decision = decide(input({ orders, firstOrder: { paid_orders_required: required } }))
      expect(decision.allowed_provider_ids).toEqual(expected)
      expect(decision.fallback).toBe(false)
      expect(decision.engine_version).toBe(ENGINE_VERSION)
    })

    it("should allow everything when the rule is disabled, whatever the history and total", () => {
      const decision = decide(
        input({ orders: [awaitingOrder()], cart: { total: 5000 }, firstOrder: { enabled: false } })
      )
      expect(decision.allowed_provider_ids).toEqual(ALL_IDS)
      expect(decision.hidden).toEqual([])
      expect(decision.facts).toEqual({ paid_order_count: 0, awaiting_payment_order_count: 1, is_new_customer: true })
    })

    it("should use the configured first-order classes", () => {
      const decision = decide(input({ firstOrder: { allowed_classes: ["prepayment", "invoice"] } }))
      expect(decision.allowed_provider_ids).toEqual([P.prepayment, P.invoice])
    })
  })

  describe("when a customer has an order awaiting payment", () => {
    it.each([
      ["a new customer", [awaitingOrder()], [P.prepayment]],
      ["a new customer with a zero-total pending order", [awaitingOrder({ total: 0 })], [P.prepayment]],
      ["a new customer with a partially captured order", [awaitingOrder({ captured_amount: 40 })], [P.prepayment]],
      ["an established customer", [paidOrder(), awaitingOrder()], ALL_IDS],
      ["a new customer whose only other order was canceled", [canceledOrder()], FIRST_ORDER_IDS],
    ])("should, for %s, allow %j", (_name, orders, expected) => {
      expect(decide(input({ orders })).allowed_provider_ids).toEqual(expected)
    })

    it("should use the configured pending classes", () => {
      const decision = decide(
        input({ orders: [awaitingOrder()], firstOrder: { pending_order_allowed_classes: ["prepayment", "guaranteed"] } })
      )
      expect(decision.allowed_provider_ids).toEqual([P.prepayment, P.paypal])
    })

    it("should give each hidden provider both the new-customer and the open-order reason where both apply", () => {
      const decision = decide(input({ orders: [awaitingOrder(), awaitingOrder()] }))
      expect(hiddenCodes(decision)).toEqual({
        [P.cod]: ["new_customer_with_order_awaiting_payment"],
        [P.invoice]: ["new_customer", "new_customer_with_order_awaiting_payment"],
        [P.card]: ["new_customer", "new_customer_with_order_awaiting_payment"],
        [P.sepa]: ["new_customer", "new_customer_with_order_awaiting_payment"],
        [P.paypal]: ["new_customer_with_order_awaiting_payment"],
        [P.other]: ["new_customer", "new_customer_with_order_awaiting_payment"],
      })
      expect(decision.hidden.find((h) => h.provider_id === P.cod)!.reasons[0].values).toEqual({
        awaiting_payment_order_count: 2,
        allowed_classes: ["prepayment"],
      })
    })
  })

  describe("when a new customer's cart total meets the COD maximum", () => {
    it.each([
      // [total, cod_max_amount, COD allowed]
      [0, 300, true],
      [99.99, 300, true],
      [299.99, 300, true],
      [300, 300, true],
      [300.01, 300, false],
      [301, 300, false],
      [1000, 300, false],
      [10_000, null, true],
      [0, 0, true],
      [0.01, 0, false],
      // numbers, not strings compared lexicographically ("1000" < "300", "99.99" > "300")
      ["1000", 300, false],
      ["99.99", 300, true],
      [1000, "300", false],
      // unknown totals fail safe
      [NaN, 300, false],
      [undefined, 300, false],
      [null, 300, false],
      ["", 300, false],
      ["abc", 300, false],
      [Infinity, 300, false],
      [-Infinity, 300, false],
    ])("should, for total %j and max %j, allow COD: %s", (total, max, codAllowed) => {
      const decision = decide(
        input({ cart: { total: total as number }, firstOrder: { cod_max_amount: max as number | null } })
      )
      const expected = codAllowed ? FIRST_ORDER_IDS : [P.prepayment, P.paypal]
      expect(decision.allowed_provider_ids).toEqual(expected)
    })

    it("should carry the total, currency and maximum in the COD reason", () => {
      const decision = decide(input({ cart: { total: 450.5, currency_code: "chf" } }))
      const cod = decision.hidden.find((h) => h.provider_id === P.cod)
      expect(cod).toEqual({
        provider_id: P.cod,
        risk_class: "cash_on_delivery",
        reasons: [
          {
            check: "first_order_cod_limit",
            code: "cod_amount_above_first_order_maximum",
            message: expect.stringMatching(/450\.5 CHF.*300/),
            values: { total: 450.5, currency_code: "chf", cod_max_amount: 300 },
          },
        ],
      })
    })

    it("should report an unknown total as null", () => {
      const decision = decide(input({ cart: { total: NaN } }))
      expect(decision.hidden.find((h) => h.provider_id === P.cod)!.reasons[0].values.total).toBeNull()
    })

    it.each([
      ["an established customer", { orders: [paidOrder()] }],
      ["a disabled rule", { firstOrder: { enabled: false } }],
      ["no paid orders required", { firstOrder: { paid_orders_required: 0 } }],
    ])("should not limit COD for %s", (_name, opts) => {
      const decision = decide(input({ cart: { total: 5000 }, ...opts }))
      expect(decision.allowed_provider_ids).toEqual(ALL_IDS)
    })
  })

  describe("when reporting reasons", () => {
    it("should hide the unsafe classes of a new customer with the new_customer reason and its values", () => {
      const decision = decide(input({ orders: [paidOrder()], firstOrder: { paid_orders_required: 2 } }))
      expect(decision.hidden.map((h) => [h.provider_id, h.risk_class])).toEqual([
        [P.invoice, "invoice"],
        [P.card, "card"],
        [P.sepa, "direct_debit"],
        [P.other, "other"],
      ])
      for (const hidden of decision.hidden) {
        expect(hidden.reasons).toEqual([
          {
            check: "first_order",
            code: "new_customer",
            message: expect.stringContaining("1 of 2"),
            values: {
              paid_order_count: 1,
              paid_orders_required: 2,
              allowed_classes: ["prepayment", "cash_on_delivery", "guaranteed"],
            },
          },
        ])
      }
    })

    it("should list every reason hiding a provider, in check order", () => {
      const customCod = staticCheck("no_cod_today", { kind: "hide_classes", classes: ["cash_on_delivery"] })
      const decision = decide(input({ orders: [awaitingOrder()], cart: { total: 1000 } }), [
        ...DEFAULT_CHECKS,
        customCod,
      ])
      expect(hiddenCodes(decision)[P.cod]).toEqual([
        "new_customer_with_order_awaiting_payment",
        "cod_amount_above_first_order_maximum",
        "no_cod_today",
      ])
      expect(decision.allowed_provider_ids).toEqual([P.prepayment])
    })

    it("should give allowed providers no entry in hidden and keep the region's provider order", () => {
      const providers = [
        provider(P.other, "other"),
        provider(P.paypal, "guaranteed"),
        provider(P.invoice, "invoice"),
        provider(P.cod, "cash_on_delivery"),
        provider(P.prepayment, "prepayment"),
      ]
      const decision = decide(input({ cart: { providers } }))
      expect(decision.allowed_provider_ids).toEqual([P.paypal, P.cod, P.prepayment])
      expect(decision.hidden.map((h) => h.provider_id)).toEqual([P.other, P.invoice])
      for (const id of decision.allowed_provider_ids) {
        expect(decision.hidden.some((h) => h.provider_id === id)).toBe(false)
      }
    })

    it("should report every provider exactly once, allowed or hidden", () => {
      const decision = decide(input({ orders: [awaitingOrder()], cart: { total: 1000 } }))
      const seen = [...decision.allowed_provider_ids, ...decision.hidden.map((h) => h.provider_id)]
      expect(seen.sort()).toEqual([...ALL_IDS].sort())
    })

    it("should decide on the merchant's class, not the provider id", () => {
      const providers = [provider(P.invoice, "prepayment"), provider(P.prepayment, "invoice")]
      const decision = decide(input({ cart: { providers } }))
      expect(decision.allowed_provider_ids).toEqual([P.invoice])
      expect(hiddenCodes(decision)).toEqual({ [P.prepayment]: ["new_customer"] })
    })

    it("should treat two providers of the same class alike", () => {
      const providers = [provider("pp_invoice_a", "invoice"), provider("pp_invoice_b", "invoice"), provider(P.cod, "cash_on_delivery")]
      const decision = decide(input({ cart: { providers } }))
      expect(decision.allowed_provider_ids).toEqual([P.cod])
      expect(hiddenCodes(decision)).toEqual({ pp_invoice_a: ["new_customer"], pp_invoice_b: ["new_customer"] })
    })
  })

  describe("when data is empty or missing", () => {
    it("should return an empty decision when the region has no providers", () => {
      const decision = decide(input({ cart: { providers: [] } }))
      expect(decision.allowed_provider_ids).toEqual([])
      expect(decision.hidden).toEqual([])
    })

    it.each([
      ["no items", { items: [] }],
      ["no email", { email: null }],
      ["no customer", { customer_id: null }],
      ["no email and no customer (guest)", { email: undefined, customer_id: undefined }],
      ["no addresses", { billing_address: null, shipping_address: null }],
      ["no region", { region_id: null }],
    ])("should treat a cart with %s as a new customer's cart", (_name, cartFields) => {
      const decision = decide(input({ cart: cartFields }))
      expect(decision.allowed_provider_ids).toEqual(FIRST_ORDER_IDS)
      expect(decision.facts).toEqual({ paid_order_count: 0, awaiting_payment_order_count: 0, is_new_customer: true })
    })

    it.each([
      ["an empty history", { orders: [] }],
      ["a history without orders", {}],
      ["a null history", null],
      ["an undefined history", undefined],
    ])("should treat %s as a new customer", (_name, history) => {
      const base = input()
      const decision = decide({ ...base, history: history as any })
      expect(decision.allowed_provider_ids).toEqual(FIRST_ORDER_IDS)
      expect(decision.facts.paid_order_count).toBe(0)
    })

    it("should allow everything when no checks run", () => {
      expect(decide(input({ orders: [awaitingOrder()], cart: { total: 5000 } }), []).allowed_provider_ids).toEqual(
        ALL_IDS
      )
    })
  })

  describe("when building the context", () => {
    it.each([
      ["empty", [], 1, { paid_order_count: 0, awaiting_payment_order_count: 0, is_new_customer: true }],
      ["one paid", [paidOrder()], 1, { paid_order_count: 1, awaiting_payment_order_count: 0, is_new_customer: false }],
      [
        "paid and awaiting",
        [paidOrder(), awaitingOrder(), awaitingOrder(), canceledOrder()],
        3,
        { paid_order_count: 1, awaiting_payment_order_count: 2, is_new_customer: true },
      ],
      ["none required", [], 0, { paid_order_count: 0, awaiting_payment_order_count: 0, is_new_customer: false }],
    ])("should derive the facts for %s history", (_name, orders, required, facts) => {
      const ctx = buildContext(input({ orders, firstOrder: { paid_orders_required: required } }))
      expect(ctx.facts).toEqual(facts)
    })

    it("should pass the facts into the decision", () => {
      const decision = decide(input({ orders: [paidOrder(), awaitingOrder()] }))
      expect(decision.facts).toEqual({ paid_order_count: 1, awaiting_payment_order_count: 1, is_new_customer: false })
    })
  })

  describe("when custom checks are combined", () => {
    const hideProviders = (ids: string[]) => staticCheck("hp", { kind: "hide_providers", provider_ids: ids })
    const hideClasses = (classes: PaymentClass[]) => staticCheck("hc", { kind: "hide_classes", classes })
    const allowOnly = (classes: PaymentClass[], code = "ao") => staticCheck(code, { kind: "allow_only_classes", classes })

    it.each([
      ["hide_providers", [hideProviders([P.card, P.cod])], ALL_IDS.filter((id) => id !== P.card && id !== P.cod)],
      ["hide_providers for an unknown id", [hideProviders(["pp_nope"])], ALL_IDS],
      ["hide_providers with no ids", [hideProviders([])], ALL_IDS],
      ["hide_classes", [hideClasses(["card", "direct_debit"])], [P.prepayment, P.cod, P.invoice, P.paypal, P.other]],
      ["hide_classes with no classes", [hideClasses([])], ALL_IDS],
      ["allow_only_classes", [allowOnly(["prepayment", "invoice"])], [P.prepayment, P.invoice]],
      ["allow_only_classes with no classes", [allowOnly([])], []],
      [
        "two allow_only_classes (intersection)",
        [allowOnly(["prepayment", "invoice", "card"], "a"), allowOnly(["invoice", "card", "guaranteed"], "b")],
        [P.invoice, P.card],
      ],
      [
        "disjoint allow_only_classes (nothing left)",
        [allowOnly(["prepayment"], "a"), allowOnly(["invoice"], "b")],
        [],
      ],
      [
        "allow_only_classes and hide_classes",
        [allowOnly(["prepayment", "invoice", "card"]), hideClasses(["card"])],
        [P.prepayment, P.invoice],
      ],
      [
        "allow_only_classes and hide_providers",
        [allowOnly(["prepayment", "invoice"]), hideProviders([P.prepayment])],
        [P.invoice],
      ],
      [
        "hide_classes and hide_providers",
        [hideClasses(["other"]), hideProviders([P.paypal])],
        [P.prepayment, P.cod, P.invoice, P.card, P.sepa],
      ],
    ])("should apply %s", (_name, checks, expected) => {
      const decision = decide(input({ orders: [paidOrder()] }), checks)
      expect(decision.allowed_provider_ids).toEqual(expected)
    })

    it("should intersect a custom check with the default rules for a new customer", () => {
      const decision = decide(input(), [
        ...DEFAULT_CHECKS,
        hideProviders([P.paypal]),
        allowOnly(["prepayment", "guaranteed", "invoice"]),
      ])
      expect(decision.allowed_provider_ids).toEqual([P.prepayment])
      expect(hiddenCodes(decision)).toEqual({
        [P.cod]: ["ao"],
        [P.invoice]: ["new_customer"],
        [P.card]: ["new_customer", "ao"],
        [P.sepa]: ["new_customer", "ao"],
        [P.paypal]: ["hp"],
        [P.other]: ["new_customer", "ao"],
      })
    })

    it("should let one check return several outcomes and pass it the context facts", () => {
      const seen: unknown[] = []
      const multi = {
        id: "multi",
        evaluate: (ctx: any) => {
          seen.push(ctx.facts)
          return [
            { restriction: { kind: "hide_providers" as const, provider_ids: [P.prepayment] }, reason: { check: "multi", code: "m1", message: "", values: {} } },
            { restriction: { kind: "hide_classes" as const, classes: ["guaranteed" as const] }, reason: { check: "multi", code: "m2", message: "", values: {} } },
          ]
        },
      }
      const decision = decide(input({ orders: [paidOrder(), awaitingOrder()] }), [multi])
      expect(seen).toEqual([{ paid_order_count: 1, awaiting_payment_order_count: 1, is_new_customer: false }])
      expect(decision.allowed_provider_ids).toEqual([P.cod, P.invoice, P.card, P.sepa, P.other])
      expect(hiddenCodes(decision)).toEqual({ [P.prepayment]: ["m1"], [P.paypal]: ["m2"] })
    })

    it("should carry the custom reason with its values", () => {
      const decision = decide(input({ orders: [paidOrder()] }), [hideProviders([P.card])])
      expect(decision.hidden).toEqual([
        {
          provider_id: P.card,
          risk_class: "card",
          reasons: [{ check: "custom_hp", code: "hp", message: "custom hp", values: { code: "hp" } }],
        },
      ])
    })
  })

  describe("when the evaluation failed (fallbackDecision)", () => {
    const error = { code: "evaluation_timeout", message: "took longer than 2000 ms" }

    it.each<[string[], string[]]>([
      [["prepayment"], [P.prepayment]],
      [["prepayment", "guaranteed"], [P.prepayment, P.paypal]],
      [["cash_on_delivery", "invoice"], [P.cod, P.invoice]],
      [[], []],
    ])("should allow only the fallback classes %j", (classes, expected) => {
      const decision = fallbackDecision(allProviders(), { fallback_classes: classes as PaymentClass[] }, error)
      expect(decision.allowed_provider_ids).toEqual(expected)
      expect(decision.hidden.map((h) => h.provider_id)).toEqual(ALL_IDS.filter((id) => !expected.includes(id)))
    })

    it("should mark the decision as fallback and give each hidden provider the fallback reason", () => {
      const decision = fallbackDecision(allProviders(), settings(), error)
      expect(decision.fallback).toBe(true)
      expect(decision.engine_version).toBe(ENGINE_VERSION)
      expect(decision.facts).toEqual({ paid_order_count: 0, awaiting_payment_order_count: 0, is_new_customer: true })
      expect(decision.hidden).toHaveLength(6)
      for (const hidden of decision.hidden) {
        expect(hidden.reasons).toEqual([
          {
            check: "fallback",
            code: "evaluation_timeout",
            message: expect.stringContaining("took longer than 2000 ms"),
            values: { fallback_classes: ["prepayment"] },
          },
        ])
      }
    })

    it("should return an empty fallback decision without providers", () => {
      const decision = fallbackDecision([], settings(), error)
      expect(decision).toEqual(expect.objectContaining({ allowed_provider_ids: [], hidden: [], fallback: true }))
    })

    it("should not mark a normal decision as fallback", () => {
      expect(decide(input()).fallback).toBe(false)
    })
  })
})
