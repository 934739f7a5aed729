import { escapeCsvCell, neutraliseFormula, startsLikeFormula, unescapeCsvCell } from "../csv-cell"

describe("escapeCsvCell", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ["+49301234567", "'+49301234567"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["  =1+1", "'  =1+1"],
    ["\n@x", "'\n@x"],
    // already quoted in front of a formula: one more quote, so the import restores it exactly
    ["'=x", "''=x"],
  ])("should put a quote in front of %j", (value, escaped) => {
    expect(escapeCsvCell(value)).toBe(escaped)
    expect(unescapeCsvCell(escaped)).toBe(value)
  })

  it.each(["Meier", "Hauptstraße 5", "10115", "betrug@example.de", "a-b", "it's", "'quoted", "", "DE …3000"])(
    "should leave %j as it is",
    (value) => {
      expect(escapeCsvCell(value)).toBe(value)
      expect(unescapeCsvCell(value)).toBe(value)
    }
  )

  it("should leave values that are not text as they are", () => {
    expect(escapeCsvCell(null)).toBeNull()
    expect(escapeCsvCell(undefined)).toBeUndefined()
    expect(escapeCsvCell(42)).toBe(42)
  })
})

describe("neutraliseFormula", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', 'HYPERLINK("http://x","y")'],
    ["=x", "x"],
    ["+-=@ Meier", "Meier"],
    ["\t=cmd", "cmd"],
    ["Meier", "Meier"],
    ["Müller-Lüdenscheidt", "Müller-Lüdenscheidt"],
    ["=", ""],
  ])("should turn %j into %j", (value, neutral) => {
    expect(neutraliseFormula(value)).toBe(neutral)
    expect(startsLikeFormula(neutral)).toBe(false)
  })

  it("should keep null and undefined", () => {
    expect(neutraliseFormula(null)).toBeNull()
    expect(neutraliseFormula(undefined)).toBeUndefined()
  })
})
