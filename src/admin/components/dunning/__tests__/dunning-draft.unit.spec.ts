import { DEFAULT_DUNNING_SETTINGS } from "../../../../engine/dunning/default-stages"
import { fromDunningDraft, missingHalfYear, toDunningDraft, validateDunning } from "../dunning-draft"

describe("dunning draft", () => {
  describe("when the settings go through the form unchanged", () => {
    it("should give back the same settings (rates in the form's order, newest first)", () => {
      const back = fromDunningDraft(toDunningDraft(DEFAULT_DUNNING_SETTINGS))
      expect({ ...back, base_rates: [] }).toEqual({ ...DEFAULT_DUNNING_SETTINGS, base_rates: [] })
      expect([...back.base_rates].reverse()).toEqual(DEFAULT_DUNNING_SETTINGS.base_rates)
      expect(validateDunning(toDunningDraft(DEFAULT_DUNNING_SETTINGS))).toEqual({})
    })
  })

  describe("when the admin speaks German", () => {
    it("should show decimals with a comma and read them back", () => {
      const draft = toDunningDraft(DEFAULT_DUNNING_SETTINGS, "de")
      expect(draft.stages[1].fee).toBe("2,5")
      expect(draft.base_rates[0].rate).toBe("1,27")
      expect(fromDunningDraft(draft).stages).toEqual(DEFAULT_DUNNING_SETTINGS.stages)
      expect(validateDunning(draft)).toEqual({})
    })
  })

  describe("when numbers are typed the German way", () => {
    it("should read a decimal comma", () => {
      const draft = toDunningDraft(DEFAULT_DUNNING_SETTINGS)
      draft.stages[1].fee = "1,75"
      draft.base_rates[0].rate = "-0,88"
      const settings = fromDunningDraft(draft)
      expect(settings.stages[1].fee).toBe(1.75)
      expect(settings.base_rates[0].rate).toBe(-0.88)
      expect(validateDunning(draft)).toEqual({})
    })
  })

  describe("when fields are out of the server's limits", () => {
    it("should name each field by its API path with the allowed range", () => {
      const draft = toDunningDraft(DEFAULT_DUNNING_SETTINGS)
      draft.payment_term_days = "121"
      draft.consumer_points = "abc"
      draft.stages[0].wait_days = "1.5"
      draft.stages[0].deadline_days = "0"
      draft.stages[2].fee = "100,01"
      draft.stages[3].subject.en = "  "
      draft.stages[3].body.de = "x".repeat(5001)
      draft.base_rates[1].valid_from = "2025-02-30"
      draft.base_rates[2].valid_from = draft.base_rates[3].valid_from
      draft.base_rates[4].rate = "31"
      expect(validateDunning(draft)).toEqual({
        "dunning.payment_term_days": "integer:0:120",
        "dunning.consumer_points": "number:0:20",
        "dunning.stages.0.wait_days": "integer:0:90",
        "dunning.stages.0.deadline_days": "integer:1:90",
        "dunning.stages.2.fee": "number:0:100",
        "dunning.stages.3.subject.en": "subject",
        "dunning.stages.3.body.de": "body",
        "dunning.base_rates.1.valid_from": "day",
        "dunning.base_rates.3.valid_from": "duplicateDay",
        "dunning.base_rates.4.rate": "number:-10:30",
      })
    })

    it("should refuse no stages and more than six", () => {
      const draft = toDunningDraft(DEFAULT_DUNNING_SETTINGS)
      expect(validateDunning({ ...draft, stages: [] })["dunning.stages"]).toBe("stages")
      const seven = [...draft.stages, ...draft.stages].slice(0, 7)
      expect(validateDunning({ ...draft, stages: seven })["dunning.stages"]).toBe("stages")
      expect(validateDunning({ ...draft, stages: seven.slice(0, 6) })["dunning.stages"]).toBeUndefined()
    })
  })
})

describe("missing base rate warning", () => {
  const rates = [
    { valid_from: "2025-01-01", rate: "2,27" },
    { valid_from: "2025-07-01", rate: "1.27" },
  ]

  it("should stay quiet while the current half-year has its rate", () => {
    expect(missingHalfYear(rates, "2025-07-01")).toBeNull()
    expect(missingHalfYear(rates, "2025-12-31")).toBeNull()
  })

  it("should name the half-year from 1 January or 1 July when its rate is missing", () => {
    expect(missingHalfYear(rates, "2026-01-01")).toBe("2026-01-01")
    expect(missingHalfYear(rates, "2026-12-03")).toBe("2026-07-01")
  })

  it("should ignore rows the merchant has not finished typing", () => {
    expect(missingHalfYear([...rates, { valid_from: "", rate: "" }], "2026-03-01")).toBe("2026-01-01")
    expect(missingHalfYear([...rates, { valid_from: "2026-01-01", rate: "1,27" }], "2026-03-01")).toBeNull()
  })
})
