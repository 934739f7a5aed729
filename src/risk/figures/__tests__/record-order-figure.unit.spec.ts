import { providerOfOrder } from "../record-order-figure"

const order = (collections: unknown[]) => ({ id: "order_1", payment_collections: collections as never })

describe("providerOfOrder", () => {
  it("should take the payment that was not canceled", () => {
    const row = order([
      { payments: [{ provider_id: "pp_invoice", canceled_at: "2026-12-01" }, { provider_id: "pp_prepayment", canceled_at: null }], payment_sessions: [{ provider_id: "pp_card", status: "authorized" }] },
    ])
    expect(providerOfOrder(row)).toBe("pp_prepayment")
  })

  it("should take a canceled payment over any session", () => {
    expect(providerOfOrder(order([{ payments: [{ provider_id: "pp_invoice", canceled_at: "2026-12-01" }], payment_sessions: [{ provider_id: "pp_card", status: "authorized" }] }]))).toBe("pp_invoice")
  })

  it("should take an authorized session over another one when there is no payment", () => {
    const row = order([{ payments: [], payment_sessions: [{ provider_id: "pp_card", status: "error" }, { provider_id: "pp_cod", status: "authorized" }] }])
    expect(providerOfOrder(row)).toBe("pp_cod")
  })

  it("should be null without payments and sessions", () => {
    expect(providerOfOrder(order([]))).toBeNull()
    expect(providerOfOrder({ id: "order_2" })).toBeNull()
    expect(providerOfOrder(order([null, { payments: [null], payment_sessions: [{ provider_id: null }] }]))).toBeNull()
  })
})
