/**
 * Real-browser test of the admin (Debian Chromium via playwright-core): starts the demo store
 * (`scripts/demo.mjs`, `medusa develop`) on its own database and port, logs in, adds a
 * negative-list entry on the page, finds it by search, and opens a customer whose address is a
 * spelling variant of it: the customer widget shows the match. Screenshots of those screens go
 * to .test-artifacts/e2e/ (git-ignored).
 */
import { adminPage, adminToken, api, DemoStore, screenshot, startDemoStore } from "./demo-store"

jest.setTimeout(10 * 60 * 1000)

const PORT = Number(process.env.PAYMENT_RISK_E2E_PORT || 9400)
const DATABASE = `payment_risk_e2e_${process.pid}`

describe("admin negative list in a real browser", () => {
  let store: DemoStore

  beforeAll(async () => {
    store = await startDemoStore(PORT, DATABASE)
  })

  afterAll(async () => {
    await store?.stop("demo-store.log")
  })

  it("should add an entry, find it by search and show the match of a spelling variant on the customer", async () => {
    const BASE = store.base
    const page = await adminPage(store)

    // add an entry on the negative-list page
    await page.goto(`${BASE}/app/negative-list`, { waitUntil: "networkidle", timeout: 120000 })
    await page.getByRole("heading", { name: "Negative list" }).waitFor({ timeout: 60000 })
    await page.getByRole("button", { name: "Add entry" }).click()
    await page.fill("#nl-first_name", "Hans")
    await page.fill("#nl-last_name", "Müller")
    await page.fill("#nl-address_1", "Hauptstraße 5")
    await page.fill("#nl-postal_code", "10115")
    await page.fill("#nl-city", "Berlin")
    await page.fill("#nl-reason", "Rechnung nach dritter Mahnung offen")
    await screenshot(page, "01-add-entry")
    await page.getByRole("button", { name: "Save" }).click()
    await page.getByText("Entry added").first().waitFor({ timeout: 30000 })

    // find it by search
    await page.getByPlaceholder("Search name, email, city …").fill("mueller")
    await page.getByRole("cell", { name: /Müller/ }).first().waitFor({ timeout: 30000 })
    await screenshot(page, "02-search")

    // the row opens the edit drawer with the audit trail
    await page.getByRole("cell", { name: /Müller/ }).first().click()
    await page.getByText("Audit trail").waitFor({ timeout: 30000 })
    await page.getByText("Created", { exact: true }).waitFor({ timeout: 30000 })
    await page.getByText("Audit trail").scrollIntoViewIfNeeded()
    await page.waitForTimeout(500) // drawer animation
    await screenshot(page, "03-edit-audit")
    await page.keyboard.press("Escape")

    // a customer whose address is a spelling variant
    const admin = { authorization: `Bearer ${await adminToken(BASE)}` }
    const { customer } = await api(BASE, "/admin/customers", {
      headers: admin,
      body: {
        email: `hans.mueller.${Date.now()}@example.com`,
        first_name: "Hans",
        last_name: "Mueller",
      },
    })
    await api(BASE, `/admin/customers/${customer.id}/addresses`, {
      headers: admin,
      body: {
        first_name: "Hans",
        last_name: "Mueller",
        address_1: "Hauptstr. 5",
        postal_code: "10115",
        city: "Berlin",
        country_code: "de",
      },
    })

    await page.goto(`${BASE}/app/customers/${customer.id}`, { waitUntil: "networkidle", timeout: 120000 })
    const widget = page.locator('[data-testid="payment-risk-customer-matches"]')
    await widget.waitFor({ timeout: 60000 })
    await widget.getByText("Hans Müller · Hauptstraße 5, 10115 Berlin").waitFor({ timeout: 30000 })
    await widget.getByText(/Rechnung nach dritter Mahnung offen/).waitFor({ timeout: 10000 })
    await widget.getByText("Matched on: last name, first name, street, house number, postcode, city").waitFor({ timeout: 10000 })
    await widget.scrollIntoViewIfNeeded()
    await screenshot(page, "04-customer-match")
    await page.context().close()
  })
})
