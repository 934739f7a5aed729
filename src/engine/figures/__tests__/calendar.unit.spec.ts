import { canonicalTimeZone, dayIn, isTimeZone, nextDay, parseIsoInstant } from "../calendar"
import { dailySeries } from "../daily"

describe("parseIsoInstant", () => {
  it.each([
    ["2030-02-31", "a 31 February"],
    ["2030-04-31", "a 31 April"],
    ["2031-02-29", "a 29 February outside a leap year"],
    ["2030-13-01", "a thirteenth month"],
    ["2030-00-10", "a month 0"],
    ["2030-01-00", "a day 0"],
    ["2030-01-31T24:00:00Z", "hour 24"],
    ["2030-01-31T12:60", "minute 60"],
    ["2030-01-31T12:00:61Z", "second 61"],
    ["31.01.2030", "a German date"],
    ["gestern", "a word"],
    ["", "nothing"],
  ])("should refuse %s (%s)", (text) => {
    expect(parseIsoInstant(text)).toBeNull()
  })

  it.each([
    ["2028-02-29", "UTC", "2028-02-29T00:00:00.000Z"],
    ["2030-01-31", "UTC", "2030-01-31T00:00:00.000Z"],
    ["2030-01-31T12:30", "UTC", "2030-01-31T12:30:00.000Z"],
    ["2030-01-31T12:30:15.250+01:00", "UTC", "2030-01-31T11:30:15.250Z"],
    ["2030-01-31T12:30:15+0100", "Europe/Berlin", "2030-01-31T11:30:15.000Z"],
    ["2030-01-31T12:30:15Z", "Europe/Berlin", "2030-01-31T12:30:15.000Z"],
    // a date or a time without an offset is read in the time zone: winter and summer time
    ["2030-01-31", "Europe/Berlin", "2030-01-30T23:00:00.000Z"],
    ["2026-06-02", "Europe/Berlin", "2026-06-01T22:00:00.000Z"],
    ["2026-06-02T08:00", "America/New_York", "2026-06-02T12:00:00.000Z"],
    // the day Berlin's clocks go forward (02:00 → 03:00) starts at midnight CET
    ["2026-03-29", "Europe/Berlin", "2026-03-28T23:00:00.000Z"],
    ["2026-03-30", "Europe/Berlin", "2026-03-29T22:00:00.000Z"],
  ])("should read %s in %s as %s", (text, zone, iso) => {
    expect(parseIsoInstant(text, zone)?.toISOString()).toBe(iso)
  })
})

describe("time zones and days", () => {
  it("should know IANA names and refuse others", () => {
    expect([isTimeZone("UTC"), isTimeZone("Europe/Berlin"), isTimeZone("Europe/Atlantis"), isTimeZone("")]).toEqual([true, true, false, false])
    expect([canonicalTimeZone("europe/berlin"), canonicalTimeZone("UTC"), canonicalTimeZone("Berlin")]).toEqual(["Europe/Berlin", "UTC", null])
  })

  it("should give the calendar day of an instant in a time zone", () => {
    const late = new Date("2026-06-02T23:30:00Z")
    expect([dayIn(late), dayIn(late, "Europe/Berlin"), dayIn(late, "America/New_York")]).toEqual(["2026-06-02", "2026-06-03", "2026-06-02"])
    expect([nextDay("2028-02-28"), nextDay("2026-12-31")]).toEqual(["2028-02-29", "2027-01-01"])
  })

  it("should give the merchant's days in the daily series, across a change of the clocks", () => {
    const zone = "Europe/Berlin"
    const period = { from: parseIsoInstant("2026-03-28", zone) as Date, to: parseIsoInstant("2026-03-31", zone) as Date }
    const series = dailySeries(period, [{ date: "2026-03-29", evaluated: 2 }, { date: "2026-03-31", evaluated: 9 }], zone)
    expect(series.map((day) => [day.date, day.evaluated])).toEqual([
      ["2026-03-28", 0],
      ["2026-03-29", 2],
      ["2026-03-30", 0],
    ])
    // the same instants in UTC touch four days
    expect(dailySeries(period, []).map((day) => day.date)).toEqual(["2026-03-27", "2026-03-28", "2026-03-29", "2026-03-30"])
  })
})
