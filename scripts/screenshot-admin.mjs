#!/usr/bin/env node
/**
 * Screenshots of the plugin's admin pages and widgets from a running demo store
 * (`npm run demo`), in German and English, with Debian's Chromium via playwright-core.
 * Adds a negative-list entry and a customer with a spelling variant of it (once) so the
 * negative-list page and the customer widget have something to show.
 *   node scripts/screenshot-admin.mjs [baseUrl] [outDir]
 * Env: CHROMIUM (default /usr/bin/chromium), DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD.
 */
import { chromium } from "playwright-core"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

const base = process.argv[2] || "http://localhost:9000"
const out = process.argv[3] || "docs/screenshots"
const email = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const password = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
fs.mkdirSync(out, { recursive: true })

const auth = await fetch(`${base}/auth/user/emailpass`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email, password }),
}).then((res) => res.json())
const api = async (url, body) => {
  const res = await fetch(`${base}${url}`, {
    method: body ? "POST" : "GET",
    headers: { authorization: `Bearer ${auth.token}`, "content-type": "application/json" },
    body: body ? JSON.stringify(body) : undefined,
  })
  return res.ok ? res.json() : undefined
}

async function latestOrderId() {
  return (await api("/admin/orders?limit=1&order=-created_at&fields=id"))?.orders[0]?.id
}
const orderId = await latestOrderId()

/** A listed person and a customer whose address is a spelling variant of it. */
async function listedCustomerId() {
  const listed = await api("/admin/payment-risk/negative-list?q=m%C3%BCller&kind=person")
  if (!listed?.count) {
    await api("/admin/payment-risk/negative-list", {
      kind: "person", first_name: "Hans", last_name: "Müller", address_1: "Hauptstraße 5", postal_code: "10115",
      city: "Berlin", country_code: "de", reason: "Rechnung nach dritter Mahnung offen", source: "dunning",
    })
    await api("/admin/payment-risk/negative-list", { kind: "email_domain", value: "wegwerfmail.example", reason: "Wegwerf-Adressen", source: "fraud_review" })
    await api("/admin/payment-risk/negative-list", { kind: "iban", value: "DE89 3704 0044 0532 0130 00", reason: "Rücklastschrift", source: "return_debit" })
  }
  const found = (await api("/admin/customers?q=hans.mueller.screenshot&fields=id"))?.customers[0]
  if (found) return found.id
  const created = await api("/admin/customers", { email: "hans.mueller.screenshot@example.com", first_name: "Hans", last_name: "Mueller" })
  await api(`/admin/customers/${created.customer.id}/addresses`, {
    first_name: "Hans", last_name: "Mueller", address_1: "Hauptstr. 5", postal_code: "10115", city: "Berlin", country_code: "de",
  })
  return created.customer.id
}
const customerId = await listedCustomerId()
const importFile = path.join(os.tmpdir(), "negative-list-import-example.csv")
fs.writeFileSync(importFile, [
  "kind,first_name,last_name,company,address_1,address_2,postal_code,city,country_code,value,reason,source,expires_at,note",
  "email,,,,,,,,,betrug@example.com,Bestellbetrug,fraud_review,,",
  "iban,,,,,,,,,DE89 3704 0044 0532 0130 01,Rücklastschrift,return_debit,,",
  "planet,,,,,,,,,x,unbekannt,,,",
].join("\n"))

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
})
try {
  for (const lng of ["de", "en"]) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1400 }, locale: lng })
    await context.addInitScript((l) => window.localStorage.setItem("lng", l), lng)
    const page = await context.newPage()
    await page.goto(`${base}/app/login`, { waitUntil: "networkidle", timeout: 120000 })
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', password)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60000 })

    await page.goto(`${base}/app/settings/payment-risk`, { waitUntil: "networkidle", timeout: 120000 })
    await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 60000 })
    await page.screenshot({ path: `${out}/admin-settings-${lng}.png`, fullPage: true })

    // a failed save shows the field error
    const cod = page.locator("#cod-max-amount")
    await cod.fill("-5")
    await page.getByRole("button", { name: lng === "de" ? "Speichern" : "Save" }).click()
    await page.locator('[role="alert"]').first().waitFor({ timeout: 10000 })
    await cod.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${out}/admin-settings-validation-${lng}.png` })

    await page.goto(`${base}/app/negative-list`, { waitUntil: "networkidle", timeout: 120000 })
    await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 60000 })
    await page.waitForTimeout(1000)
    await page.screenshot({ path: `${out}/admin-negative-list-${lng}.png` })
    await page.getByRole("button", { name: lng === "de" ? "CSV importieren" : "Import CSV" }).click()
    await page.setInputFiles('input[type="file"]', importFile)
    await page.getByRole("button", { name: lng === "de" ? "Importieren" : "Import", exact: true }).click()
    await page.locator('[role="status"]').waitFor({ timeout: 30000 })
    await page.waitForTimeout(500)
    await page.screenshot({ path: `${out}/admin-negative-list-import-${lng}.png` })
    await page.keyboard.press("Escape")

    await page.goto(`${base}/app/customers/${customerId}`, { waitUntil: "networkidle", timeout: 120000 })
    const widget = page.locator('[data-testid="payment-risk-customer-matches"]')
    await widget.waitFor({ timeout: 60000 })
    await page.waitForTimeout(1000)
    await widget.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${out}/admin-customer-widget-${lng}.png` })

    await page.goto(`${base}/app/credit-checks`, { waitUntil: "networkidle", timeout: 120000 })
    await page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 60000 })
    await page.waitForTimeout(800)
    await page.screenshot({ path: `${out}/admin-credit-checks-${lng}.png` })

    if (orderId) {
      await page.goto(`${base}/app/orders/${orderId}`, { waitUntil: "networkidle", timeout: 120000 })
      await page.waitForTimeout(1500)
      await page.screenshot({ path: `${out}/admin-order-widget-${lng}.png`, fullPage: true })
    }
    await context.close()
  }
  console.log(`screenshots written to ${out}`)
} finally {
  await browser.close()
}
