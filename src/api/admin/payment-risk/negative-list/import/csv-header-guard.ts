import { Transform, TransformCallback } from "node:stream"
import { MedusaError } from "@medusajs/framework/utils"
import { redactCell as shown } from "../../../../../engine/payment-data/redact-log"

/** A header row longer than this is not a negative-list header (the known columns take ~150 bytes). */
const MAX_HEADER_BYTES = 64 * 1024
const BLANK = new Set([0x20, 0x09, 0x0d, 0x0a])
const UTF8_BOM = [0xef, 0xbb, 0xbf]

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: ${message}`)

/** Names of a header line; quoted headers are left to the CSV parser. */
function duplicateColumn(line: string): string | null {
  if (line.includes('"')) return null
  const seen = new Set<string>()
  for (const name of line.replace(/^\uFEFF/, "").split(",").map((cell) => cell.trim().toLowerCase())) {
    if (name && seen.has(name)) return name
    seen.add(name)
  }
  return null
}

/**
 * Passes the CSV through unchanged after checking what the row importer cannot see: that the
 * file has a header row at all (an empty or blank file is not an empty import) and that no
 * column appears twice (the parser would silently keep the last one).
 */
export function csvHeaderGuard(): Transform {
  let head: Buffer = Buffer.alloc(0)
  let checked = false
  const check = (): Error | null => {
    // leading blank lines are skipped in a loop (never by recursion: a file of blank lines must
    // not exhaust the stack); the header is the first non-blank line
    for (;;) {
      const newline = head.indexOf(0x0a)
      if (newline < 0 && head.length <= MAX_HEADER_BYTES) return null
      if (newline < 0 || newline > MAX_HEADER_BYTES) return invalid(`the CSV header row is longer than ${MAX_HEADER_BYTES} bytes`)
      const start = head.subarray(0, UTF8_BOM.length).equals(Buffer.from(UTF8_BOM)) ? UTF8_BOM.length : 0
      const line = head.subarray(start, newline)
      if (line.every((byte) => BLANK.has(byte))) {
        head = head.subarray(newline + 1)
        continue
      }
      checked = true
      const duplicate = duplicateColumn(line.toString("utf8"))
      return duplicate ? invalid(`column '${shown(duplicate)}' appears twice in the CSV header`) : null
    }
  }
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (checked) return callback(null, chunk)
      head = Buffer.concat([head, chunk])
      const pending = head
      const error = check()
      if (error) return callback(error)
      // until the header is known the bytes are held back, then released in one piece
      callback(null, checked ? pending : undefined)
    },
    flush(callback: TransformCallback) {
      if (!checked) {
        const rest = head.subarray(head.subarray(0, 3).equals(Buffer.from(UTF8_BOM)) ? 3 : 0)
        if (rest.every((byte) => BLANK.has(byte))) return callback(invalid("the CSV file is empty: a header row is required"))
        const duplicate = duplicateColumn(rest.toString("utf8"))
        if (duplicate) return callback(invalid(`column '${shown(duplicate)}' appears twice in the CSV header`))
        return callback(null, head)
      }
      callback()
    },
  })
}
