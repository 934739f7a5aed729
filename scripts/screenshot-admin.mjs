#!/usr/bin/env node
/**
 * Screenshots of the plugin's admin page and order widget from a running demo store
 * (`npm run demo`), in German and English, with Debian's Chromium via playwright-core.
 *   node scripts/screenshot-admin.mjs [baseUrl] [outDir]
 * Env: CHROMIUM (default /usr/bin/chromium), DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD.
 */
import { chromium } from "playwright-core"
import fs from "node:fs"

const base = process.argv[2] || "http://localhost:9000"
const out = process.argv[3] || "docs/screenshots"
const email = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const password = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
fs.mkdirSync(out, { recursive: true })

async function latestOrderId() {
  const auth = await fetch(`${base}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  }).then((res) => res.json())
  const res = await fetch(`${base}/admin/orders?limit=1&order=-created_at&fields=id`, {
    headers: { authorization: `Bearer ${auth.token}` },
  })
  return res.ok ? (await res.json()).orders[0]?.id : undefined
}
const orderId = await latestOrderId()

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
