import { isoDate } from "../iso-date"

describe("isoDate", () => {
  const field = isoDate("occurred_at")

  it.each(["2030-01-31", "2030-01-31T12:00", "2030-01-31T12:00:00.000Z", "2030-01-31T12:00:00+01:00", "2028-02-29"])("takes %s", (value) => {
    const parsed = field.safeParse(value)
    expect(parsed.success).toBe(true)
    expect(parsed.success && parsed.data.getTime()).toBe(new Date(value).getTime())
  })

  it.each(["2030-02-31", "2029-02-29", "2030-04-31", "2030-13-01", "2030-01-31T24:00", "2030-01-31T12:60", "31.01.2030", "", "2030-1-31"])(
    "refuses %s with a message naming the field",
    (value) => {
      const parsed = field.safeParse(value)
      expect(parsed.success).toBe(false)
      expect(!parsed.success && parsed.error.issues[0].message).toContain("occurred_at")
    }
  )
})
