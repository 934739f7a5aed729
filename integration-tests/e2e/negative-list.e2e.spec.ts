/**
 * Real-browser test of the admin (Debian Chromium via playwright-core): starts the demo store
 * (`scripts/demo.mjs`, `medusa develop`) on its own database and port, logs in, adds a
 * negative-list entry on the page, finds it by search, and opens a customer whose address is a
 * spelling variant of it: the customer widget shows the match. Screenshots of those screens go
 * to .test-artifacts/e2e/ (git-ignored).
 */
import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { Browser, chromium, Page } from "playwright-core"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require("../../scripts/pg-helper.cjs")

jest.setTimeout(10 * 60 * 1000)

const ROOT = path.resolve(__dirname, "../..")
const ARTIFACTS = path.join(ROOT, ".test-artifacts", "e2e")
const PORT = Number(process.env.PAYMENT_RISK_E2E_PORT || 9400)
const BASE = `http://localhost:${PORT}`
const EMAIL = "admin@example.com"
const PASSWORD = "supersecret"
const DATABASE = `payment_risk_e2e_${process.pid}`
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium"

const conn = () => ({
  host: process.env.DB_HOST!,
  port: Number(process.env.DB_PORT),
  user: process.env.DB_USERNAME!,
  password: process.env.DB_PASSWORD || "",
})

async function dropDatabase() {
  const { Client } = require("pg")
  const client = new Client({ ...conn(), password: conn().password || undefined, database: "postgres" })
  await client.connect()
  try {
    await client.query(`drop database if exists "${DATABASE}" with (force)`)
  } finally {
    await client.end()
  }
}

async function waitForHealth(server: ChildProcess, timeoutMs: number) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`demo store exited with ${server.exitCode}`)
    try {
      if ((await fetch(`${BASE}/health`)).ok) return
    } catch {}
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error("demo store did not become healthy in time")
}

async function adminToken(): Promise<string> {
  const res = await fetch(`${BASE}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  })
  return (await res.json()).token
}

async function adminPost(token: string, url: string, body: unknown) {
  const res = await fetch(`${BASE}${url}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
  return res.json()
}

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })

describe("admin negative list in a real browser", () => {
  let server: ChildProcess
  let browser: Browser
  let log = ""

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM)`)
    }
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    await dropDatabase()
    const { host, port, user, password } = conn()
    server = spawn(process.execPath, [path.join(ROOT, "scripts/demo.mjs")], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(PORT),
        DATABASE_URL: pg.buildDatabaseUrl({ host, port, user, password, database: DATABASE }),
      },
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    })
    server.stdout!.on("data", (d) => (log += d))
    server.stderr!.on("data", (d) => (log += d))
    try {
      await waitForHealth(server, 4 * 60 * 1000)
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${log.slice(-4000)}`)
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    })
  })

  afterAll(async () => {
    await browser?.close()
    if (server && server.exitCode === null) {
      // demo.mjs stops `medusa develop` and its forked server on SIGTERM
      process.kill(-server.pid!, "SIGTERM")
      await new Promise((resolve) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-server.pid!, "SIGKILL")
          } catch {}
          resolve(null)
        }, 15000)
        server.once("exit", () => {
          clearTimeout(timer)
          resolve(null)
        })
      })
    }
    fs.writeFileSync(path.join(ARTIFACTS, "demo-store.log"), log)
    await dropDatabase().catch(() => {})
  })

  it("should add an entry, find it by search and show the match of a spelling variant on the customer", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: "en" })
    await context.addInitScript(() => window.localStorage.setItem("lng", "en"))
    const page = await context.newPage()

    await page.goto(`${BASE}/app/login`, { waitUntil: "networkidle", timeout: 180000 })
    await page.fill('input[name="email"]', EMAIL)
    await page.fill('input[name="password"]', PASSWORD)
    await page.click('button[type="submit"]')
    await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60000 })

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
    await shot(page, "01-add-entry")
    await page.getByRole("button", { name: "Save" }).click()
    await page.getByText("Entry added").first().waitFor({ timeout: 30000 })

    // find it by search
    await page.getByPlaceholder("Search name, email, city …").fill("mueller")
    await page.getByRole("cell", { name: /Müller/ }).first().waitFor({ timeout: 30000 })
    await shot(page, "02-search")

    // the row opens the edit drawer with the audit trail
    await page.getByRole("cell", { name: /Müller/ }).first().click()
    await page.getByText("Audit trail").waitFor({ timeout: 30000 })
    await page.getByText("Created", { exact: true }).waitFor({ timeout: 30000 })
    await page.getByText("Audit trail").scrollIntoViewIfNeeded()
    await page.waitForTimeout(500) // drawer animation
    await shot(page, "03-edit-audit")
    await page.keyboard.press("Escape")

    // a customer whose address is a spelling variant
    const token = await adminToken()
    const { customer } = await adminPost(token, "/admin/customers", {
      email: `hans.mueller.${Date.now()}@example.com`,
      first_name: "Hans",
      last_name: "Mueller",
    })
    await adminPost(token, `/admin/customers/${customer.id}/addresses`, {
      first_name: "Hans",
      last_name: "Mueller",
      address_1: "Hauptstr. 5",
      postal_code: "10115",
      city: "Berlin",
      country_code: "de",
    })

    await page.goto(`${BASE}/app/customers/${customer.id}`, { waitUntil: "networkidle", timeout: 120000 })
    const widget = page.locator('[data-testid="payment-risk-customer-matches"]')
    await widget.waitFor({ timeout: 60000 })
    await widget.getByText("Hans Müller · Hauptstraße 5, 10115 Berlin").waitFor({ timeout: 30000 })
    await widget.getByText(/Rechnung nach dritter Mahnung offen/).waitFor({ timeout: 10000 })
    await widget.getByText("Matched on: last name, first name, street, house number, postcode, city").waitFor({ timeout: 10000 })
    await widget.scrollIntoViewIfNeeded()
    await shot(page, "04-customer-match")
    await context.close()
  })
})
