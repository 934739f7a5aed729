import { computeReceivable, DEFAULT_DUNNING_SETTINGS } from "../../../engine"
import { netPayments, OutcomeRecord, receivableInput, sentStages } from "../build-input"

const outcome = (kind: OutcomeRecord["kind"], date: string, fields: Partial<OutcomeRecord> = {}): OutcomeRecord => ({
  id: `prout_${kind}_${date}`,
  kind,
  occurred_at: `${date}T10:00:00Z`,
  ...fields,
})

describe("netPayments", () => {
  it("should credit captures and recorded payments by their day", () => {
    expect(netPayments([outcome("payment_received", "2026-03-05", { amount: 20 })], [{ date: "2026-03-01T08:00:00Z", amount: 10 }])).toEqual([
      { date: "2026-03-01", amount: 10 },
      { date: "2026-03-05", amount: 20 },
    ])
  })

  it("should take back what a returned debit names, latest payment first", () => {
    const payments = netPayments(
      [outcome("payment_received", "2026-03-02", { amount: 30 }), outcome("return_debit", "2026-03-10", { amount: 40 })],
      [{ date: "2026-03-01", amount: 19 }]
    )
    expect(payments).toEqual([{ date: "2026-03-01", amount: 9 }])
  })

  it("should take back everything paid before a chargeback without an amount, but not what came after", () => {
    const payments = netPayments(
      [outcome("chargeback", "2026-03-10"), outcome("payment_received", "2026-03-20", { amount: 5 })],
      [{ date: "2026-03-01", amount: 49 }]
    )
    expect(payments).toEqual([{ date: "2026-03-20", amount: 5 }])
  })

  it("should count a chargeback won back as money received again", () => {
    const payments = netPayments(
      [outcome("chargeback", "2026-03-10", { amount: 49 }), outcome("chargeback_reversed", "2026-04-01", { amount: 49 })],
      [{ date: "2026-03-01", amount: 49 }]
    )
    expect(payments).toEqual([{ date: "2026-04-01", amount: 49 }])
  })
})

describe("sentStages", () => {
  it("should read each stage once from its key, in stage order, ignoring other orders' and malformed keys", () => {
    const stages = sentStages("order_1", [
      outcome("dunning_stage", "2026-04-01", { external_id: "dunning:order_1:1" }),
      outcome("dunning_stage", "2026-03-01", { external_id: "dunning:order_1:0" }),
      outcome("dunning_stage", "2026-03-02", { external_id: "dunning:order_1:0" }),
      outcome("dunning_stage", "2026-03-02", { external_id: "dunning:order_2:2" }),
      outcome("dunning_stage", "2026-03-02", { external_id: "dunning:order_1:x" }),
      outcome("payment_received", "2026-03-02", { external_id: "dunning:order_1:3" }),
    ])
    expect(stages).toEqual([
      { stage: 0, sent_at: "2026-03-01" },
      { stage: 1, sent_at: "2026-04-01" },
    ])
  })
})

describe("receivableInput", () => {
  const row = { order_id: "order_1", debtor_type: "consumer" as const, principal: 1000, invoice_date: new Date("2007-09-25T10:00:00Z"), hold: "active" as const }

  it("should come to the seed's 4.71 EUR for 1,000.00 EUR paid 21 days late (Infobox example)", () => {
    const input = receivableInput(row, [outcome("payment_received", "2007-10-30", { amount: 1004.71 })], [], "2007-10-30")
    const claim = computeReceivable(input, { ...DEFAULT_DUNNING_SETTINGS, enabled: true })
    expect(claim).toMatchObject({ interest: 4.71, total_due: 0, status: "paid", default_from: "2007-10-10" })
    expect(claim.interest_periods).toEqual([expect.objectContaining({ from: "2007-10-10", to: "2007-10-30", days: 21, rate: 8.19 })])
  })

  it("should add return-debit and chargeback fees to the claim and use the invoice date it is given", () => {
    const input = receivableInput(
      row,
      [outcome("return_debit", "2007-10-01", { amount: 0, fee: 3.5 }), outcome("cod_refused", "2007-10-01", { fee: 9 })],
      [],
      "2007-10-02",
      "2007-09-30T00:00:00Z"
    )
    expect(input.fees).toEqual([{ date: "2007-10-01", amount: 3.5 }])
    expect(input.invoice_date).toBe("2007-09-30")
  })

  it("should date a written-off claim's end by its write-off outcome, and only while it is written off", () => {
    const outcomes = [outcome("written_off", "2007-11-15"), outcome("dunning_stage", "2007-10-20")]
    expect(receivableInput({ ...row, hold: "written_off" }, outcomes, [], "2008-01-01").written_off_on).toBe("2007-11-15")
    expect(receivableInput(row, outcomes, [], "2008-01-01").written_off_on).toBeNull()
  })
})
