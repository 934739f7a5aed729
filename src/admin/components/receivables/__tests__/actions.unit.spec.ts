import type { ReceivableDTO } from "../types"
import { availableActions, parseAmount } from "../actions"
import { originalOf } from "../row-original"

const receivable = (status: ReceivableDTO["status"], stage: number | null): ReceivableDTO => ({
  order_id: "order_1",
  currency_code: "eur",
  debtor_type: "consumer",
  principal: 100,
  paid: 0,
  fees: 0,
  interest: 0,
  total_due: 100,
  invoice_date: "2026-10-01",
  due_date: "2026-10-15",
  default_from: null,
  stage,
  status,
  next_stage_at: null,
})

describe("receivable actions", () => {
  it.each([
    ["open", null, ["advance", "pause", "hand-over", "write-off"]],
    ["overdue", null, ["advance", "pause", "hand-over", "write-off"]],
    ["in_dunning", 1, ["advance", "pause", "hand-over", "write-off"]],
    ["in_dunning", 3, ["pause", "hand-over", "write-off"]],
    ["paused", 1, ["resume", "hand-over", "write-off"]],
    ["handed_over", 3, ["write-off"]],
    ["paid", 2, []],
    ["written_off", 2, []],
  ] as const)("should offer for %s at stage %s: %j", (status, stage, expected) => {
    expect(availableActions(receivable(status, stage), 4)).toEqual(expected)
  })
})

describe("amounts as typed", () => {
  it.each([
    ["12,50", "de", 12.5],
    ["12.50", "de", 12.5],
    ["12,50", "en", 12.5],
    [" 49,9 € ", "de", 49.9],
    ["1.234,56", "de", 1234.56],
    ["1,234.56", "en-GB", 1234.56],
    ["12,505", "en", 12505],
    ["1000", "de", 1000],
  ])("should read %j in %s as %d", (text, language, value) => {
    expect(parseAmount(text, language)).toBe(value)
  })

  it.each([
    ["", "de"],
    ["abc", "de"],
    ["-5", "de"],
    ["1,2,3", "de"],
    ["1e3", "en"],
    ["12,505", "de"],
    ["1,234.56", "de"],
    ["1.234,56", "en"],
  ])("should refuse %j in %s", (text, language) => {
    expect(parseAmount(text, language)).toBeNaN()
  })
})

describe("row data from a DataTable click", () => {
  it("should take TanStack's row.original when given a Row, else the data itself", () => {
    const data = receivable("open", null)
    expect(originalOf({ id: "order_1", original: data } as unknown as ReceivableDTO)).toBe(data)
    expect(originalOf(data)).toBe(data)
  })
})
