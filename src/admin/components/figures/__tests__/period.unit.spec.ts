import { dayOf, periodRange } from "../period"

describe("the overview's period", () => {
  const now = new Date(2026, 11, 4, 15, 30)

  it("should end a preset at the end of today and start it the given number of days before", () => {
    const range = periodRange({ preset: 7 }, now)!
    expect(new Date(range.to).getTime()).toBe(new Date(2026, 11, 5).getTime())
    expect(new Date(range.from).getTime()).toBe(new Date(2026, 10, 28).getTime())
    expect(dayOf(new Date(range.from))).toBe("2026-11-28")
  })

  it("should include both chosen days of a custom period", () => {
    const range = periodRange({ preset: "custom", from: "2026-11-01", to: "2026-11-30" }, now)!
    expect(new Date(range.from).getTime()).toBe(new Date(2026, 10, 1).getTime())
    expect(new Date(range.to).getTime()).toBe(new Date(2026, 11, 1).getTime())
  })

  it("should give no period while a custom day is missing or the end is before the start", () => {
    expect(periodRange({ preset: "custom", from: "2026-11-01", to: "" }, now)).toBeNull()
    expect(periodRange({ preset: "custom", from: "2026-11-02", to: "2026-11-01" }, now)).toBeNull()
    expect(periodRange({ preset: "custom", from: "2026-11-01", to: "2026-11-01" }, now)).not.toBeNull()
  })
})
