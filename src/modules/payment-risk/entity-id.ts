import { randomFillSync } from "node:crypto"

/** Crockford's base32, the alphabet of a ULID. */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const POOL_BYTES = 4096
const pool = Buffer.alloc(POOL_BYTES)
let offset = POOL_BYTES

/** Eight base32 characters of the 40-bit number in five random bytes. */
function encode40(bytes: Buffer, at: number): string {
  let n = bytes[at] * 2 ** 32 + bytes.readUInt32BE(at + 1)
  let out = ""
  for (let i = 0; i < 8; i++) {
    out = ALPHABET[n % 32] + out
    n = Math.floor(n / 32)
  }
  return out
}

/**
 * An id as the ORM makes it (`generateEntityId`: prefix, `_`, a ULID of the current time and 80
 * random bits), for bulk inserts. `generateEntityId`'s ULID asks the system for one random byte
 * per character, ~80 µs an id; here the random bytes come from a pooled buffer, same format.
 */
export function bulkEntityId(prefix: string, now = Date.now()): string {
  if (offset + 10 > POOL_BYTES) {
    randomFillSync(pool)
    offset = 0
  }
  let time = ""
  for (let i = 0, t = now; i < 10; i++) {
    time = ALPHABET[t % 32] + time
    t = Math.floor(t / 32)
  }
  const id = `${prefix}_${time}${encode40(pool, offset)}${encode40(pool, offset + 5)}`
  offset += 10
  return id
}
