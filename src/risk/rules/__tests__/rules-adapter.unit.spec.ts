import { mkdtempSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { writeCountryDatabase } from "../../../../integration-tests/helpers/rules-geoip"
import { DEFAULT_RULES, RiskRule } from "../../../engine"
import { ipCountry } from "../../readers/geoip"
import { hasOverdueOrders, listSourceFacts, PAYMENT_TERM_DAYS } from "../../../engine/rules/history-facts"
import { localTime } from "../../../engine/rules/local-time"
import { ruleNeeds } from "../../../engine/rules/rule-needs"
import { contentsKey, normalisedShippingAddress, signalKeysFor } from "../../signals/signal-keys"

const SECRET = "unit-test-secret-0123456789"
const address = {
  first_name: "Hans", last_name: "Meier", company: null, address_1: "Hauptstraße 5", address_2: null,
  postal_code: "10115", city: "Berlin", province: null, country_code: "de", phone: "030 1234567",
}
const cart = (overrides: Record<string, unknown> = {}) => ({
  id: "cart_1", currency_code: "eur", total: 100, email: "Hans@Example.com", customer_id: null, region_id: "reg_1",
  birth_date: null, billing_address: address, shipping_address: address,
  items: [
    { product_id: "prod_1", variant_id: "var_1", title: "A", quantity: 2, unit_price: 10 },
    { product_id: "prod_2", variant_id: "var_2", title: "B", quantity: 1, unit_price: 80 },
  ],
  ...overrides,
})
const rule = (attribute: string, params?: Record<string, unknown>, enabled = true): RiskRule => ({
  id: attribute, name: attribute, priority: 1, enabled, actions: [{ type: "flag_review" }],
  conditions: { type: "group", combinator: "or", children: [{ type: "group", combinator: "and", children: [{ type: "condition", attribute, operator: "gte", value: 1, ...(params ? { params } : {}) }] }] },
})

describe("signal keys", () => {
  it("should hash normalised values with the secret and never keep a clear value", () => {
    const keys = signalKeysFor(cart(), "::ffff:127.0.0.1", SECRET)
    const same = signalKeysFor(cart({ email: " hans@example.COM " }), "127.0.0.1", SECRET)
    expect(keys.email_key).toBe(same.email_key)
    expect(keys.ip_key).toBe(same.ip_key)
    for (const value of Object.values(keys)) expect(value).toMatch(/^[0-9a-f]{64}$/)
    expect(JSON.stringify(keys)).not.toMatch(/hans|berlin|127/i)
    expect(signalKeysFor(cart(), null, "another-secret-0123456789").email_key).not.toBe(keys.email_key)
  })

  it("should read the phone as E.164, so national and international spellings count together", () => {
    const national = signalKeysFor(cart(), null, SECRET).phone_key
    const international = signalKeysFor(cart({ billing_address: { ...address, phone: "+49 30 1234567" } }), null, SECRET).phone_key
    expect(national).toBe(international)
  })

  it("should leave out what the cart lacks", () => {
    const keys = signalKeysFor(cart({ email: null, billing_address: null, shipping_address: null, items: [] }), undefined, SECRET)
    expect(keys).toEqual({ email_key: null, phone_key: null, address_key: null, ip_key: null, contents_key: null })
  })

  it("should treat street spellings and other people at the same address as one address", () => {
    const a = normalisedShippingAddress(address)
    expect(normalisedShippingAddress({ ...address, address_1: "Hauptstr. 5", first_name: "Eva", last_name: "Kurz" })).toBe(a)
    expect(normalisedShippingAddress({ ...address, address_1: "Hauptstraße 7" })).not.toBe(a)
  })

  it("should give the same contents key whatever the item order, and another for another quantity", () => {
    const items = cart().items
    expect(contentsKey([...items].reverse())).toBe(contentsKey(items))
    expect(contentsKey([{ ...items[0], quantity: 3 }, items[1]])).not.toBe(contentsKey(items))
  })
})

describe("local time", () => {
  it.each([
    ["2026-11-23T10:30:00Z", "Europe/Berlin", { weekday: 1, hour: 11 }],
    ["2026-11-29T23:30:00Z", "Europe/Berlin", { weekday: 1, hour: 0 }],
    ["2026-11-29T23:30:00Z", "UTC", { weekday: 7, hour: 23 }],
    ["2026-07-01T22:00:00Z", "Europe/Berlin", { weekday: 4, hour: 0 }],
  ])("should read %s in %s as %j", (iso, zone, expected) => {
    expect(localTime(new Date(iso), zone)).toEqual(expected)
  })
})

describe("rule needs", () => {
  it("should ask only for what enabled rules read", () => {
    expect(ruleNeeds([])).toEqual({ items: false, catalogue: false, average: false, groups: false, overdue: false, list_sources: false, ip_country: false, velocity: [] })
    expect(ruleNeeds([rule("cart.products")])).toMatchObject({ items: true, catalogue: false })
    expect(ruleNeeds([rule("cart.tags")])).toMatchObject({ items: true, catalogue: true })
    expect(ruleNeeds([rule("cart.tags", undefined, false)])).toMatchObject({ items: false, catalogue: false })
    expect(ruleNeeds([rule("network.ip_country_differs_billing")]).ip_country).toBe(true)
    expect(ruleNeeds([rule("customer.has_returned_debit")]).list_sources).toBe(true)
    expect(ruleNeeds([rule("velocity.phone", { window_minutes: 30, source: "carts" })]).velocity).toEqual([{ subject: "phone", source: "carts", window_minutes: 30 }])
  })

  it("should read the default rules' velocity and average needs", () => {
    const needs = ruleNeeds(DEFAULT_RULES.map((r, i) => ({ ...r, id: `r${i}` })))
    expect(needs.average).toBe(true)
    expect(needs.catalogue).toBe(false)
    expect(needs.velocity.map((v) => v.subject).sort()).toEqual(["ip", "shipping_address"])
  })
})

describe("history facts", () => {
  const now = new Date("2026-11-25T12:00:00Z")
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString()
  const order = (days: number, captured: number, status = "pending") => ({ id: `o${days}`, status, created_at: daysAgo(days), total: 100, captured_amount: captured, refunded_amount: 0 })

  it.each([
    ["an unpaid order past the payment term", true, [order(PAYMENT_TERM_DAYS, 0)]],
    ["an unpaid order within the payment term", false, [order(PAYMENT_TERM_DAYS - 1, 0)]],
    ["a paid old order", false, [order(40, 100)]],
    ["a canceled old order", false, [order(40, 0, "canceled")]],
    ["no orders", false, []],
  ])("should find for %s: overdue %s", (_case, expected, orders) => {
    expect(hasOverdueOrders({ orders }, now)).toBe(expected)
  })

  it("should read refused COD and returned debits from certain list matches only", () => {
    const hit = (source: string, certain = true) => ({ entry: { source }, match: { entry_id: "e", kind: "person" as const, score: 1, certain, matched_on: [] } })
    expect(listSourceFacts([])).toEqual({ has_refused_cod: false, has_returned_debit: false })
    expect(listSourceFacts([hit("cod_refused"), hit("manual")])).toEqual({ has_refused_cod: true, has_returned_debit: false })
    expect(listSourceFacts([hit("return_debit")])).toEqual({ has_refused_cod: false, has_returned_debit: true })
    expect(listSourceFacts([hit("cod_refused", false)])).toEqual({ has_refused_cod: false, has_returned_debit: false })
  })
})

describe("GeoIP country", () => {
  const path = join(mkdtempSync(join(tmpdir(), "geoip-")), "country.mmdb")
  writeCountryDatabase(path, { "8.8.8.0/24": "us", "1.2.0.0/16": "de" })

  it.each<[string, string | null | undefined]>([
    ["8.8.8.8", "us"],
    ["::ffff:1.2.3.4", "de"],
    ["8.8.9.1", null],
    ["2001:db8::1", null], // an IPv6 address in an IPv4-only database: no country
    ["not an ip", undefined],
  ])("should read %s as %s", async (ip, expected) => {
    expect(await ipCountry(path, ip)).toBe(expected)
  })

  it("should report nothing without a database or when the file cannot be opened", async () => {
    expect(await ipCountry(undefined, "8.8.8.8")).toBeUndefined()
    const errors: string[] = []
    expect(await ipCountry("/nonexistent/country.mmdb", "8.8.8.8", (m) => errors.push(m))).toBeUndefined()
    expect(errors).toEqual([expect.stringMatching(/could not be opened/)])
  })
})
