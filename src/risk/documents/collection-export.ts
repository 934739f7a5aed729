/**
 * Hand-over to a collection agency (Inkasso, issue 16): `collectionExportCsv(rows)` → the CSV text
 * a German agency imports: UTF-8 with a byte order mark (Excel then reads umlauts right),
 * semicolons between cells, CR LF line ends, amounts with a decimal comma and no grouping
 * (`1234,56`), dates `TT.MM.JJJJ`, one header row in German:
 *
 * Schuldner; Firma; Straße; PLZ; Ort; Land; E-Mail; Telefon; Bestellung; Rechnungsdatum; Fälligkeit;
 * Letzte Mahnstufe; Datum letzte Mahnung; Hauptforderung; Gebühren; Zinsen; Zahlungen; Offen; Währung
 *
 * Input: one `CollectionExportRow` per receivable handed over — the debtor (name, company,
 * street with house number, postal code, city, ISO country code, email, phone) from the order's
 * billing address, the order's display number, invoice and due day (`YYYY-MM-DD`), the last
 * stage sent (a label such as `2. Mahnung`; `collectionStageLabel(stages, index)` makes one from
 * the settings) and its day, and the amounts of `computeReceivable(…)` (principal, fees,
 * interest, paid, total_due; major units). Every cell goes through the CSV-injection guard
 * (`engine/csv-cell.ts`): a name like `=HYPERLINK(…)` is exported as `'=HYPERLINK(…)` and stays
 * text in a spreadsheet.
 */
import { stringify } from "csv-stringify/sync"
import { escapeCsvCell } from "../../engine/csv-cell"
import type { DunningStage } from "../../engine/dunning/stages"
import { formatDate, formatNumber } from "./format"

export type CollectionExportRow = {
  debtor_name: string
  company?: string | null
  /** street and house number (address_1, address_2 joined) */
  street: string
  postal_code: string
  city: string
  /** ISO 3166 alpha-2, e.g. `DE` */
  country_code: string
  email: string | null
  phone?: string | null
  order_number: string
  invoice_date: string
  due_date: string
  last_stage: string | null
  last_stage_at: string | null
  principal: number
  fees: number
  interest: number
  paid: number
  total_due: number
  currency_code: string
}

export const COLLECTION_EXPORT_HEADERS = [
  "Schuldner",
  "Firma",
  "Straße",
  "PLZ",
  "Ort",
  "Land",
  "E-Mail",
  "Telefon",
  "Bestellung",
  "Rechnungsdatum",
  "Fälligkeit",
  "Letzte Mahnstufe",
  "Datum letzte Mahnung",
  "Hauptforderung",
  "Gebühren",
  "Zinsen",
  "Zahlungen",
  "Offen",
  "Währung",
] as const

const amount = (value: number) => formatNumber(value, "de", false)
const day = (value: string | null | undefined) => (value ? formatDate(value, "de") : "")
const text = (value: string | null | undefined) => (value ?? "").replace(/\s+/g, " ").trim()

function cells(row: CollectionExportRow): string[] {
  return [
    text(row.debtor_name),
    text(row.company),
    text(row.street),
    text(row.postal_code),
    text(row.city),
    text(row.country_code).toUpperCase(),
    text(row.email),
    text(row.phone),
    text(row.order_number),
    day(row.invoice_date),
    day(row.due_date),
    text(row.last_stage),
    day(row.last_stage_at),
    amount(row.principal),
    amount(row.fees),
    amount(row.interest),
    amount(row.paid),
    amount(row.total_due),
    text(row.currency_code).toUpperCase(),
  ].map((cell) => String(escapeCsvCell(cell)))
}

export function collectionExportCsv(rows: CollectionExportRow[]): string {
  return stringify([[...COLLECTION_EXPORT_HEADERS], ...rows.map(cells)], {
    delimiter: ";",
    bom: true,
    record_delimiter: "windows",
    quoted_match: /^\s|\s$/,
  })
}

/**
 * A stage as the agency reads it: `Zahlungserinnerung`, `1. Mahnung`, `2. Mahnung`,
 * `Letzte Mahnung` (dunning letters counted in order); null before the first stage.
 */
export function collectionStageLabel(stages: Pick<DunningStage, "kind">[], index: number | null): string | null {
  if (index === null || index < 0) return null
  const stage = stages[index]
  if (!stage) return `Stufe ${index + 1}`
  if (stage.kind === "reminder") return "Zahlungserinnerung"
  if (stage.kind === "final_notice") return "Letzte Mahnung"
  const number = stages.slice(0, index + 1).filter((each) => each.kind === "dunning").length
  return `${number}. Mahnung`
}
