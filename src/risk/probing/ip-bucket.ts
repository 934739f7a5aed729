import ipaddr from "ipaddr.js"

/**
 * The address a limit counts an IP under: an IPv4 address as it is (IPv4-mapped IPv6 too); an
 * IPv6 address by its /64 network, since one household or one attacker holds a whole /64; a
 * value that is no IP address at all under one shared bucket, so a malformed address never
 * switches a limit off. Null only when the caller knows no IP (a completion without request).
 */
export function ipBucket(ip: string | null | undefined): string | null {
  if (ip == null) return null
  const trimmed = ip.trim()
  if (!trimmed) return "invalid"
  try {
    const address = ipaddr.process(trimmed)
    if (address.kind() === "ipv4") return address.toString()
    const parts = (address as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16))
    return `${parts.join(":")}::/64`
  } catch {
    return "invalid"
  }
}
