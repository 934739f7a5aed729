import { aftermathOf } from "../aftermath"
import { DEFAULT_COST_PER_DEFAULT_EUR, defaultCostPerDefault, measuredAbandonmentRate } from "../cost-params"
import { dailySeries } from "../daily"

const on = (day: number) => `2026-11-${String(day).padStart(2, "0")}T10:00:00.000Z`

describe("aftermathOf", () => {
  it.each([
    ["no outcomes", [], null, 0, { bucket: "paid_fine", lost: 0, recovered: 0 }],
    ["a refund only", [], null, 20, { bucket: "refunded", lost: 0, recovered: 0 }],
    [
      "a return debit paid again in part afterwards",
      [{ kind: "return_debit", occurred_at: on(2) }, { kind: "payment_received", occurred_at: on(9), amount: 30 }],
      null, 0, { bucket: "defaulted", lost: 70, recovered: 30, returned: true },
    ],
    [
      "an invoice paid in part, dunned, then written off",
      [
        { kind: "payment_received", occurred_at: on(1), amount: 10 },
        { kind: "dunning_stage", occurred_at: on(5) },
        { kind: "payment_received", occurred_at: on(8), amount: 25 },
        { kind: "written_off", occurred_at: on(20) },
      ],
      null, 0, { bucket: "defaulted", lost: 65, recovered: 25, written_off: true },
    ],
    ["a chargeback won back", [{ kind: "chargeback", occurred_at: on(2) }, { kind: "chargeback_reversed", occurred_at: on(6) }], null, 0, { bucket: "paid_fine", lost: 0, recovered: 0 }],
    ["a chargeback kept", [{ kind: "chargeback", occurred_at: on(2) }], null, 0, { bucket: "defaulted", lost: 100, recovered: 0, charged_back: true }],
    ["a refused parcel", [{ kind: "cod_refused", occurred_at: on(2) }], null, 0, { bucket: "defaulted", lost: 100, recovered: 0, refused: true }],
    ["a claim written off (hold)", [], { status: "written_off", stage: 1 }, 0, { bucket: "defaulted", lost: 100, recovered: 0, written_off: true }],
    ["a dunned claim paid in full", [{ kind: "dunning_stage", occurred_at: on(3) }, { kind: "payment_received", occurred_at: on(4), amount: null }, { kind: "payment_received", occurred_at: on(5), amount: 100 }], null, 0, { bucket: "paid_late", lost: 0, recovered: 100 }],
  ] as const)("should count %s", (_, outcomes, receivable, refunded, expected) => {
    const figures = aftermathOf(100, { outcomes: [...outcomes], receivable: receivable ? { ...receivable } : null, refunded_amount: refunded })
    expect(figures).toEqual({ returned: false, charged_back: false, refused: false, written_off: false, ...expected })
  })
})

describe("dailySeries", () => {
  it("should give every UTC day of the period once, summed, with zeros for quiet days", () => {
    const series = dailySeries({ from: new Date("2026-11-01T12:00:00Z"), to: new Date("2026-11-04T00:00:00Z") }, [
      { date: "2026-11-01", evaluated: 2, restricted: 1 },
      { date: "2026-11-03", orders: 1, amount: 0.1, defaulted: 1 },
      { date: "2026-11-03", orders: 1, amount: 0.2 },
      { date: "2026-11-04", orders: 5, amount: 500 }, // after the period
    ])
    expect(series).toEqual([
      { date: "2026-11-01", evaluated: 2, restricted: 1, completed_after_restriction: 0, orders: 0, amount: 0, defaulted: 0 },
      { date: "2026-11-02", evaluated: 0, restricted: 0, completed_after_restriction: 0, orders: 0, amount: 0, defaulted: 0 },
      { date: "2026-11-03", evaluated: 0, restricted: 0, completed_after_restriction: 0, orders: 2, amount: 0.3, defaulted: 1 },
    ])
  })
})

describe("measuredAbandonmentRate with grouped carts", () => {
  it("should weigh each group by its count and need 100 carts", () => {
    const groups = [
      { count: 70, restricted: true, completed: false, offered_classes: ["prepayment"] },
      { count: 30, restricted: true, completed: true, offered_classes: ["prepayment"] },
      { count: 500, restricted: true, completed: false, offered_classes: ["prepayment", "card"] },
    ]
    expect(measuredAbandonmentRate(groups)).toEqual({ rate: 0.7, carts: 100 })
    expect(measuredAbandonmentRate(groups.slice(0, 1).concat([{ count: 29, restricted: true, completed: true, offered_classes: ["prepayment"] }]))).toBeNull()
  })
})

describe("the default cost per default", () => {
  it("should be 3 € returned-debit fee + 9.50 € first dunning letter, for EUR only", () => {
    expect(DEFAULT_COST_PER_DEFAULT_EUR).toBe(12.5)
    expect([defaultCostPerDefault("EUR"), defaultCostPerDefault("chf")]).toEqual([12.5, null])
  })
})
