#!/usr/bin/env node
/**
 * Screenshots of every page and widget of the plugin's admin from a running demo store
 * (`npm run demo`), in German and English (the admin's language switch: localStorage "lng"),
 * with Debian's Chromium via playwright-core:
 *   settings (all sections, a field error, the email-alone warning, credit checks), dunning,
 *   consequences, rules (list, builder, evaluate), security tips (list, editor, shop details),
 *   negative list (list, import, entry with its audit trail), credit checks, review queue,
 *   and the order widgets (risk assessment, review, outcomes) and customer widgets.
 * Receivables are left to their own screenshots.
 * Prepares what the pages need once, through the APIs, idempotently: negative-list entries, a
 * customer with a spelling variant of a listed person, a rule holding large orders for review,
 * and four orders (a clean first order, a listed person, an address without house number, a
 * large order held for review) with a recorded returned debit.
 *   node scripts/screenshot-admin.mjs [baseUrl] [outDir]
 * Env: CHROMIUM (default /usr/bin/chromium), DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD,
 * SCREENSHOT_LANGS (default "de,en"), SCREENSHOT_ONLY (comma-separated page names, e.g.
 * "settings,order-widget"), SCREENSHOT_SUFFIX (added to every file name, e.g. "-draft").
 */
import { chromium } from "playwright-core"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"

const base = process.argv[2] || "http://localhost:9000"
const out = process.argv[3] || "docs/screenshots"
const email = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
const password = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
const langs = (process.env.SCREENSHOT_LANGS || "de,en").split(",").map((l) => l.trim()).filter(Boolean)
const only = process.env.SCREENSHOT_ONLY ? new Set(process.env.SCREENSHOT_ONLY.split(",").map((s) => s.trim())) : null
const suffix = process.env.SCREENSHOT_SUFFIX || ""
fs.mkdirSync(out, { recursive: true })

/* ------------------------------------------------------------------ API */

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** waits until /health answers (medusa develop restarts on file changes) */
async function serverUp(timeoutMs = 180000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return
    await sleep(500)
  }
  throw new Error(`${base} does not answer`)
}

await serverUp()
const auth = await fetch(`${base}/auth/user/emailpass`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email, password }),
}).then((res) => res.json())
if (!auth.token) throw new Error(`login failed: ${JSON.stringify(auth)}`)

/** JSON call; throws with the answer on a non-2xx status */
async function api(url, body, headers = { authorization: `Bearer ${auth.token}` }) {
  const request = () =>
    fetch(`${base}${url}`, {
      method: body ? "POST" : "GET",
      headers: { ...headers, "content-type": "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    })
  const res = await request().catch(async () => {
    await serverUp()
    return request()
  })
  if (!res.ok) throw new Error(`${body ? "POST" : "GET"} ${url}: ${res.status} ${await res.text()}`)
  return res.json()
}

/* ------------------------------------------------------------------ demo data */

const LISTED = { first_name: "Hans", last_name: "Müller", address_1: "Hauptstraße 5", postal_code: "10115", city: "Berlin", country_code: "de" }
const REVIEW_RULE = "Große Bestellungen prüfen"

async function prepareList() {
  const listed = await api("/admin/payment-risk/negative-list?q=m%C3%BCller&kind=person")
  if (listed.count) return
  await api("/admin/payment-risk/negative-list", { kind: "person", ...LISTED, reason: "Rechnung nach dritter Mahnung offen", source: "dunning" })
  await api("/admin/payment-risk/negative-list", { kind: "email_domain", value: "wegwerfmail.example", reason: "Wegwerf-Adressen", source: "fraud_review" })
  await api("/admin/payment-risk/negative-list", { kind: "iban", value: "DE89 3704 0044 0532 0130 00", reason: "Rücklastschrift", source: "return_debit" })
}

/** A customer whose address is a spelling variant of the listed person. */
async function listedCustomerId() {
  const found = (await api("/admin/customers?q=hans.mueller.screenshot&fields=id")).customers[0]
  if (found) return found.id
  const created = await api("/admin/customers", { email: "hans.mueller.screenshot@example.com", first_name: "Hans", last_name: "Mueller" })
  await api(`/admin/customers/${created.customer.id}/addresses`, {
    first_name: "Hans", last_name: "Mueller", address_1: "Hauptstr. 5", postal_code: "10115", city: "Berlin", country_code: "de",
  })
  return created.customer.id
}

/** A rule of the merchant's own that holds orders from 1,000 € for review. */
async function prepareReviewRule() {
  const { rules } = await api("/admin/payment-risk/rules?limit=100")
  if (rules.some((rule) => rule.name === REVIEW_RULE)) return
  await api("/admin/payment-risk/rules", {
    name: REVIEW_RULE,
    description: "Jede Bestellung ab 1.000 € sehen wir uns vor dem Versand an.",
    priority: 5,
    conditions: { type: "group", combinator: "and", children: [{ type: "condition", attribute: "cart.total", operator: "gte", value: 1000 }] },
    actions: [{ type: "flag_review" }],
  })
}

let store
/** publishable key, region and shipping of the demo store */
async function storeContext() {
  if (store) return store
  const { api_keys } = await api("/admin/api-keys?type=publishable&limit=50")
  const key = api_keys.find((k) => k.title === "Demo-Shop Storefront")
  if (!key) throw new Error("demo publishable key not found: run npm run demo first")
  const { regions } = await api("/admin/regions?name=Deutschland")
  store = { headers: { "x-publishable-api-key": key.token }, regionId: regions[0].id }
  return store
}

async function createCart({ handle, quantity = 1, email: cartEmail, address }) {
  const { headers, regionId } = await storeContext()
  const { products } = await api(`/admin/products?handle=${handle}&fields=id,*variants`)
  const { cart } = await api("/store/carts", {
    region_id: regionId,
    email: cartEmail,
    items: [{ variant_id: products[0].variants[0].id, quantity }],
    shipping_address: address,
    billing_address: address,
  }, headers)
  return cart
}

/** The demo order placed with `email`, placed now if there is none. */
async function order({ email: orderEmail, handle, quantity, address, provider }) {
  const found = (await api(`/admin/orders?q=${encodeURIComponent(orderEmail)}&fields=id,display_id,email`)).orders.find((o) => o.email === orderEmail)
  if (found) return found.id
  const { headers } = await storeContext()
  const cart = await createCart({ handle, quantity, email: orderEmail, address })
  const { shipping_options } = await api(`/store/shipping-options?cart_id=${cart.id}`, undefined, headers)
  await api(`/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, headers)
  const { payment_collection } = await api("/store/payment-collections", { cart_id: cart.id }, headers)
  await api(`/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: provider }, headers)
  const completed = await api(`/store/carts/${cart.id}/complete`, {}, headers)
  if (completed.type !== "order") throw new Error(`order for ${orderEmail} not placed: ${JSON.stringify(completed)}`)
  return completed.order.id
}

await prepareList()
const customerId = await listedCustomerId()
await prepareReviewRule()
const orders = {
  clean: await order({
    email: "erika.muster.screenshot@example.com", handle: "baumwoll-t-shirt", provider: "pp_cash-on-delivery_manual",
    address: { first_name: "Erika", last_name: "Muster", address_1: "Lindenallee 12", postal_code: "50667", city: "Köln", country_code: "de" },
  }),
  listed: await order({
    email: "hans.mueller.order.screenshot@example.com", handle: "kaffeebecher", provider: "pp_prepayment_manual",
    address: { ...LISTED, address_1: "Hauptstr. 5" },
  }),
  implausible: await order({
    email: "paula.probe.screenshot@example.com", handle: "wanderrucksack", provider: "pp_prepayment_manual",
    address: { first_name: "Paula", last_name: "Probe", address_1: "Gartenweg", postal_code: "80331", city: "München", country_code: "de" },
  }),
  flagged: await order({
    email: "karl.kamera.screenshot@example.com", handle: "systemkamera", provider: "pp_prepayment_manual",
    address: { first_name: "Karl", last_name: "Kamera", address_1: "Am Markt 3", postal_code: "20095", city: "Hamburg", country_code: "de" },
  }),
}
const { outcomes } = await api(`/admin/payment-risk/outcomes?order_id=${orders.implausible}`)
if (!outcomes.length) {
  await api("/admin/payment-risk/outcomes", { order_id: orders.implausible, kind: "return_debit", reason_code: "AM04", amount: 49.9, fee: 3.5, note: "Bank meldet keine Deckung" })
}
// a cart for the evaluate tool: a new customer from a throw-away address
const evaluateCart = await createCart({
  handle: "systemkamera", email: "neu@wegwerfmail.example",
  address: { first_name: "Nina", last_name: "Neu", address_1: "Packstation 123", postal_code: "10117", city: "Berlin", country_code: "de" },
})

const importFile = path.join(os.tmpdir(), "negative-list-import-example.csv")
fs.writeFileSync(importFile, [
  "kind;first_name;last_name;company;address_1;address_2;postal_code;city;country_code;value;reason;source;expires_at;note",
  "email;;;;;;;;;betrug@example.com;Bestellbetrug;fraud_review;;",
  "iban;;;;;;;;;DE89 3704 0044 0532 0130 01;Rücklastschrift;return_debit;;",
  "planet;;;;;;;;;x;unbekannt;;;",
].join("\n"))

/* ------------------------------------------------------------------ browser */

/** Chromium in the admin's language: its own controls (date fields, file buttons) follow the browser's language */
const launch = (lng) =>
  chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", `--lang=${lng === "de" ? "de-DE" : "en-US"}`],
  })
const WIDTH = 1440
const HEIGHT = 1000

/** Opens an admin page and waits for `ready`; again after a restart of the dev server or a logout. */
async function open(page, url, ready) {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(`${base}/app${url}`, { waitUntil: "networkidle", timeout: 180000 })
      if (new URL(page.url()).pathname.endsWith("/login")) {
        await login(page)
        await page.goto(`${base}/app${url}`, { waitUntil: "networkidle", timeout: 180000 })
      }
      await ready()
      await page.waitForTimeout(600)
      return
    } catch (error) {
      if (attempt >= 4) throw error
      await serverUp()
    }
  }
}

async function login(page) {
  await page.locator('input[name="email"]').waitFor({ timeout: 120000 })
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60000 })
}

const file = (name, lng) => path.join(out, `admin-${name}-${lng}${suffix}.png`)

/**
 * The whole page: the admin scrolls inside its own container, so the window is made as tall as
 * that container's content for the shot.
 */
async function fullPage(page, name, lng) {
  const extra = await page.evaluate(() => {
    let most = 0
    for (const el of document.querySelectorAll("*")) {
      const style = getComputedStyle(el)
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 4) most = Math.max(most, el.scrollHeight - el.clientHeight)
    }
    return most
  })
  await page.setViewportSize({ width: WIDTH, height: Math.min(HEIGHT + extra + 40, 16000) })
  await page.waitForTimeout(500)
  await page.screenshot({ path: file(name, lng) })
  await page.setViewportSize({ width: WIDTH, height: HEIGHT })
}

/** The visible window, with `locator` scrolled into view first. */
async function view(page, name, lng, locator) {
  if (locator) await locator.scrollIntoViewIfNeeded()
  await page.waitForTimeout(400)
  await page.screenshot({ path: file(name, lng) })
}

/** scrolls a section to the top of the window */
const top = (locator) =>
  locator.evaluate((el) => {
    // the admin's own scroll container (the window itself stays put, so the top bar stays)
    let box = el.parentElement
    while (box && !(/(auto|scroll)/.test(getComputedStyle(box).overflowY) && box.scrollHeight > box.clientHeight)) box = box.parentElement
    if (box) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 12
  })

const h1 = (page) => () => page.getByRole("heading", { level: 1 }).first().waitFor({ timeout: 120000 })
const section = (page, key) => page.getByTestId(`settings-section-${key}`)

/** page name → what to do on it (each starts on a fresh page of the logged-in admin) */
const PAGES = {
  async settings(page, lng, tr) {
    await open(page, "/settings/payment-risk", () => section(page, "retention").waitFor({ timeout: 120000 }))
    await fullPage(page, "settings", lng)
    // a bad value is named at its field, in the section's language, nothing saved
    const first = section(page, "first_order")
    await page.locator("#cod-max-amount").fill("-5")
    await first.getByRole("button", { name: tr.save, exact: true }).click()
    await first.locator('[role="alert"]').first().waitFor({ timeout: 10000 })
    await view(page, "settings-validation", lng, page.locator("#paid-orders-required"))
    // fresh page (no toast, nothing changed), then: email alone shows the warning (not saved)
    await open(page, "/settings/payment-risk", () => section(page, "retention").waitFor({ timeout: 120000 }))
    const protection = section(page, "protection")
    await protection.getByLabel(tr.emailAlone, { exact: true }).click()
    await page.getByTestId("guest-recognition-warning").waitFor({ timeout: 10000 })
    await top(protection)
    await view(page, "settings-protection", lng)
    await top(section(page, "credit_check"))
    await view(page, "credit-settings", lng)
  },
  async dunning(page, lng) {
    await open(page, "/settings/payment-risk/dunning", h1(page))
    await fullPage(page, "settings-dunning", lng)
  },
  async consequences(page, lng) {
    await open(page, "/settings/payment-risk/consequences", h1(page))
    await fullPage(page, "settings-consequences", lng)
    await page.getByRole("row").nth(1).getByRole("button").first().click()
    await page.getByTestId("consequence-editor").waitFor({ timeout: 10000 })
    await view(page, "settings-consequence-editor", lng)
  },
  async rules(page, lng, tr) {
    await open(page, "/rules", () => page.getByRole("row").nth(2).waitFor({ timeout: 120000 }))
    await fullPage(page, "rules-list", lng)
    await page.fill("#evaluate-cart-id", evaluateCart.id)
    await page.getByTestId("evaluate-tool").getByRole("button", { name: tr.evaluate, exact: true }).click()
    await page.getByTestId("evaluate-result").waitFor({ timeout: 60000 })
    await view(page, "rules-evaluate", lng, page.getByTestId("evaluate-tool").getByRole("heading", { level: 2 }))
    await fullPage(page, "rules-evaluate-full", lng)
    // the builder with a default rule in it
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.getByRole("row").filter({ hasText: tr.defaultBadge }).first().click()
    await page.getByTestId("rule-editor").waitFor({ timeout: 10000 })
    await page.waitForTimeout(600)
    await view(page, "rule-builder", lng)
  },
  async "security-tips"(page, lng) {
    await open(page, "/security-tips", () => page.getByRole("row").nth(1).waitFor({ timeout: 120000 }))
    await fullPage(page, "security-tips", lng)
    await view(page, "security-tips-shop", lng, page.locator("#shop-name").or(page.getByRole("heading", { level: 2 }).last()).first())
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.getByRole("row").nth(1).click()
    await page.getByRole("dialog").waitFor({ timeout: 10000 })
    await page.waitForTimeout(800)
    await view(page, "security-tips-editor", lng)
  },
  async "negative-list"(page, lng, tr) {
    await open(page, "/negative-list", () => page.getByRole("row").nth(1).waitFor({ timeout: 120000 }))
    await view(page, "negative-list", lng)
    await page.getByRole("row").filter({ hasText: "Müller" }).first().click()
    await page.getByRole("dialog").waitFor({ timeout: 10000 })
    await page.waitForTimeout(800)
    await view(page, "negative-list-entry", lng)
    await page.keyboard.press("Escape")
    await page.getByRole("dialog").waitFor({ state: "detached", timeout: 10000 })
    await page.getByRole("button", { name: tr.importCsv }).click()
    await page.setInputFiles('input[type="file"]', importFile)
    await page.getByRole("button", { name: tr.import, exact: true }).click()
    await page.locator('[role="status"]').waitFor({ timeout: 30000 })
    await page.waitForTimeout(500)
    await view(page, "negative-list-import", lng)
  },
  async "credit-checks"(page, lng) {
    await open(page, "/credit-checks", h1(page))
    await fullPage(page, "credit-checks", lng)
  },
  async "review-queue"(page, lng) {
    await open(page, "/reviews", () => page.getByRole("row").nth(1).waitFor({ timeout: 120000 }))
    await view(page, "review-queue", lng)
  },
  async "order-widget"(page, lng) {
    // the listed person's order: hidden methods with the list match, first-order rule, review of an unflagged order
    await open(page, `/orders/${orders.listed}`, () => page.getByTestId("assessment-reason").first().waitFor({ timeout: 120000 }))
    await fullPage(page, "order-widget", lng)
    await open(page, `/orders/${orders.implausible}`, () => page.getByTestId("assessment-plausibility").waitFor({ timeout: 120000 }))
    await fullPage(page, "order-outcomes", lng)
    await open(page, `/orders/${orders.flagged}`, () => page.getByTestId("review-reasons").waitFor({ timeout: 120000 }))
    await fullPage(page, "order-review", lng)
  },
  async "customer-widget"(page, lng) {
    await open(page, `/customers/${customerId}`, () => page.getByTestId("payment-risk-customer-matches").waitFor({ timeout: 120000 }))
    await page.waitForTimeout(1000)
    await fullPage(page, "customer-widget", lng)
  },
}

/** the texts the script clicks, per language */
const TEXTS = {
  de: { save: "Speichern", emailAlone: "E-Mail-Adresse allein", evaluate: "Auswerten", importCsv: "CSV importieren", import: "Importieren", defaultBadge: "Standard" },
  en: { save: "Save", emailAlone: "Email alone", evaluate: "Evaluate", importCsv: "Import CSV", import: "Import", defaultBadge: "Default" },
}

const failed = []
for (const lng of langs) {
  const browser = await launch(lng)
  try {
    const context = await browser.newContext({ viewport: { width: WIDTH, height: HEIGHT }, locale: lng === "de" ? "de-DE" : "en-US" })
    await context.addInitScript((l) => window.localStorage.setItem("lng", l), lng)
    const page = await context.newPage()
    await open(page, "/login", () => page.locator('input[name="email"]').waitFor({ timeout: 120000 }))
    await login(page)
    for (const [name, take] of Object.entries(PAGES)) {
      if (only && !only.has(name)) continue
      try {
        await take(page, lng, TEXTS[lng])
        console.log(`${lng} ${name}: ok`)
      } catch (error) {
        failed.push(`${lng} ${name}: ${error.message.split("\n")[0]}`)
        await page.screenshot({ path: path.join(os.tmpdir(), `screenshot-failed-${name}-${lng}.png`) }).catch(() => {})
        console.error(`${lng} ${name}: FAILED ${error.message.split("\n")[0]}`)
      }
    }
    await context.close()
  } finally {
    await browser.close()
  }
}
console.log(`screenshots written to ${out}`)
if (failed.length) {
  console.error(`failed:\n${failed.join("\n")}`)
  process.exit(1)
}
