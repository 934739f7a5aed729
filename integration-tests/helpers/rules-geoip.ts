import { writeFileSync } from "node:fs"

/**
 * Writes a tiny MaxMind DB (format 2.0, IPv4 tree, 24-bit records) that maps CIDR ranges to a
 * country, in the shape of GeoLite2-Country (`{ country: { iso_code } }`). For tests only: the
 * real database is licensed by MaxMind and the merchant provides it.
 */

const strings = (value: string) => {
  const bytes = Buffer.from(value, "utf8")
  return Buffer.concat([Buffer.from([(2 << 5) | bytes.length]), bytes])
}
const map = (entries: Array<[string, Buffer]>) =>
  Buffer.concat([Buffer.from([(7 << 5) | entries.length]), ...entries.flatMap(([key, value]) => [strings(key), value])])
const uint = (type: 5 | 6, value: number) => {
  const bytes: number[] = []
  for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256)
  return Buffer.from([(type << 5) | bytes.length, ...bytes])
}
const uint64 = (value: number) => {
  const bytes: number[] = []
  for (let v = value; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256)
  return Buffer.from([bytes.length, 9 - 7, ...bytes])
}
const array = (items: Buffer[]) => Buffer.concat([Buffer.from([items.length, 11 - 7]), ...items])

type Node = { children: [Node | string | null, Node | string | null] }

export function writeCountryDatabase(path: string, ranges: Record<string, string>): void {
  const root: Node = { children: [null, null] }
  for (const [cidr, country] of Object.entries(ranges)) {
    const [address, bitsText] = cidr.split("/")
    const bits = Number(bitsText)
    const ip = address.split(".").reduce((n, octet) => n * 256 + Number(octet), 0)
    let node = root
    for (let i = 0; i < bits; i++) {
      const bit = Math.floor(ip / 2 ** (31 - i)) % 2
      if (i === bits - 1) {
        node.children[bit] = country.toUpperCase()
      } else {
        const next = node.children[bit]
        if (!next || typeof next === "string") node.children[bit] = { children: [null, null] }
        node = node.children[bit] as Node
      }
    }
  }
  // number the nodes breadth first
  const nodes: Node[] = []
  const queue: Node[] = [root]
  while (queue.length) {
    const node = queue.shift()!
    nodes.push(node)
    for (const child of node.children) if (child && typeof child !== "string") queue.push(child)
  }
  const index = new Map(nodes.map((node, i) => [node, i]))
  // data section: one record per country
  const offsets = new Map<string, number>()
  const data: Buffer[] = []
  let size = 0
  for (const country of new Set(Object.values(ranges).map((c) => c.toUpperCase()))) {
    const record = map([["country", map([["iso_code", strings(country)]])]])
    offsets.set(country, size)
    data.push(record)
    size += record.length
  }
  const count = nodes.length
  const tree = Buffer.alloc(count * 6)
  nodes.forEach((node, i) => {
    node.children.forEach((child, side) => {
      const value =
        child === null ? count : typeof child === "string" ? count + 16 + offsets.get(child)! : index.get(child)!
      tree.writeUIntBE(value, i * 6 + side * 3, 3)
    })
  })
  const metadata = map([
    ["binary_format_major_version", uint(5, 2)],
    ["binary_format_minor_version", uint(5, 0)],
    ["build_epoch", uint64(Math.floor(Date.now() / 1000))],
    ["database_type", strings("Test-Country")],
    ["description", map([["en", strings("test")]])],
    ["ip_version", uint(5, 4)],
    ["languages", array([strings("en")])],
    ["node_count", uint(6, count)],
    ["record_size", uint(5, 24)],
  ])
  writeFileSync(
    path,
    Buffer.concat([tree, Buffer.alloc(16), ...data, Buffer.from([0xab, 0xcd, 0xef]), Buffer.from("MaxMind.com"), metadata])
  )
}
