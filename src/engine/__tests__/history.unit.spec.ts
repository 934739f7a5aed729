import { countAwaitingPayment, countPaidOrders, isAwaitingPayment, isPaidOrder } from "../history"
import { knownAmount } from "../amount"
import { OrderHistoryEntry } from "../types"
import { order } from "./builders"

type Row = [string, Partial<OrderHistoryEntry>, boolean, boolean]

describe("history", () => {
  describe("when classifying one order", () => {
    // [case, order fields, isPaidOrder, isAwaitingPayment]
    const rows: Row[] = [
      ["fully captured, completed", { status: "completed", total: 100, captured_amount: 100 }, true, false],
      ["fully captured, pending", { status: "pending", total: 100, captured_amount: 100 }, true, false],
      ["fully captured, archived", { status: "archived", total: 100, captured_amount: 100 }, true, false],
      ["fully captured, requires_action", { status: "requires_action", total: 100, captured_amount: 100 }, true, false],
      ["over-captured", { total: 100, captured_amount: 120 }, true, false],
      ["partially captured", { status: "pending", total: 100, captured_amount: 50 }, false, true],
      ["captured one cent short", { total: 100, captured_amount: 99.99 }, false, true],
      ["not captured", { status: "pending", total: 100, captured_amount: 0 }, false, true],
      ["not captured, completed status", { status: "completed", total: 100, captured_amount: 0 }, false, true],
      ["canceled and captured", { status: "canceled", total: 100, captured_amount: 100 }, false, false],
      ["canceled, not captured", { status: "canceled", total: 100, captured_amount: 0 }, false, false],
      ["draft and captured", { status: "draft", total: 100, captured_amount: 100 }, false, false],
      ["draft, not captured", { status: "draft", total: 100, captured_amount: 0 }, false, false],
      ["fully refunded", { total: 100, captured_amount: 100, refunded_amount: 100 }, false, false],
      ["refunded more than captured", { total: 100, captured_amount: 100, refunded_amount: 150 }, false, false],
      ["partially refunded", { total: 100, captured_amount: 100, refunded_amount: 30 }, true, false],
      ["refunded all but one cent", { total: 100, captured_amount: 100, refunded_amount: 99.99 }, true, false],
      // float noise below a thousandth is tolerated in both directions
      ["captured 0.1+0.2 of 0.3", { total: 0.3, captured_amount: 0.1 + 0.2 }, true, false],
      ["captured 0.3 of 0.1+0.2", { total: 0.1 + 0.2, captured_amount: 0.3 }, true, false],
      ["captured 0.3 of 0.3001 (within a thousandth)", { total: 0.3001, captured_amount: 0.3 }, true, false],
      ["captured 0.3 of 0.302 (beyond a thousandth)", { total: 0.302, captured_amount: 0.3 }, false, true],
      [
        "refunded 0.1+0.2 of captured 0.3 (fully refunded)",
        { total: 0.3, captured_amount: 0.3, refunded_amount: 0.1 + 0.2 },
        false,
        false,
      ],
      ["large amounts", { total: 1234567.89, captured_amount: 1234567.89 }, true, false],
      // zero total: nothing was captured, so the order never unlocks anything; it counts as
      // awaiting payment (adapters rely on this for in-flight completions with total 0)
      ["zero total, nothing captured", { total: 0, captured_amount: 0 }, false, true],
      ["zero total, canceled", { status: "canceled", total: 0, captured_amount: 0 }, false, false],
      // missing or invalid amounts: fail safe, never paid
      ["captured NaN", { total: 100, captured_amount: NaN }, false, true],
      ["captured missing", { total: 100, captured_amount: undefined as unknown as number }, false, true],
      ["captured negative", { total: 100, captured_amount: -100 }, false, true],
      ["total NaN, captured", { total: NaN, captured_amount: 100 }, false, true],
      ["total missing, captured", { total: undefined as unknown as number, captured_amount: 100 }, false, true],
      ["total null, captured", { total: null as unknown as number, captured_amount: 100 }, false, true],
      ["total empty string, captured", { total: "" as unknown as number, captured_amount: 100 }, false, true],
      ["total non-numeric string, captured", { total: "abc" as unknown as number, captured_amount: 100 }, false, true],
      ["total Infinity, captured", { total: Infinity, captured_amount: 100 }, false, true],
      ["everything NaN", { total: NaN, captured_amount: NaN, refunded_amount: NaN }, false, true],
      [
        "refunded null (no refund recorded)",
        { total: 100, captured_amount: 100, refunded_amount: null as unknown as number },
        true,
        false,
      ],
      // amounts that arrive as numeric strings are compared as numbers
      [
        "amounts as numeric strings",
        { total: "1000" as unknown as number, captured_amount: "1000" as unknown as number },
        true,
        false,
      ],
      [
        "captured '300' of total '1000' (not lexicographic)",
        { total: "1000" as unknown as number, captured_amount: "300" as unknown as number },
        false,
        true,
      ],
    ]

    const cases = rows.map(([name, fields, paid, awaiting]) => ({ name, fields, paid, awaiting }))

    it.each(cases)("should treat $name as paid=$paid, awaiting payment=$awaiting", ({ fields, paid, awaiting }) => {
      const entry = order(fields)
      expect(isPaidOrder(entry)).toBe(paid)
      expect(isAwaitingPayment(entry)).toBe(awaiting)
    })

    it.each(cases)("should never treat $name as both paid and awaiting payment", ({ fields }) => {
      const entry = order(fields)
      expect(isPaidOrder(entry) && isAwaitingPayment(entry)).toBe(false)
    })
  })

  describe("when counting a history", () => {
    it.each([
      ["empty", [], 0, 0],
      ["one paid", [order()], 1, 0],
      ["two paid", [order(), order()], 2, 0],
      ["one awaiting", [order({ status: "pending", captured_amount: 0 })], 0, 1],
      [
        "mixed",
        [
          order(),
          order({ status: "pending", captured_amount: 0 }),
          order({ status: "pending", captured_amount: 40 }),
          order({ status: "canceled", captured_amount: 0 }),
          order({ status: "draft", captured_amount: 0 }),
          order({ refunded_amount: 100 }),
          order({ refunded_amount: 20 }),
        ],
        2,
        2,
      ],
      ["only canceled and refunded", [order({ status: "canceled" }), order({ refunded_amount: 100 })], 0, 0],
    ])("should count %s history as %i paid and %i awaiting", (_name, orders, paid, awaiting) => {
      expect(countPaidOrders(orders as OrderHistoryEntry[])).toBe(paid)
      expect(countAwaitingPayment(orders as OrderHistoryEntry[])).toBe(awaiting)
    })
  })

  describe("when reading an amount (knownAmount)", () => {
    it.each([
      [0, 0],
      [300, 300],
      [99.99, 99.99],
      ["1000", 1000],
      ["99.99", 99.99],
      [" 12.5 ", 12.5],
    ])("should read %j as %j", (value, expected) => {
      expect(knownAmount(value)).toBe(expected)
    })

    it.each([[null], [undefined], [""], ["   "], ["abc"], [NaN], [{}]])(
      "should read %j as unknown (NaN), not 0",
      (value) => {
        expect(knownAmount(value)).toBeNaN()
      }
    )
  })
})
