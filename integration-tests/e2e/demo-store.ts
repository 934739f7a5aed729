/**
 * Shared pieces of the real-browser tests: the demo store (`scripts/demo.mjs`, `medusa develop`)
 * on its own database and port, Chromium, the admin login and admin/store API calls.
 */
import { ChildProcess, spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { Browser, chromium, Page } from "playwright-core"

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require("../../scripts/pg-helper.cjs")

export const ROOT = path.resolve(__dirname, "../..")
export const ARTIFACTS = path.join(ROOT, ".test-artifacts", "e2e")
export const ADMIN_EMAIL = "admin@example.com"
export const ADMIN_PASSWORD = "supersecret"
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium"

const conn = () => ({
  host: process.env.DB_HOST!,
  port: Number(process.env.DB_PORT),
  user: process.env.DB_USERNAME!,
  password: process.env.DB_PASSWORD || "",
})

async function dropDatabase(database: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Client } = require("pg")
  const client = new Client({ ...conn(), password: conn().password || undefined, database: "postgres" })
  await client.connect()
  try {
    await client.query(`drop database if exists "${database}" with (force)`)
  } finally {
    await client.end()
  }
}

export type DemoStore = {
  base: string
  browser: Browser
  /** set when started with a storefront */
  storefront?: string
  publishableKey?: string
  /** stops the store and the browser, keeps the log as an artifact, drops the database */
  stop(logName: string): Promise<void>
}

const answers = (url: string) => fetch(url).then((res) => res.ok, () => false)

/**
 * Starts the demo store (`scripts/demo.mjs`, `medusa develop`) on a fresh database and port,
 * and Chromium; with `storefrontPort` also the demo storefront (resolves once its config has
 * the publishable key); with `history` also the demo history (demo/seed-history.ts), which the
 * other browser tests do not get (DEMO_HISTORY=0). Throws with the log tail when the store
 * does not come up within `readyTimeoutMs` (8 minutes unless given).
 */
export async function startDemoStore(
  port: number,
  database: string,
  options: { storefrontPort?: number; history?: boolean; readyTimeoutMs?: number } = {}
): Promise<DemoStore> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM)`)
  fs.mkdirSync(ARTIFACTS, { recursive: true })
  await dropDatabase(database)
  const base = `http://localhost:${port}`
  const storefront = options.storefrontPort ? `http://localhost:${options.storefrontPort}` : undefined
  let log = ""
  const server: ChildProcess = spawn(process.execPath, [path.join(ROOT, "scripts/demo.mjs")], {
    cwd: ROOT,
    // the storefront only when asked: its port would collide with another run
    env: {
      ...process.env,
      PORT: String(port),
      ...(storefront ? { STOREFRONT_PORT: String(options.storefrontPort), DEMO_STOREFRONT: "1" } : { DEMO_STOREFRONT: "0" }),
      // the four months of history only where a test asks for it: the others count orders
      DEMO_HISTORY: options.history ? "1" : "0",
      DATABASE_URL: pg.buildDatabaseUrl({ ...conn(), database }),
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  server.stdout!.on("data", (d) => (log += d))
  server.stderr!.on("data", (d) => (log += d))

  const stopServer = async () => {
    if (server.exitCode !== null) return
    // demo.mjs stops `medusa develop`, its forked server and the storefront on SIGTERM
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

  const end = Date.now() + (options.readyTimeoutMs ?? 8 * 60 * 1000)
  let ready = false
  while (!ready && Date.now() < end && server.exitCode === null) {
    ready = (await answers(`${base}/health`)) && (!storefront || (await answers(`${storefront}/config.json`)))
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 500))
  }
  const config = ready && storefront ? await fetch(`${storefront}/config.json`).then((res) => res.json()) : null
  if (!ready || (storefront && !/^pk_/.test(config?.publishableKey ?? ""))) {
    await stopServer()
    throw new Error(`demo store did not come up (exit ${server.exitCode}${storefront ? `, config ${JSON.stringify(config)}` : ""})\n${log.slice(-4000)}`)
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  })
  return {
    base,
    browser,
    storefront,
    publishableKey: config?.publishableKey,
    async stop(logName: string) {
      await browser.close().catch(() => {})
      await stopServer()
      fs.writeFileSync(path.join(ARTIFACTS, logName), log)
      await dropDatabase(database).catch(() => {})
    },
  }
}

/**
 * Opens a page of the admin and waits for `ready`; tries again (up to four times) because
 * `medusa develop` rebuilds and reloads the admin while its first bundles are optimised or
 * files in the repository change.
 */
export async function open(page: Page, url: string, ready: () => Promise<unknown>) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: "networkidle", timeout: 180000 })
      if (!url.endsWith("/login") && new URL(page.url()).pathname.endsWith("/login")) {
        // sessions live in the dev server's memory: a restart logs the browser out
        await login(page)
        await page.goto(url, { waitUntil: "networkidle", timeout: 180000 })
      }
      await ready()
      return
    } catch (error) {
      if (attempt >= 4) throw error
      await serverUp(new URL(url).origin)
    }
  }
}

/** Waits until /health answers again (after a restart of `medusa develop`). */
export async function serverUp(base: string, timeoutMs = 120000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error("server did not come back")
}

/**
 * Clicks and waits for the POST to `path` to be answered; when the request got no answer
 * (the dev server restarted on a file change), waits for the server and clicks again.
 */
export async function clickAndAwaitPost(page: Page, base: string, path: string, click: () => Promise<void>) {
  for (let attempt = 1; ; attempt++) {
    const answered = page
      .waitForResponse((r) => r.url().includes(path) && r.request().method() === "POST", { timeout: 30000 })
      .catch(() => null)
    await click()
    const response = await answered
    if (response) return response
    if (attempt >= 3) throw new Error(`no answer to POST ${path}`)
    await serverUp(base)
  }
}

/** A logged-in admin page in English. */
export async function adminPage(store: DemoStore): Promise<Page> {
  const context = await store.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: "en" })
  await context.addInitScript(() => window.localStorage.setItem("lng", "en"))
  const page = await context.newPage()
  await open(page, `${store.base}/app/login`, () => page.locator('input[name="email"]').waitFor({ timeout: 60000 }))
  await login(page)
  return page
}

export async function login(page: Page) {
  await page.locator('input[name="email"]').waitFor({ timeout: 60000 })
  await page.fill('input[name="email"]', ADMIN_EMAIL)
  await page.fill('input[name="password"]', ADMIN_PASSWORD)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60000 })
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })

/**
 * JSON call to the store's API; throws with the body on a non-2xx answer. A refused connection
 * (the dev server restarting on a file change) waits for the server and tries again.
 */
export async function api<T = any>(base: string, url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const request = () =>
    fetch(`${base}${url}`, {
      method: init.method ?? (init.body ? "POST" : "GET"),
      headers: { "content-type": "application/json", ...(init.headers ?? {}) },
      body: init.body ? JSON.stringify(init.body) : undefined,
    })
  let res: Response
  try {
    res = await request()
  } catch {
    await serverUp(base)
    res = await request()
  }
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
  return res.json() as Promise<T>
}

export async function adminToken(base: string): Promise<string> {
  const { token } = await api<{ token: string }>(base, "/auth/user/emailpass", { body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } })
  return token
}

/** A shopper's cart in the demo region (Germany), created through the store API. */
export async function createDemoCart(base: string, input: { handle: string; quantity: number; email: string }): Promise<{ id: string; total: number }> {
  const auth = { authorization: `Bearer ${await adminToken(base)}` }
  // the demo seed's key (Medusa also creates a default one, linked to another sales channel)
  const { api_keys } = await api<{ api_keys: Array<{ title: string; token: string }> }>(base, "/admin/api-keys?type=publishable&limit=50", { headers: auth })
  const key = api_keys.find((k) => k.title === "Demo-Shop Storefront")
  if (!key) throw new Error(`demo publishable key not found among ${api_keys.map((k) => k.title).join(", ")}`)
  const { regions } = await api(base, "/admin/regions?name=Deutschland", { headers: auth })
  const { products } = await api(base, `/admin/products?handle=${input.handle}&fields=id,*variants`, { headers: auth })
  const address = { first_name: "Erika", last_name: "Muster", address_1: "Hauptstraße 5", postal_code: "10115", city: "Berlin", country_code: "de" }
  const { cart } = await api(base, "/store/carts", {
    headers: { "x-publishable-api-key": key.token },
    body: {
      region_id: regions[0].id,
      email: input.email,
      items: [{ variant_id: products[0].variants[0].id, quantity: input.quantity }],
      shipping_address: address,
      billing_address: address,
    },
  })
  return cart
}

/** A placed order of the demo store: cart → shipping method → payment session for `providerId` → complete. */
export async function placeDemoOrder(
  base: string,
  input: { handle: string; quantity: number; email: string; providerId: string }
): Promise<{ id: string; display_id: number }> {
  const auth = { authorization: `Bearer ${await adminToken(base)}` }
  const { api_keys } = await api<{ api_keys: Array<{ title: string; token: string }> }>(base, "/admin/api-keys?type=publishable&limit=50", { headers: auth })
  const headers = { "x-publishable-api-key": api_keys.find((k) => k.title === "Demo-Shop Storefront")!.token }
  const cart = await createDemoCart(base, input)
  const { shipping_options } = await api(base, `/store/shipping-options?cart_id=${cart.id}`, { headers })
  await api(base, `/store/carts/${cart.id}/shipping-methods`, { headers, body: { option_id: shipping_options[0].id } })
  const { payment_collection } = await api(base, "/store/payment-collections", { headers, body: { cart_id: cart.id } })
  await api(base, `/store/payment-collections/${payment_collection.id}/payment-sessions`, { headers, body: { provider_id: input.providerId } })
  const completed = await api(base, `/store/carts/${cart.id}/complete`, { headers, body: {} })
  if (completed.type !== "order") throw new Error(`cart not completed: ${JSON.stringify(completed)}`)
  return completed.order
}
