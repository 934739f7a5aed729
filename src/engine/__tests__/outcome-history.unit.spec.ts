import { isAwaitingPayment, isPaidOrder } from "../history"
import { refusalFacts } from "../rules/history-facts"

const paid = { id: "o1", status: "completed", total: 100, captured_amount: 100, refunded_amount: 0 }

describe("an order whose money came back after checkout", () => {
  it("should not count as paid and should await payment again", () => {
    expect(isPaidOrder(paid)).toBe(true)
    expect(isPaidOrder({ ...paid, defaulted: true })).toBe(false)
    expect(isAwaitingPayment({ ...paid, defaulted: true })).toBe(true)
  })

  it("should not await payment once canceled", () => {
    expect(isAwaitingPayment({ ...paid, status: "canceled", defaulted: true })).toBe(false)
  })
})

describe("refusalFacts", () => {
  const none = { refused_cod: 0, return_debits: 0 }

  it("should be true when an outcome says so even without the list", () => {
    expect(refusalFacts(null, { refused_cod: 1, return_debits: 0 })).toEqual({ has_refused_cod: true, has_returned_debit: undefined })
    expect(refusalFacts({ has_refused_cod: false, has_returned_debit: false }, { refused_cod: 0, return_debits: 2 })).toEqual({
      has_refused_cod: false,
      has_returned_debit: true,
    })
  })

  it("should keep the list's answer, and stay unknown when neither was read", () => {
    expect(refusalFacts({ has_refused_cod: true, has_returned_debit: false }, none)).toEqual({ has_refused_cod: true, has_returned_debit: false })
    expect(refusalFacts(null, none)).toEqual({ has_refused_cod: undefined, has_returned_debit: undefined })
  })
})
