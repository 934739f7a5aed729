import { parse } from "csv-parse/sync"
import { COLLECTION_EXPORT_HEADERS, collectionExportCsv, CollectionExportRow, collectionStageLabel } from "../collection-export"
import { DEFAULT_DUNNING_STAGES } from "../../../engine/dunning/default-stages"

const row = (overrides: Partial<CollectionExportRow> = {}): CollectionExportRow => ({
  debtor_name: "Erika Müller",
  company: null,
  street: "Hauptstraße 5",
  postal_code: "80331",
  city: "München",
  country_code: "de",
  email: "erika@example.com",
  phone: "+49 89 123456",
  order_number: "1042",
  invoice_date: "2026-09-04",
  due_date: "2026-09-18",
  last_stage: "Letzte Mahnung",
  last_stage_at: "2026-11-20",
  principal: 1234.5,
  fees: 7.5,
  interest: 12.04,
  paid: 100,
  total_due: 1154.04,
  currency_code: "eur",
  ...overrides,
})

const read = (csv: string) => parse(csv.replace(/^\uFEFF/, ""), { delimiter: ";" }) as string[][]

describe("collection export CSV", () => {
  it("should start with a UTF-8 byte order mark and the German header row, semicolon-separated, CR LF", () => {
    const csv = collectionExportCsv([row()])
    expect(csv.startsWith("\uFEFFSchuldner;Firma;Straße;PLZ;Ort;Land;E-Mail;Telefon;Bestellung;Rechnungsdatum;Fälligkeit;Letzte Mahnstufe;Datum letzte Mahnung;Hauptforderung;Gebühren;Zinsen;Zahlungen;Offen;Währung\r\n")).toBe(true)
    expect(read(csv)[0]).toEqual([...COLLECTION_EXPORT_HEADERS])
  })

  it("should write amounts with a decimal comma, dates as TT.MM.JJJJ and codes in capitals", () => {
    const [, cells] = read(collectionExportCsv([row()]))
    expect(cells).toEqual([
      "Erika Müller", "", "Hauptstraße 5", "80331", "München", "DE", "erika@example.com", "'+49 89 123456", "1042",
      "04.09.2026", "18.09.2026", "Letzte Mahnung", "20.11.2026", "1234,50", "7,50", "12,04", "100,00", "1154,04", "EUR",
    ])
  })

  it("should quote a cell holding a semicolon, a quote or a line break, so columns never shift", () => {
    const [, cells] = read(collectionExportCsv([row({ company: 'A; "B" GmbH', street: "Weg 1\nHinterhaus" })]))
    expect(cells).toHaveLength(COLLECTION_EXPORT_HEADERS.length)
    expect(cells[1]).toBe('A; "B" GmbH')
    expect(cells[2]).toBe("Weg 1 Hinterhaus")
  })

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["  -2+3", "'-2+3"],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
  ])("should neutralise the formula %s in every text cell", (formula, expected) => {
    const [, cells] = read(collectionExportCsv([row({ debtor_name: formula, company: formula, city: formula, email: formula, order_number: formula, last_stage: formula })]))
    for (const index of [0, 1, 4, 6, 8, 11]) expect(cells[index]).toBe(expected)
  })

  it("should write only the header row for no receivables", () => {
    expect(read(collectionExportCsv([]))).toHaveLength(1)
  })

  it("should leave empty cells for a missing stage day, phone or company", () => {
    const [, cells] = read(collectionExportCsv([row({ last_stage: null, last_stage_at: null, phone: null })]))
    expect([cells[7], cells[11], cells[12]]).toEqual(["", "", ""])
  })
})

describe("collection stage label", () => {
  it.each([
    [null, null],
    [0, "Zahlungserinnerung"],
    [1, "1. Mahnung"],
    [2, "2. Mahnung"],
    [3, "Letzte Mahnung"],
    [7, "Stufe 8"],
  ])("should name stage %p %p", (index, label) => {
    expect(collectionStageLabel(DEFAULT_DUNNING_STAGES, index)).toBe(label)
  })
})
