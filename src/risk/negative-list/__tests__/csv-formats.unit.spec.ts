import { Readable } from "node:stream"
import { hashKeys } from "../../../engine"
import PaymentRiskModuleService from "../../../modules/payment-risk/service"
import { declaredEncoding, detectDelimiter } from "../csv-format"
import { importNegativeListCsv } from "../import-csv"

type Stored = { kind: string; value: string | null; last_name: string | null; city: string | null; reason: string }

/** A service that keeps what the import stores. */
function memoryService() {
  const stored: Stored[] = []
  const service = {
    getHashKeys: () => hashKeys("s".repeat(32)),
    acceptsCardNumbers: () => false,
    insertListEntries: async (rows: Stored[]) => {
      stored.push(...rows)
      return { inserted: rows.length, updated: 0 }
    },
  }
  return { service: service as unknown as PaymentRiskModuleService, stored }
}

const run = async (bytes: Buffer | string, contentType?: string, chunkSize = 7) => {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes, "utf8")
  // small chunks: a multi-byte character or the header line may be split anywhere
  const chunks = Array.from({ length: Math.ceil(buffer.length / chunkSize) }, (_, i) => buffer.subarray(i * chunkSize, (i + 1) * chunkSize))
  const { service, stored } = memoryService()
  const report = await importNegativeListCsv(Readable.from(chunks), service, null, { contentType })
  return { report, stored }
}

describe("CSV as German merchants produce it", () => {
  it("should read German Excel's semicolon file with commas inside cells", async () => {
    const { report, stored } = await run("kind;last_name;address_1;postal_code;city;reason\r\nperson;Müller, Hans;Domstraße 1;50667;Köln;Rücklastschrift, keine Deckung\r\n")
    expect(report).toEqual({ imported: 1, updated: 0, rejected_count: 0, rejected: [] })
    expect(stored[0]).toMatchObject({ last_name: "Müller, Hans", city: "Köln", reason: "Rücklastschrift, keine Deckung" })
  })

  it("should read Windows-1252 (Excel's CSV encoding), detected or declared", async () => {
    const latin = Buffer.from("kind;last_name;address_1;postal_code;city;reason\nperson;Müller;Domstraße 1;50667;Köln;Forderung übergeben\n", "latin1")
    for (const contentType of [undefined, "text/csv; charset=windows-1252"]) {
      const { report, stored } = await run(latin, contentType)
      expect(report.imported).toBe(1)
      expect(stored[0]).toMatchObject({ last_name: "Müller", city: "Köln", reason: "Forderung übergeben" })
    }
  })

  it("should read Excel's Unicode text (UTF-16 with BOM, tab-separated) and UTF-8 with BOM", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("kind\tvalue\treason\nemail\tbetrug@example.de\tBetrug\n", "utf16le")])
    expect((await run(utf16)).stored[0]).toMatchObject({ kind: "email", value: "betrug@example.de", reason: "Betrug" })
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("kind,value,reason\nemail,a@example.de,Straße\n")])
    expect((await run(bom)).stored[0]).toMatchObject({ value: "a@example.de", reason: "Straße" })
  })

  it("should keep a quote inside a cell as text and not lose the next line", async () => {
    const { report, stored } = await run('kind,value,reason\nemail,a@example.de,Kunde sagt "nie bestellt"\nemail,b@example.de,Betrug\n')
    expect(report).toEqual({ imported: 2, updated: 0, rejected_count: 0, rejected: [] })
    expect(stored[0].reason).toBe('Kunde sagt "nie bestellt"')
  })

  it("should word a missing cell and a wrong cell count for a merchant, each line once", async () => {
    const { report } = await run("kind;value;reason\nemail;a@example.de;\nemail;b@example.de\nemail;c@example.de;Betrug\n")
    expect(report.imported).toBe(1)
    expect(report.rejected_count).toBe(2)
    expect(report.rejected).toEqual([
      { line: 2, field: "reason", message: "Value for field 'reason': is required but the cell is empty", code: "required" },
      {
        line: 3,
        field: "row",
        message: "the line has 2 cells, the header has 3: check the separator (';') and that cells containing it are in double quotes",
        code: "columns",
        params: { got: "2", expected: "3", separator: ";" },
      },
    ])
  })

  it("should refuse a header naming a column twice, whatever the separator", async () => {
    await expect(run("kind;value;value;reason\nemail;a@example.de;b;x\n")).rejects.toThrow("column 'value' appears twice")
  })
})

describe("detectDelimiter / declaredEncoding", () => {
  it("should pick the separator of the header, ignoring quoted text", () => {
    expect(detectDelimiter("kind,value,reason")).toBe(",")
    expect(detectDelimiter("kind;value;reason")).toBe(";")
    expect(detectDelimiter("kind\tvalue\treason")).toBe("\t")
    expect(detectDelimiter('"kind;x",value,reason')).toBe(",")
    expect(detectDelimiter("kind")).toBe(",")
  })

  it("should understand the charsets spreadsheet programs declare", () => {
    expect(declaredEncoding("text/csv; charset=ISO-8859-1")).toBe("windows-1252")
    expect(declaredEncoding('text/csv; charset="utf-8"')).toBe("utf-8")
    expect(declaredEncoding("text/csv")).toBeNull()
    expect(declaredEncoding("text/csv; charset=shift_jis")).toBeNull()
  })
})

describe("a header the reader cannot split", () => {
  it("should refuse the file instead of reporting its rows", async () => {
    await expect(run('kind,"first_name,reason\nemail,a@example.de,x\n')).rejects.toThrow("the CSV header row could not be read")
  })
})

describe("files built to exhaust the server", () => {
  it("should refuse a line longer than 2 MB instead of holding it", async () => {
    await expect(run(`kind,value,reason\nemail,a@example.de,${"x".repeat(3 * 1024 * 1024)}\n`, undefined, 64 * 1024)).rejects.toThrow("longer than 2 MB")
  })

  it("should not echo an IBAN typed into the header", async () => {
    const error = await run("kind,DE89 3704 0044 0532 0130 00,reason\nemail,x,y\n").catch((e: Error) => e)
    expect(String((error as Error).message)).not.toMatch(/3704|0532/)
  })
})

describe("a UTF-8 file with a stray byte", () => {
  it("should stay UTF-8: the other rows import unchanged and only the broken one is reported", async () => {
    const file = Buffer.concat([
      Buffer.from("kind;last_name;address_1;postal_code;city;reason\nperson;Müller;Domstraße 1;50667;Köln;Betrug\nperson;Meier;Hauptstraße 5;10115;Berlin;"),
      Buffer.from([0xfc]), // a Windows-1252 "ü" in an otherwise UTF-8 file
      Buffer.from("bel\n"),
    ])
    for (const chunkSize of [7, 64 * 1024]) {
      const { report, stored } = await run(file, undefined, chunkSize)
      expect(stored).toHaveLength(1)
      expect(stored[0]).toMatchObject({ last_name: "Müller", city: "Köln" })
      expect(report.rejected).toEqual([expect.objectContaining({ line: 3, field: "reason" })])
    }
  })
})
