import { checkPlausibility, plausibilityMessage } from "../plausibility"

const address = {
  first_name: "Hans",
  last_name: "Meier",
  address_1: "Hauptstraße 5",
  postal_code: "10115",
  city: "Berlin",
  country_code: "de",
}

describe("plausibility: overlong entries", () => {
  it("should warn at the field when a name is longer than any real name, not refuse the check", () => {
    const findings = checkPlausibility({ billing_address: { ...address, last_name: "M".repeat(300) } })
    expect(findings).toEqual([{ field: "billing_address.last_name", code: "too_long" }])
    expect(plausibilityMessage("too_long", "de")).toBe("Diese Angabe ist zu lang. Bitte kürzen Sie sie.")
  })

  it("should accept the longest plausible values", () => {
    expect(checkPlausibility({ shipping_address: { ...address, last_name: "M".repeat(100), company: "C".repeat(200) } })).toEqual([])
  })
})
