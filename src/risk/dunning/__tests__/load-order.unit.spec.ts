import { stageChannels, stageNote } from "../stage-notification"
import { dunningStageKey, stageOfKey } from "../stage-key"
import { toOrder } from "../load-order"

const row = (fields: Record<string, unknown> = {}) =>
  toOrder({
    id: "order_1",
    display_id: 7,
    email: "a@example.com",
    currency_code: "EUR",
    created_at: "2026-10-01T10:00:00Z",
    total: 49,
    billing_address: { first_name: "Hans", last_name: "Meier", company: null, address_1: "Hauptstraße 5", city: "Berlin" },
    payment_collections: [
      {
        amount: 49,
        payment_sessions: [{ provider_id: "pp_prepayment_manual" }, { provider_id: "pp_invoice_manual" }],
        payments: [{ id: "pay_1", amount: 49, provider_id: "pp_invoice_manual", captures: [{ amount: 20, created_at: "2026-10-05T09:00:00Z" }] }],
      },
    ],
    ...fields,
  })

describe("toOrder", () => {
  it("should read the debtor, the amount, what was captured and what can still be captured", () => {
    const order = row()
    expect(order).toMatchObject({ currency_code: "eur", total: 49, debtor_type: "consumer", first_name: "Hans" })
    expect(order.captures).toEqual([{ date: "2026-10-05T09:00:00Z", amount: 20 }])
    expect(order.capturable).toEqual([{ payment_id: "pay_1", amount: 29 }])
    expect(order.billing_address).toMatchObject({ address_1: "Hauptstraße 5", postal_code: null })
  })

  it("should take the provider of the payment over the cart's other sessions", () => {
    expect(row().provider_ids).toEqual(["pp_invoice_manual"])
    const unpaid = row({ payment_collections: [{ payment_sessions: [{ provider_id: "pp_invoice_manual" }], payments: [] }] })
    expect(unpaid.provider_ids).toEqual(["pp_invoice_manual"])
  })

  it("should make a debtor with a company on the billing address a business, and a cancelled payment not capturable", () => {
    const order = row({
      billing_address: { first_name: "Eva", last_name: "Ess", company: " Ess GmbH " },
      payment_collections: [{ payments: [{ id: "pay_2", amount: 49, canceled_at: "2026-10-02T00:00:00Z", captures: [] }] }],
    })
    expect(order.debtor_type).toBe("business")
    expect(order.capturable).toEqual([])
  })
})

describe("stage keys and channels", () => {
  it("should read a stage back from its key and nothing from another order's", () => {
    expect(stageOfKey("order_1", dunningStageKey("order_1", 3))).toBe(3)
    expect(stageOfKey("order_1", dunningStageKey("order_10", 3))).toBeNull()
    expect(stageOfKey("order_1", null)).toBeNull()
  })

  it.each([
    ["email", { email: true, letter: false }, "channel:email"],
    ["letter", { email: false, letter: true }, "channel:letter"],
    ["both", { email: true, letter: true }, "channel:email channel:letter"],
  ])("should send a %s stage as %j", (channel, channels, note) => {
    expect(stageChannels(channel)).toEqual(channels)
    expect(stageNote(channel)).toBe(note)
  })
})
