import { FuzzCase } from "./fuzz-types"
import { garbageBytes, Random, UNICODE_EDGE } from "./fuzz-values"

const HEADER = "kind,first_name,last_name,company,address_1,address_2,postal_code,city,country_code,value,reason,source,expires_at,note"
const ROUTE = "POST /admin/payment-risk/negative-list/import"
const URL = "/admin/payment-risk/negative-list/import"

/** A person row with one cell replaced (columns as in HEADER). */
function personRow(overrides: Partial<Record<"first_name" | "last_name" | "city" | "note" | "reason", string>>) {
  const cells = { first_name: "Hans", last_name: "Meier", city: "Berlin", reason: "Fuzz", note: "", ...overrides }
  const quote = (value: string) => `"${value.replace(/"/g, '""')}"`
  return `person,${quote(cells.first_name)},${quote(cells.last_name)},,Hauptstraße 5,,10115,${quote(cells.city)},de,,${quote(cells.reason)},,,${quote(cells.note)}`
}

/** UTF-16LE with BOM: what spreadsheet tools write as "Unicode text". */
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")])

/**
 * Bad CSV files for the import route. A file that is not a readable negative-list CSV (no or
 * wrong header, garbage, broken quoting, wrong encoding) must answer 4xx and import nothing;
 * a well-formed file whose every row is bad answers 200 with a row report that names each
 * row's field (the route's documented contract) and imports nothing either.
 */
export function csvCases(headers: Record<string, string>, random: Random): FuzzCase[] {
  const csv = { ...headers, "content-type": "text/csv" }
  const file = (label: string, body: string | Buffer, expect: FuzzCase["expect"] = "4xx", extra: Partial<FuzzCase> = {}): FuzzCase => ({
    route: ROUTE,
    method: "POST",
    url: URL,
    headers: csv,
    label: `csv: ${label}`,
    body,
    expect,
    ...extra,
  })
  const report = (label: string, rows: string[], field: string) => file(label, [HEADER, ...rows].join("\n"), "report", { rows: rows.length, field })
  const row = personRow({})
  return [
    file("empty file", ""),
    file("only blank lines", "\n\n  \n"),
    file("no header", [row, row].join("\n")),
    file("wrong columns", "name,email\nHans,hans@example.com"),
    file("header without reason", "kind,value\nemail,a@example.com"),
    file("duplicate header names", "kind,kind,reason\nemail,email,x"),
    file("binary garbage", garbageBytes(random, 4096)),
    file("gzip magic then garbage", Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), garbageBytes(random, 512)])),
    file("huge header line (1 MB)", `${HEADER},${"x".repeat(1024 * 1024)}\n${row}`),
    file("unterminated quote in header", `kind,"first_name,reason\n${row}`),
    // UTF-16 with its BOM is read correctly by the parser (a valid file); without the BOM it is garbage
    file("utf-16 without BOM", utf16(`${HEADER}\n${row}`).subarray(2)),
    file("BOM then wrong columns", `\uFEFFname,email\nHans,hans@example.com`),
    file("NUL bytes in header", `kind\u0000,reason\nemail,x`),
    file("wrong content type (json)", JSON.stringify({ csv: HEADER }), "4xx"),
    // a valid file under a content type a foreign page can send without a CORS preflight (or any
    // other than text/csv): refused before it is read, nothing imported
    ...["text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=fuzz", "application/octet-stream"].map((type) =>
      file(`valid file sent as ${type}`, [HEADER, row].join("\n"), "4xx", { headers: { ...headers, "content-type": type } })
    ),
    // well-formed files whose every row is bad: 200, every row reported with its field, nothing imported
    report("formula injection =cmd", [personRow({ first_name: "=cmd|' /C calc'!A0" })], "first_name"),
    report("formula injection @SUM", [personRow({ last_name: "@SUM(1+1)*cmd|' /C calc'!A0" })], "last_name"),
    report("formula injection +cmd", [personRow({ city: "+cmd|' /C calc'!A0" })], "city"),
    report("formula injection =HYPERLINK in reason", [personRow({ reason: '=HYPERLINK("http://evil.example","x")' })], "reason"),
    report("formula injection -cmd in note", [personRow({ note: "-2+3+cmd|' /C calc'!A0" })], "note"),
    report("formula injection = in value", [`email,,,,,,,,,"=HYPERLINK(""http://evil.example"",""x"")@example.com",Fuzz,,,`], "value"),
    report("huge line (1 MB note)", [personRow({ note: "x".repeat(1024 * 1024) })], "note"),
    report("NUL in a cell", [personRow({ last_name: UNICODE_EDGE.nul })], "last_name"),
    report("lone surrogate in a cell", [personRow({ city: "Ber\uD800lin" })], "city"),
    // Windows-1252 / Latin-1 is read (German Excel's CSV); its bad cells are reported like any other
    file("latin-1 encoded row with a formula", Buffer.from(`${HEADER}\n${personRow({ last_name: "=Müller" })}`, "latin1"), "report", { rows: 1, field: "last_name" }),
    file("BOM, then a row with an unknown kind", `\uFEFF${HEADER}\nplanet,,,,,,,,,x,Fuzz,,,`, "report", { rows: 1, field: "kind" }),
    report("too many cells in a row", [`${row},extra,extra`], "row"),
    report("unterminated quote in the last row", [`email,,,,,,,,,"a@example.com,reason`], "row"),
    report("injection strings as values", [`email,,,,,,,,,' OR 1=1 --,Fuzz,,,`, `ip,,,,,,,,,../../etc/passwd,Fuzz,,,`], "value"),
    report("unknown source and past expiry", [`email,,,,,,,,,a@example.com,Fuzz,hacker,,`, `email,,,,,,,,,b@example.com,Fuzz,,2001-01-01,`], "source"),
  ]
}
