import { generateEntityId } from "@medusajs/framework/utils"
import { bulkEntityId } from "../entity-id"

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/
const decodeTime = (ulid: string) => [...ulid.slice(0, 10)].reduce((t, c) => t * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(c), 0)

describe("bulkEntityId", () => {
  it("should make ids of the ORM's format: prefix, underscore, a ULID of the current time", () => {
    const now = Date.now()
    const id = bulkEntityId("prnle", now)
    const orm = generateEntityId(undefined, "prnle")
    expect(id).toMatch(/^prnle_/)
    expect(id.length).toBe(orm.length)
    expect(id.slice(6)).toMatch(ULID)
    expect(decodeTime(id.slice(6))).toBe(now)
    // same time part as the ORM's id made in the same millisecond (or close to it)
    expect(Math.abs(decodeTime(orm.slice(6)) - decodeTime(bulkEntityId("prnle").slice(6)))).toBeLessThan(1000)
  })

  it("should not repeat ids made in the same millisecond, across refills of the random pool", () => {
    const now = Date.now()
    const ids = Array.from({ length: 5000 }, () => bulkEntityId("prnla", now))
    expect(new Set(ids).size).toBe(ids.length)
    expect(new Set(ids.map((id) => id.slice(6, 16))).size).toBe(1)
    expect(new Set(ids.map((id) => id[16])).size).toBeGreaterThan(16)
  })
})
