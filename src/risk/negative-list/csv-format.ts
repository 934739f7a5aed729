import { Readable } from "node:stream"

export type CsvDelimiter = "," | ";" | "\t"
export type CsvEncoding = "utf-8" | "windows-1252" | "utf-16le"
export type CsvFormat = { delimiter: CsvDelimiter; encoding: CsvEncoding }

const DELIMITERS: CsvDelimiter[] = [",", ";", "\t"]
/** Longest header line looked at for the delimiter (the known columns take ~150 characters). */
const MAX_HEADER_CHARS = 64 * 1024

/**
 * The delimiter of a header line: the one that occurs most often outside quotes. German Excel
 * saves "CSV" with semicolons, Excel's "Unicode text" with tabs, everything else uses commas.
 */
export function detectDelimiter(headerLine: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]))
  let quoted = false
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1)
  }
  return DELIMITERS.reduce((best, d) => (counts.get(d)! > counts.get(best)! ? d : best), ",")
}

/** The charset a Content-Type declares (`text/csv; charset=windows-1252`), as one of ours, else null. */
export function declaredEncoding(contentType: string | null | undefined): CsvEncoding | null {
  const charset = /;\s*charset\s*=\s*"?([\w-]+)"?/i.exec(contentType ?? "")?.[1]?.toLowerCase()
  if (!charset) return null
  if (charset === "utf-8" || charset === "utf8") return "utf-8"
  if (["windows-1252", "cp1252", "iso-8859-1", "latin1", "iso-8859-15", "latin-1"].includes(charset)) return "windows-1252"
  if (charset === "utf-16le" || charset === "utf-16") return "utf-16le"
  return null
}

/** The bytes at the end of a chunk that start a UTF-8 character the chunk does not finish. */
function incompleteTail(chunk: Buffer): Buffer {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]
    if (byte < 0x80) return Buffer.alloc(0)
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      return length > back ? chunk.subarray(chunk.length - back) : Buffer.alloc(0)
    }
  }
  return Buffer.alloc(0)
}

/** Text holds real UTF-8 characters (not only replacement marks for bytes that were not UTF-8). */
const hasUtf8Characters = (bytes: Buffer) => /[\u0080-\ufffc\ufffe-\uffff]/.test(new TextDecoder("utf-8").decode(bytes))

/**
 * Decodes a CSV upload to UTF-8 text, whatever Excel saved: UTF-8 (with or without BOM), UTF-16
 * ("Unicode text", BOM FF FE), or Windows-1252 (German Excel's "CSV"), declared in the
 * Content-Type or detected. A file is read as UTF-8 until a byte sequence is not UTF-8; if
 * nothing before it and nothing in that chunk is a real UTF-8 character, the whole file is
 * Windows-1252. A UTF-8 file with a few stray bytes stays UTF-8: its broken rows are reported
 * (U+FFFD), the others import unchanged.
 */
async function* decode(input: AsyncIterable<Buffer>, declared: CsvEncoding | null, format: { encoding: CsvEncoding }): AsyncGenerator<string> {
  let decoder: TextDecoder | null = declared && declared !== "utf-8" ? new TextDecoder(declared) : null
  let sawUtf8 = false
  let carry: Buffer = Buffer.alloc(0)
  for await (const raw of input) {
    let chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw)
    if (!decoder) {
      if (chunk[0] === 0xff && chunk[1] === 0xfe) {
        decoder = new TextDecoder("utf-16le")
        format.encoding = "utf-16le"
        chunk = chunk.subarray(2)
      } else {
        decoder = new TextDecoder("utf-8", { fatal: true })
      }
    }
    if (format.encoding === "utf-8" && decoder.fatal) {
      try {
        const text = decoder.decode(chunk, { stream: true })
        sawUtf8 ||= hasUtf8Characters(chunk)
        carry = Buffer.concat([carry, chunk]).subarray(-3)
        carry = incompleteTail(carry)
        yield text
        continue
      } catch {
        // the bytes the fatal decoder still held belong to this chunk's first character
        chunk = Buffer.concat([carry, chunk])
        const utf8 = sawUtf8 || hasUtf8Characters(chunk)
        decoder = new TextDecoder(utf8 ? "utf-8" : "windows-1252")
        if (!utf8) format.encoding = "windows-1252"
      }
    }
    yield decoder.decode(chunk, { stream: true })
  }
  const rest = decoder?.decode() ?? ""
  if (rest) yield rest
}

/**
 * The upload as a UTF-8 stream for the CSV parser, with the format it was found in. Reads ahead
 * only as far as the header line (the delimiter is decided there); the rest streams through.
 */
export async function readCsvFormat(input: Readable, contentType?: string | null): Promise<{ stream: Readable; format: CsvFormat }> {
  const declared = declaredEncoding(contentType)
  const format: CsvFormat = { delimiter: ",", encoding: declared ?? "utf-8" }
  const texts = decode(input, declared, format)[Symbol.asyncIterator]()
  let head = ""
  while (!/\n/.test(head.replace(/^[\s\uFEFF]*\n/, "")) && head.length < MAX_HEADER_CHARS) {
    const next = await texts.next()
    if (next.done) break
    head += next.value
  }
  const headerLine = head.replace(/^\uFEFF/, "").split("\n").find((line) => line.trim()) ?? ""
  format.delimiter = detectDelimiter(headerLine)
  async function* all() {
    if (head) yield Buffer.from(head, "utf8")
    for (let next = await texts.next(); !next.done; next = await texts.next()) yield Buffer.from(next.value, "utf8")
  }
  const stream = Readable.from(all(), { objectMode: false })
  input.on("error", (error) => stream.destroy(error))
  return { stream, format }
}
