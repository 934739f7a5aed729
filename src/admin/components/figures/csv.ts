import { escapeCsvCell } from "../../../engine/csv-cell"

/**
 * Client-side CSV of exactly the rows a table shows, for a spreadsheet: German merchants open CSV
 * in Excel, which expects `;` between cells and a decimal comma in a German setting; English
 * uses `,` and a decimal point. A byte order mark in front makes Excel read UTF-8 (umlauts, €).
 */
export type CsvColumn<T> = { header: string; value: (row: T) => string | number | null | undefined }

export const BOM = "\uFEFF"

export type CsvFormat = { separator: ";" | ","; decimal: "," | "." }

/** `;` and decimal comma for German (de, de-AT, …), `,` and point for every other language. */
export function csvFormatFor(language: string): CsvFormat {
  return /^de\b/i.test(language) ? { separator: ";", decimal: "," } : { separator: ",", decimal: "." }
}

/** One cell: numbers without thousands separators in the language's decimal mark; text guarded against formulas and quoted when needed. */
export function csvCell(value: string | number | null | undefined, format: CsvFormat): string {
  if (value === null || value === undefined) return ""
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return ""
    return String(value).replace(".", format.decimal)
  }
  const text = String(escapeCsvCell(value))
  return /[";,\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text
}

/** The whole file: BOM, header line, one line per row, CRLF line ends. */
export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[], language: string): string {
  const format = csvFormatFor(language)
  const line = (cells: Array<string | number | null | undefined>) => cells.map((cell) => csvCell(cell, format)).join(format.separator)
  return BOM + [line(columns.map((c) => c.header)), ...rows.map((row) => line(columns.map((c) => c.value(row))))].join("\r\n") + "\r\n"
}

/** Hands the text to the browser as a file download. */
export function downloadCsv(filename: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: "text/csv;charset=utf-8" }))
  const link = document.createElement("a")
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
