import { DEFAULT_CHECKS } from "../checks"
import { firstOrderCheck } from "../checks/first-order"
import { firstOrderCodLimitCheck } from "../checks/first-order-cod-limit"
import { openOrdersCheck } from "../checks/open-orders"
import { context } from "./builders"

describe("checks", () => {
  describe("when listing the default checks", () => {
    it("should run the probing limits, the negative list (internal data first), first-order, open-orders, the COD limit, the merchant's rules, plausibility and the credit check, in that order", () => {
      expect(DEFAULT_CHECKS.map((c) => c.id)).toEqual([
        "probing",
        "negative_list",
        "first_order",
        "open_orders",
        "first_order_cod_limit",
        "rules",
        "plausibility",
        "credit_check",
      ])
    })
  })

  describe("when the first-order check evaluates", () => {
    it("should restrict a new customer to the first-order classes with the counts as values", () => {
      const outcomes = firstOrderCheck.evaluate(
        context({ facts: { is_new_customer: true, paid_order_count: 1 }, firstOrder: { paid_orders_required: 2 } })
      )
      expect(outcomes).toEqual([
        {
          restriction: { kind: "allow_only_classes", classes: ["prepayment", "cash_on_delivery", "guaranteed"] },
          reason: {
            check: "first_order",
            code: "new_customer",
            message: expect.stringContaining("1 of 2"),
            values: {
              paid_order_count: 1,
              paid_orders_required: 2,
              allowed_classes: ["prepayment", "cash_on_delivery", "guaranteed"],
            },
          },
        },
      ])
    })

    it.each([
      ["an established customer", { is_new_customer: false, paid_order_count: 1 }, {}],
      ["a new customer with the rule disabled", { is_new_customer: true }, { enabled: false }],
    ])("should return nothing for %s", (_name, facts, firstOrder) => {
      expect(firstOrderCheck.evaluate(context({ facts, firstOrder }))).toEqual([])
    })

    it("should use the configured classes", () => {
      const [outcome] = firstOrderCheck.evaluate(context({ firstOrder: { allowed_classes: ["prepayment"] } }))
      expect(outcome.restriction).toEqual({ kind: "allow_only_classes", classes: ["prepayment"] })
    })
  })

  describe("when the open-orders check evaluates", () => {
    it("should restrict a new customer with an order awaiting payment to the pending classes", () => {
      const outcomes = openOrdersCheck.evaluate(context({ facts: { awaiting_payment_order_count: 2 } }))
      expect(outcomes).toEqual([
        {
          restriction: { kind: "allow_only_classes", classes: ["prepayment"] },
          reason: {
            check: "open_orders",
            code: "new_customer_with_order_awaiting_payment",
            message: expect.stringContaining("2 order(s)"),
            values: { awaiting_payment_order_count: 2, allowed_classes: ["prepayment"] },
          },
        },
      ])
    })

    it.each([
      ["a new customer without open orders", { awaiting_payment_order_count: 0 }, {}],
      ["an established customer with open orders", { awaiting_payment_order_count: 1, is_new_customer: false }, {}],
      ["a new customer with open orders and the rule disabled", { awaiting_payment_order_count: 1 }, { enabled: false }],
    ])("should return nothing for %s", (_name, facts, firstOrder) => {
      expect(openOrdersCheck.evaluate(context({ facts, firstOrder }))).toEqual([])
    })
  })

  describe("when the first-order COD limit evaluates", () => {
    const codLimit = (total: unknown, cod_max_amount: number | null = 300, facts = {}, firstOrder = {}) =>
      firstOrderCodLimitCheck.evaluate(
        context({ cart: { total: total as number }, firstOrder: { cod_max_amount, ...firstOrder }, facts })
      )

    it.each([
      [0, 300],
      [99.99, 300],
      [299.99, 300],
      [300, 300],
      [300.0, 300],
      ["300", 300],
      ["99.99", 300],
      [0, 0],
      [5000, null],
      [NaN, null],
    ])("should allow COD for total %j with max %j", (total, max) => {
      expect(codLimit(total, max)).toEqual([])
    })

    it.each([
      [300.01, 300, 300.01],
      [301, 300, 301],
      [1000, 300, 1000],
      ["1000", 300, 1000],
      [0.01, 0, 0.01],
      [Infinity, 300, null],
      [NaN, 300, null],
      [undefined, 300, null],
      [null, 300, null],
      ["", 300, null],
      ["abc", 300, null],
    ])("should hide COD for total %j with max %j", (total, max, reportedTotal) => {
      expect(codLimit(total, max)).toEqual([
        {
          restriction: { kind: "hide_classes", classes: ["cash_on_delivery"] },
          reason: {
            check: "first_order_cod_limit",
            code: "cod_amount_above_first_order_maximum",
            message: expect.stringContaining("EUR"),
            values: { total: reportedTotal, currency_code: "eur", cod_max_amount: max },
          },
        },
      ])
    })

    it("should say the total is unknown in the message when it is not a number", () => {
      expect(codLimit(NaN)[0].reason.message).toContain("unknown")
    })

    it.each([
      ["an established customer", { is_new_customer: false }, {}],
      ["a new customer with the rule disabled", {}, { enabled: false }],
    ])("should return nothing for %s even far above the maximum", (_name, facts, firstOrder) => {
      expect(codLimit(10_000, 300, facts, firstOrder)).toEqual([])
    })
  })
})
