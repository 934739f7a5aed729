import ipaddr from "ipaddr.js"
import maxmind, { CountryResponse, Reader } from "maxmind"

/** One reader per database file for the life of the process (maxmind keeps it in memory). */
const readers = new Map<string, Promise<Reader<CountryResponse> | null>>()

function readerFor(path: string, onError: (message: string) => void): Promise<Reader<CountryResponse> | null> {
  let reader = readers.get(path)
  if (!reader) {
    reader = maxmind.open<CountryResponse>(path, { cache: { max: 10_000 } }).catch((error: unknown) => {
      onError(`GeoIP database ${path} could not be opened: ${error instanceof Error ? error.message : String(error)}`)
      return null
    })
    readers.set(path, reader)
  }
  return reader
}

/**
 * Country (lowercase ISO) of an IP from a MaxMind-format database. `undefined` when no database
 * is configured, it cannot be opened, or the IP is unknown to the caller: the network conditions
 * then report themselves unavailable instead of guessing. `null` when the database has no
 * country for the address (private ranges).
 */
export async function ipCountry(
  databasePath: string | undefined,
  ip: string | null | undefined,
  onError: (message: string) => void = () => undefined
): Promise<string | null | undefined> {
  if (!databasePath || !ip || !ipaddr.isValid(ip)) {
    return undefined
  }
  const reader = await readerFor(databasePath, onError)
  if (!reader) {
    return undefined
  }
  try {
    // "::ffff:1.2.3.4" (how Node reports IPv4 on a dual-stack socket) is looked up as 1.2.3.4
    const found = reader.get(ipaddr.process(ip).toString())
    const code = found?.country?.iso_code ?? found?.registered_country?.iso_code
    return code ? code.toLowerCase() : null
  } catch {
    // e.g. an IPv6 address in an IPv4-only database
    return undefined
  }
}
