import { costAt, ScoredOrder, thresholdCurve } from "../cost"
import { AbandonmentSample, assertCostParams, CostParams, DOCUMENTED_FIGURES, measuredAbandonmentRate } from "../cost-params"

const times = (n: number, order: ScoredOrder): ScoredOrder[] => Array.from({ length: n }, () => ({ ...order }))
const bad = (score: number, credit_checked = true): ScoredOrder => ({ score, amount: 100, defaulted: true, credit_checked })
const good = (score: number, credit_checked = true): ScoredOrder => ({ score, amount: 100, defaulted: false, credit_checked })

/**
 * Fig. 5-10's example (seed 003 §5.2.2): 100 orders of 100 €, 7 not paid. Scores as a rule set
 * might give them; the bureau was asked for the orders scoring 40 or more.
 */
const FIG_5_10: ScoredOrder[] = [
  ...times(2, bad(80)),
  ...times(2, bad(60)),
  ...times(1, bad(40)),
  ...times(2, bad(0, false)),
  ...times(5, good(60)),
  ...times(10, good(40)),
  ...times(78, good(0, false)),
]

/** a loss per default of 100 + 20 = 120 €; a good shopper restricted costs 100 × 0.5 × 0.3 = 15 € */
const PARAMS: CostParams = { gross_margin: 0.3, cost_per_default: 20, abandonment_rate: 0.5, credit_check_cost: 1 }

describe("cost formula", () => {
  it("should build the example from the documented figures", () => {
    expect(FIG_5_10).toHaveLength(DOCUMENTED_FIGURES.fig_5_10.orders)
    expect(FIG_5_10.filter((o) => o.defaulted)).toHaveLength(DOCUMENTED_FIGURES.fig_5_10.unpaid)
  })

  it.each([
    // threshold, defaults let through × 120, paid queries below the threshold × 1, good restricted × 15
    [81, { defaults: 840, credit_checks: 20, lost_margin: 0, total: 860 }],
    [80, { defaults: 600, credit_checks: 18, lost_margin: 0, total: 618 }],
    [60, { defaults: 360, credit_checks: 11, lost_margin: 75, total: 446 }],
    [40, { defaults: 240, credit_checks: 0, lost_margin: 225, total: 465 }],
    [0, { defaults: 0, credit_checks: 0, lost_margin: 1395, total: 1395 }],
  ])("should cost, with prepayment only from %i, %j (hand count)", (threshold, expected) => {
    expect(costAt(threshold, FIG_5_10, PARAMS)).toEqual(expected)
  })

  it("should count only what was lost of a partly recovered default", () => {
    expect(costAt(100, [{ score: 0, amount: 100, defaulted: true, lost: 40 }], PARAMS).defaults).toBe(60)
  })

  it("should sum in cents", () => {
    const orders = [0.1, 0.2, 0.7].map((amount) => ({ score: 0, amount, defaulted: true }))
    expect(costAt(1, orders, { ...PARAMS, cost_per_default: 0 }).defaults).toBe(1)
  })

  it.each<[Partial<CostParams>, string]>([
    [{ gross_margin: 1.2 }, "gross_margin"],
    [{ abandonment_rate: -0.1 }, "abandonment_rate"],
    [{ cost_per_default: Number.NaN }, "cost_per_default"],
    [{ credit_check_cost: -1 }, "credit_check_cost"],
  ])("should refuse %j naming the parameter", (change, name) => {
    expect(() => assertCostParams({ ...PARAMS, ...change })).toThrow(name)
  })
})

describe("thresholdCurve", () => {
  const curve = thresholdCurve(FIG_5_10, PARAMS, { review_from: 40, prepayment_from: 80 })

  it("should have a point per distinct score and one above the highest, in order", () => {
    expect(curve.points.map((p) => [p.threshold, p.cost.total])).toEqual([[0, 1395], [40, 465], [60, 446], [80, 618], [81, 860]])
  })

  it("should mark the minimum", () => {
    expect([curve.minimum?.threshold, curve.minimum?.cost.total]).toEqual([60, 446])
  })

  it("should give the good and bad volume restricted and let through at a point", () => {
    const at60 = curve.points.find((p) => p.threshold === 60)!
    expect(at60.restricted).toEqual({ good: { count: 5, amount: 500 }, bad: { count: 4, amount: 400 } })
    expect(at60.let_through).toEqual({ good: { count: 88, amount: 8800 }, bad: { count: 3, amount: 300 } })
  })

  it("should give the current prepayment point and the orders the review threshold holds below it", () => {
    expect(curve.prepayment?.threshold).toBe(80)
    // scores 40 to 79: five good at 60, ten good at 40; two bad at 60, one bad at 40
    expect(curve.review).toEqual({ threshold: 40, good: { count: 15, amount: 1500 }, bad: { count: 3, amount: 300 } })
  })

  it("should add a given prepayment threshold between scores", () => {
    const between = thresholdCurve(FIG_5_10, PARAMS, { prepayment_from: 50 })
    expect(between.prepayment?.cost.total).toBe(446)
    expect(between.points.map((p) => p.threshold)).toEqual([0, 40, 50, 60, 80, 81])
  })

  it("should prefer the highest threshold on a tie (the fewest shoppers restricted)", () => {
    expect(thresholdCurve([good(10, false)], { ...PARAMS, abandonment_rate: 0 }).minimum?.threshold).toBe(11)
  })

  it("should give at every point the cost costAt gives (generated orders with odd amounts)", () => {
    const orders: ScoredOrder[] = Array.from({ length: 500 }, (_, i) => ({
      score: (i * 37) % 11 * 10,
      amount: ((i * 7919) % 100000) / 100,
      defaulted: i % 9 === 0,
      ...(i % 27 === 0 ? { lost: 12.34 } : {}),
      credit_checked: i % 4 === 0,
    }))
    const params = { gross_margin: 0.27, cost_per_default: 17.5, abandonment_rate: 0.33, credit_check_cost: 1.19 }
    const points = thresholdCurve(orders, params).points
    expect(points).toHaveLength(12)
    expect(points.filter((p) => JSON.stringify(p.cost) !== JSON.stringify(costAt(p.threshold, orders, params)))).toEqual([])
  })

  it("should answer no points for no orders", () => {
    expect(thresholdCurve([], PARAMS)).toEqual({ points: [], minimum: null, prepayment: null, review: null })
  })
})

describe("measuredAbandonmentRate", () => {
  const carts = (restrictedLeft: number, restrictedCompleted: number, extra: AbandonmentSample[] = []): AbandonmentSample[] => [
    ...times(restrictedLeft, { score: 0, amount: 0, defaulted: false }).map(() => ({ restricted: true, completed: false })),
    ...times(restrictedCompleted, { score: 0, amount: 0, defaulted: false }).map(() => ({ restricted: true, completed: true })),
    ...extra,
  ]

  it("should measure the share of restricted carts not completed from 100 such carts on", () => {
    expect(measuredAbandonmentRate(carts(25, 75, [{ restricted: false, completed: false }]))).toEqual({ rate: 0.25, carts: 100 })
  })

  it("should answer null below the minimum sample", () => {
    expect(measuredAbandonmentRate(carts(25, 74))).toBeNull()
    expect(measuredAbandonmentRate(carts(1, 1), 2)).toEqual({ rate: 0.5, carts: 2 })
  })

  it("should count only carts left with prepayment alone when the offered classes are recorded", () => {
    const sample: AbandonmentSample[] = [
      { restricted: true, completed: false, offered_classes: ["prepayment"] },
      { restricted: true, completed: true, offered_classes: ["prepayment"] },
      { restricted: true, completed: false, offered_classes: ["prepayment", "cash_on_delivery"] },
      { restricted: true, completed: false, offered_classes: [] },
    ]
    expect(measuredAbandonmentRate(sample, 1)).toEqual({ rate: 0.5, carts: 2 })
  })
})
