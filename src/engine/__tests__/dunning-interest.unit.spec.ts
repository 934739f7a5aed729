import { computeReceivable, DEFAULT_DUNNING_SETTINGS, DunningSettings, stageDue } from "../dunning"

const settings = (over: Partial<DunningSettings> = {}): DunningSettings => ({ ...DEFAULT_DUNNING_SETTINGS, enabled: true, ...over })
const consumer = { debtor_type: "consumer" as const, sent_stages: [], payments: [], fees: [], hold: "active" as const }

describe("default interest (§288 BGB)", () => {
  it("should give the seed's Infobox 5-9 example to the cent: 1,000 EUR, consumer, 21 days at 3.19 % + 5 → 4.71 EUR", () => {
    // invoice received 08.09.2007; the 30-day period ended 09.10.2007 (payment term 31 days from the
    // invoice date), paid 30.10.2007: 10.10.–30.10. are 21 days of default
    const receivable = computeReceivable(
      { ...consumer, principal: 1000, invoice_date: "2007-09-08", payments: [{ date: "2007-10-30", amount: 1004.71 }], as_of: "2007-10-30" },
      settings({ payment_term_days: 31 })
    )
    expect(receivable.due_date).toBe("2007-10-09")
    expect(receivable.default_from).toBe("2007-10-10")
    expect(receivable.interest_periods).toEqual([
      { from: "2007-10-10", to: "2007-10-30", days: 21, rate: 8.19, principal: 1000, interest: 4.71 },
    ])
    expect(receivable.interest).toBe(4.71)
    expect(receivable.total_due).toBe(0)
    expect(receivable.status).toBe("paid")
  })

  it("should split the interest where the base rate changes on 1 January and 1 July", () => {
    const receivable = computeReceivable(
      { ...consumer, principal: 1000, invoice_date: "2024-12-01", as_of: "2025-07-10" },
      settings({ payment_term_days: 14 })
    )
    expect(receivable.interest_periods.map(({ from, to, days, rate }) => ({ from, to, days, rate }))).toEqual([
      { from: "2024-12-16", to: "2024-12-31", days: 16, rate: 8.37 },
      { from: "2025-01-01", to: "2025-06-30", days: 181, rate: 7.27 },
      { from: "2025-07-01", to: "2025-07-10", days: 10, rate: 6.27 },
    ])
    // 1000 × (8.37×16 + 7.27×181 + 6.27×10) / 36500
    expect(receivable.interest).toBe(Math.round(((8.37 * 16 + 7.27 * 181 + 6.27 * 10) / 36.5) * 100) / 100)
  })

  it("should count 29 February as a day of default and still divide by 365", () => {
    const receivable = computeReceivable(
      { ...consumer, principal: 365, invoice_date: "2024-02-13", as_of: "2024-03-01" },
      settings({ payment_term_days: 14, base_rates: [{ valid_from: "2024-01-01", rate: 5 }] })
    )
    // default from 28.02.: 28.02., 29.02., 01.03. = 3 days at 10 % on 365 EUR = 0.30
    expect(receivable.interest_periods).toEqual([{ from: "2024-02-28", to: "2024-03-01", days: 3, rate: 10, principal: 365, interest: 0.3 }])
  })

  it("should credit a partial payment to costs, then interest, then principal, and stop interest only on what it paid", () => {
    const base = settings({ payment_term_days: 0, base_rates: [{ valid_from: "2020-01-01", rate: 0 }], consumer_points: 10 })
    // fee 10 on day 1; default from 2021-01-02; payment of 510 on 2021-03-02 (60 days: 1000×10%×60/365 = 16.44)
    const receivable = computeReceivable(
      {
        ...consumer,
        principal: 1000,
        invoice_date: "2021-01-01",
        fees: [{ date: "2021-01-01", amount: 10 }],
        payments: [{ date: "2021-03-02", amount: 510 }],
        as_of: "2021-05-01",
      },
      base
    )
    // 510 → fee 10, interest 16.44, principal 483.56 → 516.44 left from 03.03.; 60 days more to 01.05.
    expect(receivable.interest_periods.map(({ from, to, days, principal }) => ({ from, to, days, principal }))).toEqual([
      { from: "2021-01-02", to: "2021-03-02", days: 60, principal: 1000 },
      { from: "2021-03-03", to: "2021-05-01", days: 60, principal: 516.44 },
    ])
    const later = (516.44 * 10 * 60) / 36500
    expect(receivable.interest).toBe(Math.round((16.438356 + later) * 100) / 100)
    expect(receivable.total_due).toBe(Math.round((516.44 + later) * 100) / 100)
    expect(receivable.paid).toBe(510)
    expect(receivable.fees).toBe(10)
  })

  it("should charge a business 9 points and the 40 EUR flat fee once in default", () => {
    const receivable = computeReceivable(
      { ...consumer, debtor_type: "business", principal: 1000, invoice_date: "2025-01-01", as_of: "2025-01-25" },
      settings({ payment_term_days: 14 })
    )
    expect(receivable.interest_periods[0]).toMatchObject({ from: "2025-01-16", rate: 11.27, days: 10 })
    expect(receivable.fees).toBe(40)
    expect(receivable.total_due).toBe(Math.round((1000 + 40 + (1000 * 11.27 * 10) / 36500) * 100) / 100)
  })

  it("should not charge interest before default, and start default after the first dunning letter when set so", () => {
    const s = settings({ default_from: "first_dunning", payment_term_days: 14 })
    const input = { ...consumer, principal: 100, invoice_date: "2025-01-01", as_of: "2025-03-01" }
    expect(computeReceivable({ ...input, sent_stages: [{ stage: 0, sent_at: "2025-01-18" }] }, s)).toMatchObject({ default_from: null, interest: 0 })
    const dunned = computeReceivable(
      { ...input, sent_stages: [{ stage: 0, sent_at: "2025-01-18" }, { stage: 1, sent_at: "2025-02-04" }] },
      s
    )
    expect(dunned.default_from).toBe("2025-02-05")
    expect(dunned.fees).toBe(2.5)
  })

  it("should start default 30 days after the invoice when set so (§286 III BGB)", () => {
    const receivable = computeReceivable(
      { ...consumer, principal: 100, invoice_date: "2025-01-01", as_of: "2025-03-01" },
      settings({ default_from: "30_days_after_invoice" })
    )
    expect(receivable.default_from).toBe("2025-02-01")
  })

  it("should stop the interest of a written-off claim on the day it was written off", () => {
    const base = settings({ payment_term_days: 0, base_rates: [{ valid_from: "2020-01-01", rate: 0 }], consumer_points: 10 })
    const claim = { ...consumer, principal: 365, invoice_date: "2021-01-01", as_of: "2021-03-01" }
    // default from 2021-01-02; written off on 2021-01-11: 10 days at 10 % on 365 = 1.00, not 59 days
    const written = computeReceivable({ ...claim, hold: "written_off", written_off_on: "2021-01-11" }, base)
    expect(written.interest_periods.map(({ from, to, days }) => ({ from, to, days }))).toEqual([{ from: "2021-01-02", to: "2021-01-11", days: 10 }])
    expect(written.interest).toBe(1)
    expect(written.status).toBe("written_off")
    // as of a day before the write-off, the same as a running claim
    expect(computeReceivable({ ...claim, hold: "written_off", written_off_on: "2021-01-11", as_of: "2021-01-06" }, base).interest).toBe(0.5)
    // a claim handed over keeps accruing (the collection agency claims it)
    expect(computeReceivable({ ...claim, hold: "handed_over" }, base).interest).toBe(5.9)
  })

  it("should report a half-year without a base rate", () => {
    const input = { ...consumer, principal: 100, invoice_date: "2026-06-01", as_of: "2026-08-01" }
    expect(computeReceivable(input, settings()).missing_base_rate).toBe(true)
    const complete = settings({ base_rates: [...DEFAULT_DUNNING_SETTINGS.base_rates, { valid_from: "2026-01-01", rate: 1 }, { valid_from: "2026-07-01", rate: 1 }] })
    expect(computeReceivable(input, complete).missing_base_rate).toBe(false)
  })
})

describe("dunning stages", () => {
  const input = { ...consumer, principal: 100, invoice_date: "2025-01-01" }

  it("should be open before the due date and overdue after it, with the reminder due 3 days after the due date", () => {
    expect(computeReceivable({ ...input, as_of: "2025-01-10" }, settings())).toMatchObject({ status: "open", next_stage_at: "2025-01-18" })
    const overdue = computeReceivable({ ...input, as_of: "2025-01-17" }, settings())
    expect(overdue.status).toBe("overdue")
    expect(stageDue(overdue, "2025-01-17")).toBeNull()
    expect(stageDue(overdue, "2025-01-18")).toBe(0)
  })

  it("should time each next stage from the previous letter's deadline and add its fee", () => {
    const receivable = computeReceivable({ ...input, sent_stages: [{ stage: 0, sent_at: "2025-01-18" }, { stage: 1, sent_at: "2025-02-04" }], as_of: "2025-02-10" }, settings())
    expect(receivable).toMatchObject({ status: "in_dunning", stage: 1, next_stage_at: "2025-02-21", fees: 2.5 })
    expect(stageDue(receivable, "2025-02-21")).toBe(2)
  })

  it("should be due for collection after the last stage's deadline, and stop when paused, paid or disabled", () => {
    const all = [0, 1, 2, 3].map((stage, i) => ({ stage, sent_at: `2025-0${i + 2}-01` }))
    const last = computeReceivable({ ...input, sent_stages: all, as_of: "2025-05-20" }, settings())
    expect(last).toMatchObject({ next_stage_at: null, collection_due: true, fees: 7.5 })
    expect(computeReceivable({ ...input, sent_stages: all, as_of: "2025-05-05" }, settings()).collection_due).toBe(false)
    expect(computeReceivable({ ...input, hold: "paused", as_of: "2025-02-01" }, settings())).toMatchObject({ status: "paused", next_stage_at: null })
    expect(computeReceivable({ ...input, as_of: "2025-02-01" }, settings({ enabled: false })).next_stage_at).toBeNull()
    const paid = computeReceivable({ ...input, payments: [{ date: "2025-01-10", amount: 100 }], as_of: "2025-02-01" }, settings())
    expect(paid).toMatchObject({ status: "paid", next_stage_at: null, total_due: 0 })
  })
})
