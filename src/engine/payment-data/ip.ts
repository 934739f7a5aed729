import ipaddr from "ipaddr.js"
import { Checked, fail } from "./result"

/** Dotted quad for IPv4 (ipaddr.js also reads "1.2.3" or hex forms, which no one means here) or IPv6. */
function isStrictAddress(address: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(address) || ipaddr.IPv6.isValid(address)
}

/** An IP address or CIDR range, normalised ("1.2.3.0/24", compressed IPv6). */
export function checkIpOrCidr(input: string): Checked<{ value: string; range: boolean }> {
  const value = input.trim()
  try {
    if (!isStrictAddress(value.split("/")[0])) {
      return fail("ip_invalid", "is not an IP address or CIDR range")
    }
    if (value.includes("/")) {
      const [address, bits] = ipaddr.parseCIDR(value)
      return { ok: true, value: `${address.toString()}/${bits}`, range: true }
    }
    return { ok: true, value: ipaddr.process(value).toString(), range: false }
  } catch {
    return fail("cidr_invalid", "is not an IP address or CIDR range")
  }
}

/** true when `ip` equals the entry's address or lies in its CIDR range. */
export function ipMatches(ip: string, entry: string): boolean {
  try {
    const address = ipaddr.process(ip)
    if (!entry.includes("/")) {
      return address.toString() === ipaddr.process(entry).toString()
    }
    const range = ipaddr.parseCIDR(entry)
    return address.kind() === range[0].kind() && address.match(range)
  } catch {
    return false
  }
}
