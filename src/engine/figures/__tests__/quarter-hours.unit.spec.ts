import { QUARTER_HOUR_MS, quarterHoursFitDays, splitIntoQuarterHours, utcOffsetMs } from "../index"

const at = (iso: string) => new Date(iso)
const span = (from: string, to: string) => ({ from: at(from), to: at(to) })
const iso = (s: { from: Date; to: Date } | null) => (s ? [s.from.toISOString(), s.to.toISOString()] : null)

describe("splitIntoQuarterHours", () => {
  it.each([
    // whole days: all of it from the rollup
    ["2030-01-01T00:00:00.000Z", "2030-01-02T00:00:00.000Z", ["2030-01-01T00:00:00.000Z", "2030-01-02T00:00:00.000Z"], []],
    // odd instants: the minutes before the first and after the last quarter hour are read row by row
    [
      "2030-01-01T10:07:30.500Z",
      "2030-01-01T12:44:59.999Z",
      ["2030-01-01T10:15:00.000Z", "2030-01-01T12:30:00.000Z"],
      [["2030-01-01T10:07:30.500Z", "2030-01-01T10:15:00.000Z"], ["2030-01-01T12:30:00.000Z", "2030-01-01T12:44:59.999Z"]],
    ],
    // inside one quarter hour: no rollup at all
    ["2030-01-01T10:01:00.000Z", "2030-01-01T10:14:00.000Z", null, [["2030-01-01T10:01:00.000Z", "2030-01-01T10:14:00.000Z"]]],
    // across one boundary without a whole quarter hour
    ["2030-01-01T10:10:00.000Z", "2030-01-01T10:20:00.000Z", null, [["2030-01-01T10:10:00.000Z", "2030-01-01T10:20:00.000Z"]]],
    // exactly one quarter hour
    ["2030-01-01T10:15:00.000Z", "2030-01-01T10:30:00.000Z", ["2030-01-01T10:15:00.000Z", "2030-01-01T10:30:00.000Z"], []],
    // empty period
    ["2030-01-01T10:15:00.000Z", "2030-01-01T10:15:00.000Z", null, []],
  ])("%s – %s", (from, to, inner, edges) => {
    const split = splitIntoQuarterHours(span(from, to))
    expect(iso(split.inner)).toEqual(inner)
    expect(split.edges.map(iso)).toEqual(edges)
  })

  it("covers every instant of the period exactly once", () => {
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 200; i++) {
      const from = Date.UTC(2030, 0, 1) + Math.floor(random() * 3 * QUARTER_HOUR_MS * 10)
      const to = from + Math.floor(random() * QUARTER_HOUR_MS * 8)
      const split = splitIntoQuarterHours({ from: new Date(from), to: new Date(to) })
      const parts = [...(split.inner ? [split.inner] : []), ...split.edges].map((s) => [s.from.getTime(), s.to.getTime()]).sort((a, b) => a[0] - b[0])
      const total = parts.reduce((sum, [a, b]) => sum + (b - a), 0)
      expect(total).toBe(to - from)
      for (let k = 1; k < parts.length; k++) expect(parts[k][0]).toBe(parts[k - 1][1])
      if (split.inner) {
        expect(split.inner.from.getTime() % QUARTER_HOUR_MS).toBe(0)
        expect(split.inner.to.getTime() % QUARTER_HOUR_MS).toBe(0)
      }
    }
  })
})

describe("quarterHoursFitDays", () => {
  it.each([
    ["UTC", true],
    ["Europe/Berlin", true], // +1 / +2 across both clock changes of the year
    ["Asia/Kolkata", true], // +5:30
    ["Asia/Kathmandu", true], // +5:45
    ["Australia/Lord_Howe", true], // +10:30 / +11 (a half-hour clock change)
  ])("%s over a year of today's rules", (zone, fits) => {
    expect(quarterHoursFitDays(span("2030-01-01T00:00:00Z", "2031-01-01T00:00:00Z"), zone)).toBe(fits)
  })

  it("is false where a clock change fell inside a quarter hour (St. John's changed at 00:01 local time until 2011)", () => {
    // 7 November 2010, 00:01 NDT (−2:30) = 02:31 UTC, back to 23:01 NST (−3:30)
    expect(quarterHoursFitDays(span("2010-11-01T00:00:00Z", "2010-11-15T00:00:00Z"), "America/St_Johns")).toBe(false)
    // since 2011 it changes at 02:00 local time
    expect(quarterHoursFitDays(span("2030-01-01T00:00:00Z", "2031-01-01T00:00:00Z"), "America/St_Johns")).toBe(true)
    // a period without the change, in 2010
    expect(quarterHoursFitDays(span("2010-11-08T00:00:00Z", "2010-11-15T00:00:00Z"), "America/St_Johns")).toBe(true)
  })

  it("is false where a zone was not a whole number of quarter hours from UTC (Liberia until 1972, −0:44:30)", () => {
    expect(utcOffsetMs(at("1970-06-01T00:00:00Z"), "Africa/Monrovia")).toBe(-(44 * 60 + 30) * 1000)
    expect(quarterHoursFitDays(span("1970-01-01T00:00:00Z", "1970-03-01T00:00:00Z"), "Africa/Monrovia")).toBe(false)
    expect(quarterHoursFitDays(span("2030-01-01T00:00:00Z", "2030-03-01T00:00:00Z"), "Africa/Monrovia")).toBe(true)
  })
})
