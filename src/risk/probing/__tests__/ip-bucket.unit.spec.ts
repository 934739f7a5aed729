import { ipBucket } from "../ip-bucket"

describe("ipBucket", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    [" 203.0.113.9 ", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:bbbb:cccc:dddd:eeee", "2001:db8:1:2::/64"],
    ["2001:db8:1:3::1", "2001:db8:1:3::/64"],
    ["not-an-ip", "invalid"],
    ["10.0.0.0/8", "invalid"],
    ["", "invalid"],
  ])("%s → %s", (ip, bucket) => {
    expect(ipBucket(ip)).toBe(bucket)
  })

  it("should know no bucket when the caller knows no IP", () => {
    expect(ipBucket(null)).toBeNull()
    expect(ipBucket(undefined)).toBeNull()
  })
})
