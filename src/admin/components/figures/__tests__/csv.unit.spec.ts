import { BOM, csvCell, csvFormatFor, toCsv } from "../csv"

type Row = { name: string; count: number; rate: number | null }
const columns = [
  { header: "Name", value: (r: Row) => r.name },
  { header: "Count", value: (r: Row) => r.count },
  { header: "Rate", value: (r: Row) => r.rate },
]

describe("the overview's CSV export", () => {
  it("should write German files with ; and a decimal comma, English with , and a point, both with a BOM", () => {
    const rows: Row[] = [{ name: "Rechnung", count: 1200, rate: 0.0714 }, { name: "Card", count: 3, rate: null }]
    expect(toCsv(rows, columns, "de")).toBe(`${BOM}Name;Count;Rate\r\nRechnung;1200;0,0714\r\nCard;3;\r\n`)
    expect(toCsv(rows, columns, "en")).toBe(`${BOM}Name,Count,Rate\r\nRechnung,1200,0.0714\r\nCard,3,\r\n`)
  })

  it("should quote text holding the separator, a quote or a line break", () => {
    const de = csvFormatFor("de-DE")
    expect(csvCell("a;b", de)).toBe('"a;b"')
    expect(csvCell('say "hi"', de)).toBe('"say ""hi"""')
    expect(csvCell("two\nlines", csvFormatFor("en"))).toBe('"two\nlines"')
    expect(csvCell("a,b", csvFormatFor("en"))).toBe('"a,b"')
  })

  it("should keep a rule name a spreadsheet would run as a formula as text, but not a negative number", () => {
    const en = csvFormatFor("en")
    expect(csvCell("=HYPERLINK(\"http://x\")", en)).toBe('"\'=HYPERLINK(""http://x"")"')
    expect(csvCell("-5 points", en)).toBe("'-5 points")
    expect(csvCell(-12.5, csvFormatFor("de"))).toBe("-12,5")
  })

  it("should write only the header when there are no rows", () => {
    expect(toCsv([], columns, "en")).toBe(`${BOM}Name,Count,Rate\r\n`)
  })
})
