import { input, paidOrder, settings as settingsWith } from "../../__tests__/builders"
import { DEFAULT_SETTINGS } from "../../settings"
import type { RiskRule, RuleAction } from "../../rules/types"
import type { PaymentClass } from "../../types"
import { backtest, BacktestOrder, BacktestTally } from "../backtest"
import type { OutcomeBucket } from "../outcome-bucket"
import { replayableInputOf } from "../replayable"
import { scoredOrdersOf } from "../scored-orders"

const settings = settingsWith({}, { plausibility: { ...DEFAULT_SETTINGS.plausibility, enabled: false } })

const rule = (id: string, operator: "gt" | "lt", total: number, actions: RuleAction[]): RiskRule => ({
  id,
  name: id,
  priority: 1,
  enabled: true,
  conditions: { type: "group", combinator: "and", children: [{ type: "condition", attribute: "cart.total", operator, value: total }] },
  actions,
})
const HIDE_INVOICE: RuleAction = { type: "hide_classes", classes: ["invoice"] }

/** draft: no invoice above 400; today: no invoice below 200 */
const draft = { rules: [rule("draft_above_400", "gt", 400, [HIDE_INVOICE])], settings }
const current = { rules: [rule("today_below_200", "lt", 200, [HIDE_INVOICE])], settings }

/** an established customer (one paid order), so the first-order rule hides nothing */
const replayable = (total: number) =>
  JSON.parse(JSON.stringify(replayableInputOf({ ...input({ cart: { total }, orders: [paidOrder()], settings }), rule_facts: { now: "2026-11-01T10:00:00.000Z" } })))

const order = (order_id: string, amount: number, outcome: OutcomeBucket, payment_class: PaymentClass | null = "invoice", stored: unknown = replayable(amount)): BacktestOrder => ({
  order_id,
  amount,
  currency_code: "eur",
  replayable: stored,
  outcome,
  payment_class,
})

const HISTORY: BacktestOrder[] = [
  order("o1", 500, "defaulted"),
  order("o2", 450.5, "paid_late"),
  order("o3", 600, "refunded"),
  order("o4", 401, "paid_fine"),
  order("o5", 999.99, "paid_fine"),
  order("o6", 100, "defaulted"), // today stops it, the draft lets it through: override
  order("o7", 300, "defaulted", "invoice", null), // not replayable
  order("o8", 800, "defaulted", "invoice", { ...replayable(800), version: 0 }), // another version: not replayable
  order("o9", 700, "defaulted", "prepayment"), // the draft hides invoice, not the prepayment it was paid with
  order("o10", 150.1, "paid_fine"), // override
  order("o11", 0.1, "paid_fine"), // override
  order("o12", 0.2, "paid_fine"), // override
]

describe("backtest", () => {
  describe("when a draft hides invoice above 400 and today's rules hide it below 200", () => {
    const result = backtest(HISTORY, draft, current)

    it("should count all orders and the replayable ones", () => {
      expect([result.orders, result.replayable]).toEqual([12, 10])
    })

    it("should split the orders the draft stops by what really happened (hand count)", () => {
      expect(result.buckets).toEqual({
        defaulted: { count: 1, amount: 500 },
        paid_late: { count: 1, amount: 450.5 },
        refunded: { count: 1, amount: 600 },
        paid_fine: { count: 2, amount: 1400.99 },
      })
    })

    it("should count as overrides the orders today's rules stop and the draft lets through, in cents", () => {
      expect(result.overrides).toEqual({ count: 4, amount: 250.4 })
    })

    it("should sample the stopped orders worst first: bucket order, then largest amount", () => {
      expect(result.samples).toEqual(["o1", "o2", "o3", "o5", "o4"])
      expect(backtest(HISTORY, draft, current, { sample_size: 2 }).samples).toEqual(["o1", "o2"])
      expect(backtest([...HISTORY].reverse(), draft, current).samples).toEqual(result.samples)
    })
  })

  describe("when the draft only flags for review", () => {
    it("should count a flagged order even if its payment class stays offered", () => {
      const flagging = { rules: [rule("review_above_400", "gt", 400, [{ type: "flag_review" }])], settings }
      const result = backtest([order("o9", 700, "defaulted", "prepayment")], flagging, { rules: [], settings })
      expect(result.buckets.defaulted).toEqual({ count: 1, amount: 700 })
      expect(result.overrides).toEqual({ count: 0, amount: 0 })
    })
  })

  describe("when the payment class is not known", () => {
    it("should count an order the draft restricts in any way", () => {
      const result = backtest([order("o1", 500, "paid_fine", null)], draft, { rules: [], settings })
      expect(result.buckets.paid_fine).toEqual({ count: 1, amount: 500 })
    })
  })

  describe("when orders are in several currencies", () => {
    const mixed = [order("o1", 500, "defaulted"), { ...order("c1", 500, "defaulted"), currency_code: "CHF" }]

    it("should count only the chosen currency", () => {
      const result = backtest(mixed, draft, current, { currency_code: "EUR" })
      expect([result.orders, result.buckets.defaulted]).toEqual([1, { count: 1, amount: 500 }])
    })

    it("should refuse to add up amounts of different currencies", () => {
      expect(() => backtest(mixed, draft, current)).toThrow("Amounts in chf, eur cannot be summed")
    })
  })

  describe("when no order is replayable", () => {
    it("should answer zeros and no samples", () => {
      const result = backtest([order("o7", 300, "defaulted", "invoice", null)], draft, current)
      expect(result).toEqual({
        orders: 1,
        replayable: 0,
        buckets: { defaulted: { count: 0, amount: 0 }, paid_late: { count: 0, amount: 0 }, refunded: { count: 0, amount: 0 }, paid_fine: { count: 0, amount: 0 } },
        overrides: { count: 0, amount: 0 },
        samples: [],
        inexact: [],
      })
    })
  })

  describe("when orders are added a batch at a time (BacktestTally)", () => {
    it("should give what one call over all orders gives, samples included", () => {
      const tally = new BacktestTally(draft, current, { sample_size: 2 })
      for (let i = 0; i < HISTORY.length; i += 3) tally.add(HISTORY.slice(i, i + 3))
      expect(tally.result()).toEqual(backtest(HISTORY, draft, current, { sample_size: 2 }))
    })

    it("should keep the worst samples of many stopped orders", () => {
      const many = Array.from({ length: 30 }, (_, i) => order(`m${String(i).padStart(2, "0")}`, 401 + i, i % 2 ? "paid_fine" : "defaulted"))
      const tally = new BacktestTally(draft, current, { sample_size: 3 })
      many.forEach((one) => tally.add([one]))
      expect(tally.result().samples).toEqual(["m28", "m26", "m24"])
    })
  })
})

describe("scoredOrdersOf", () => {
  it("should score each replayable order by the rules, mark defaults and paid credit queries, and leave out the rest", () => {
    const scoring = { rules: [rule("points_above_400", "gt", 400, [{ type: "add_score", points: 30 }])], settings }
    const checked = { ...replayable(500), credit: { status: "answered", provider_id: "b", cached: false, result: "none", score: null, traffic_light: null } }
    const cached = { ...replayable(90), credit: { status: "answered", provider_id: "b", cached: true, result: "none", score: null, traffic_light: null } }
    expect(
      scoredOrdersOf([order("a", 500, "defaulted", "invoice", checked), order("b", 90, "paid_late", "invoice", cached), order("c", 300, "paid_fine", "invoice", null)], scoring)
    ).toEqual([
      { score: 30, amount: 500, defaulted: true, credit_checked: true },
      { score: 0, amount: 90, defaulted: false, credit_checked: false },
    ])
  })

  it("should take the order figure's credit_checked over the stored input's answer where given", () => {
    const scoring = { rules: [], settings }
    const cachedThen = { ...replayable(90), credit: { status: "answered", provider_id: "b", cached: true, result: "none", score: null, traffic_light: null } }
    const paidThen = { ...replayable(90), credit: { status: "answered", provider_id: "b", cached: false, result: "none", score: null, traffic_light: null } }
    expect(
      scoredOrdersOf(
        [
          { ...order("a", 90, "paid_fine", "invoice", cachedThen), credit_checked: true },
          { ...order("b", 90, "paid_fine", "invoice", paidThen), credit_checked: false },
          order("c", 90, "paid_fine", "invoice", paidThen),
        ],
        scoring
      ).map((scored) => scored.credit_checked)
    ).toEqual([true, false, true])
  })
})
