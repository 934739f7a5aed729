/**
 * Real-browser test of the merchant's figures (issue 17) on the demo store: figures are made
 * through the API (a rule that hides invoice, a cart shown the payment methods and left, two
 * prepayment orders of which one is written off), then the overview shows them in English and
 * German (the same numbers the analytics API gives, the rule by its name, a German CSV export
 * with `;` and a byte order mark), the rule editor's "Test on past orders" shows the buckets the
 * backtest answered, and the threshold simulator draws its curve. Screenshots go to
 * .test-artifacts/e2e/ (git-ignored): figures-*.png.
 */
import fs from "node:fs"
import { Page } from "playwright-core"
import { adminToken, api, clickAndAwaitPost, createDemoCart, DemoStore, login, open, placeDemoOrder, screenshot, serverUp, startDemoStore } from "./demo-store"

jest.setTimeout(20 * 60 * 1000)

const PORT = Number(process.env.PAYMENT_RISK_E2E_FIGURES_PORT || 9406)
const DATABASE = `payment_risk_e2e_figures_${process.pid}`
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require("pg")
const RULE = "E2E figures: hide invoice from 1 EUR"

type Analytics = {
  carts: { evaluated: number; restricted: number; completed_after_restriction: number; abandoned_after_restriction: number; by_cause: Array<{ cause: string; restricted: number }> }
  by_class: Array<{ class: string; orders: number; defaulted: number }>
  rules: Array<{ rule_id: string; name: string | null; held: number }>
  recording: { evaluations_lost: number }
}

/** The overview's default period (last 30 days, to the end of today) in the store's currency. */
function lastThirtyDays() {
  const to = new Date()
  to.setHours(0, 0, 0, 0)
  to.setDate(to.getDate() + 1)
  const from = new Date(to)
  from.setDate(from.getDate() - 30)
  return { from: from.toISOString(), to: to.toISOString(), currency_code: "eur" }
}

/**
 * Runs a setup step again (up to four times) when the dev server went away under it: other
 * files changing restart `medusa develop`, and a restart can outlast one wait for /health.
 */
async function retrying<T>(base: string, step: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step()
    } catch (error) {
      const message = `${(error as Error).message} ${String((error as { cause?: unknown }).cause ?? "")}`
      if (attempt >= 4 || !/fetch failed|ECONNREFUSED|ECONNRESET|socket hang up|: 50[234] /.test(message)) throw error
      await new Promise((resolve) => setTimeout(resolve, 5000))
      await serverUp(base, 300000)
    }
  }
}

/** A logged-in admin page in the given language (the admin keeps it in localStorage). */
async function pageIn(store: DemoStore, lng: "en" | "de"): Promise<Page> {
  const context = await store.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: lng, acceptDownloads: true })
  await context.addInitScript((value) => window.localStorage.setItem("lng", value), lng)
  const page = await context.newPage()
  await open(page, `${store.base}/app/login`, () => page.locator('input[name="email"]').waitFor({ timeout: 60000 }))
  await login(page)
  return page
}

/**
 * Opens an admin page and waits for `ready`; logs in again when the admin shows its login form
 * instead (other files changing restart `medusa develop`, and its sessions live in memory).
 */
async function openLoggedIn(page: Page, url: string, ready: () => Promise<unknown>) {
  await open(page, url, async () => {
    const form = page.locator('input[name="email"]')
    const shown = ready().then(() => "page" as const, () => "timeout" as const)
    const loggedOut = form.waitFor({ timeout: 60000 }).then(() => "login" as const, () => "timeout" as const)
    const first = await Promise.race([shown, loggedOut])
    if (first === "page") return
    if (first === "login") {
      await login(page)
      await page.goto(url, { waitUntil: "networkidle", timeout: 180000 })
    }
    await ready()
  })
}

/** Runs `body` with the page's errors collected; on failure a screenshot and the last errors. */
async function withPage(page: Page, name: string, body: () => Promise<void>) {
  const errors: string[] = []
  page.on("pageerror", (error) => errors.push(error.message))
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()))
  try {
    await body()
  } catch (error) {
    await screenshot(page, `figures-${name}-failure`).catch(() => {})
    throw new Error(`${(error as Error).message}\nbrowser errors:\n${errors.slice(-10).join("\n")}`)
  } finally {
    await page.context().close()
  }
}

describe("the figures in the admin, in a real browser", () => {
  let store: DemoStore
  let auth: { authorization: string }
  let figures: Analytics

  beforeAll(async () => {
    store = await startDemoStore(PORT, DATABASE)
    const base = store.base
    auth = { authorization: `Bearer ${await retrying(base, () => adminToken(base))}` }
    await retrying(base, () => api(base, "/admin/payment-risk/rules", {
      headers: auth,
      body: {
        name: RULE,
        priority: 5,
        conditions: { type: "group", combinator: "and", children: [{ type: "condition", attribute: "cart.total", operator: "gte", value: 1 }] },
        actions: [{ type: "hide_classes", classes: ["invoice"] }],
      },
    }))
    // a shopper who sees the payment methods (invoice hidden) and leaves
    const { api_keys } = await retrying(base, () => api<{ api_keys: Array<{ title: string; token: string }> }>(base, "/admin/api-keys?type=publishable&limit=50", { headers: auth }))
    const key = { "x-publishable-api-key": api_keys.find((k) => k.title === "Demo-Shop Storefront")!.token }
    await retrying(base, async () => {
      const left = await createDemoCart(base, { handle: "kaffeebecher", quantity: 1, email: `e2e.figures.left.${Date.now()}@example.com` })
      await api(base, `/store/carts/${left.id}/payment-providers`, { headers: key })
    })
    // two who buy with prepayment; the first one's claim is written off
    const orders: Array<{ id: string; display_id: number }> = []
    for (const n of [1, 2]) {
      orders.push(await retrying(base, () =>
        placeDemoOrder(base, { handle: "kaffeebecher", quantity: n, email: `e2e.figures.${n}.${Date.now()}@example.com`, providerId: "pp_prepayment_manual" })))
    }
    await retrying(base, () => api(base, "/admin/payment-risk/outcomes", { headers: auth, body: { order_id: orders[0].id, kind: "written_off", note: "E2E figures" } }))
    // two evaluations of today the recording lost (a busy database), as a server process counts them
    const client = new Client({ host: process.env.DB_HOST, port: Number(process.env.DB_PORT), user: process.env.DB_USERNAME, password: process.env.DB_PASSWORD || undefined, database: DATABASE })
    await client.connect()
    try {
      await client.query(
        `insert into payment_risk_figure_gap (id, day, currency_code, evaluations_lost) values ('prfg_e2e', date_trunc('day', now() at time zone 'utc') at time zone 'utc', 'eur', 2)`
      )
    } finally {
      await client.end()
    }

    // the rows are written in the background: wait until the overview counts all three carts and both orders
    const query = new URLSearchParams(lastThirtyDays()).toString()
    const end = Date.now() + 90000
    for (;;) {
      figures = await retrying(base, () => api<Analytics>(base, `/admin/payment-risk/analytics?${query}`, { headers: auth }))
      const prepayment = figures.by_class.find((row) => row.class === "prepayment")
      if (figures.carts.evaluated >= 3 && prepayment?.orders === 2 && prepayment.defaulted === 1) break
      if (Date.now() > end) throw new Error(`figures not recorded: ${JSON.stringify(figures)}`)
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
  })

  afterAll(async () => {
    await store?.stop("demo-store-figures.log")
  })

  it("should show the figures made through the API on the overview, in English and German, and export a table as CSV", async () => {
    const texts = {
      en: { title: "Overview", evaluated: "Carts checked", prepayment: "Prepayment", rule: `Rule “${RULE}”`, byClass: "By payment class", rate: "50%", incomplete: "Up to 2 checks of shoppers' payment options on these days could not be recorded" },
      de: { title: "Übersicht", evaluated: "Geprüfte Warenkörbe", prepayment: "Vorkasse", rule: `Regel „${RULE}“`, byClass: "Nach Zahlungsart", rate: "50 %", incomplete: "Bis zu 2 Prüfungen der Zahlarten von Kunden an diesen Tagen konnten nicht sofort erfasst werden" },
    }
    const ruleCause = figures.carts.by_cause.find((row) => figures.rules.some((rule) => rule.rule_id === row.cause && rule.name === RULE))
    expect(ruleCause?.restricted).toBeGreaterThanOrEqual(3)
    for (const lng of ["en", "de"] as const) {
      const t = texts[lng]
      const page = await pageIn(store, lng)
      await withPage(page, `overview-${lng}`, async () => {
        await openLoggedIn(page, `${store.base}/app/overview`, () => page.getByTestId("figures-overview").waitFor({ timeout: 60000 }))
        await page.getByRole("heading", { name: t.title, exact: true }).waitFor()
        // the cards give the API's numbers
        const evaluated = page.getByTestId("figure-evaluated")
        await evaluated.getByText(t.evaluated).waitFor()
        expect(await evaluated.innerText()).toContain(String(figures.carts.evaluated))
        expect(await page.getByTestId("figure-restricted").innerText()).toContain(String(figures.carts.restricted))
        expect(await page.getByTestId("figure-abandoned").innerText()).toContain(String(figures.carts.abandoned_after_restriction))
        // the rule restricted the carts, named as the merchant named it
        const cause = page.getByTestId("figures-causes").getByRole("row").filter({ hasText: t.rule })
        await cause.waitFor()
        expect(await cause.innerText()).toContain(String(ruleCause!.restricted))
        // prepayment: two orders, one not paid → 50 %
        const prepayment = page.getByTestId("figures-by-class").getByRole("row").filter({ hasText: t.prepayment })
        await prepayment.waitFor()
        expect((await prepayment.innerText()).replace(/\s+/g, " ")).toContain(t.rate)
        // the evaluations the recording lost are named, with what they mean
        expect(figures.recording).toEqual({ evaluations_lost: 2 })
        expect(await page.getByTestId("figures-incomplete").innerText()).toContain(t.incomplete)
        await page.getByTestId("figures-daily-chart").locator(".recharts-line").first().waitFor()
        await page.getByTestId("figures-class-chart").locator(".recharts-bar-rectangle").first().waitFor()
        // the admin scrolls inside its own frame: a tall window shows the whole overview
        await page.setViewportSize({ width: 1440, height: 3600 })
        await page.getByTestId("figures-negative-list").waitFor()
        await screenshot(page, `figures-overview-${lng}`)
        await page.setViewportSize({ width: 1440, height: 1000 })

        if (lng === "en") {
          // a period without figures: a friendly empty state, no charts of zeros
          await page.locator("#figures-period").click()
          await page.getByRole("option", { name: "Choose days", exact: true }).click()
          await page.fill("#figures-from", "2020-01-01")
          await page.fill("#figures-to", "2020-01-31")
          await page.getByTestId("figures-empty").getByText("No figures for this period yet").waitFor({ timeout: 30000 })
          expect(await page.getByTestId("figures-overview").count()).toBe(0)
          await screenshot(page, "figures-overview-empty-en")
        }
        if (lng === "de") {
          const table = page.getByTestId("figures-by-class")
          const [download] = await Promise.all([page.waitForEvent("download"), table.getByRole("button", { name: "Als CSV exportieren" }).click()])
          const csv = fs.readFileSync((await download.path())!, "utf8")
          expect(csv.charCodeAt(0)).toBe(0xfeff)
          const [header, ...rows] = csv.slice(1).trim().split("\r\n")
          expect(header.split(";")[0]).toBe("Zahlungsart")
          const row = rows.find((line) => line.startsWith("Vorkasse;"))!.split(";")
          // orders 2, defaulted 1, default rate as a decimal comma
          expect(row.slice(1, 5)).toEqual(["2", expect.any(String), "1", "0,5"])
        }
      })
    }
  })

  it("should show the buckets of 'Test on past orders' in the rule editor, and the threshold simulator's curve", async () => {
    const page = await pageIn(store, "en")
    await withPage(page, "backtest", async () => {
      await openLoggedIn(page, `${store.base}/app/rules`, () => page.getByRole("heading", { name: "Risk rules" }).waitFor({ timeout: 60000 }))
      // the rules table gives each rule's figures of the last 30 days
      const held = figures.rules.find((rule) => rule.name === RULE)!.held
      const ruleRow = page.getByRole("row").filter({ hasText: RULE })
      await ruleRow.getByTestId("rule-figures").getByText(`applied to ${held} carts`).waitFor({ timeout: 30000 })
      await screenshot(page, "figures-rules-table-en")
      await ruleRow.getByText(RULE, { exact: true }).click()
      const editor = page.getByTestId("rule-editor")
      await editor.getByRole("heading", { name: "Edit rule" }).waitFor()
      // the draft also sends every order to review: it would have stopped both orders —
      // the written-off one as defaulted, the other as paid fine (counted by hand)
      await editor.getByLabel("Flag the order for review", { exact: true }).click()
      const response = await clickAndAwaitPost(page, store.base, "/admin/payment-risk/backtest", () =>
        editor.getByRole("button", { name: "Test on past orders" }).click())
      expect(response.status()).toBe(200)
      const answer = await response.json()
      expect(answer).toMatchObject({ orders: 2, replayable: 2, not_replayable: 0 })
      expect(answer.buckets.defaulted.count).toBe(1)
      expect(answer.buckets.paid_fine.count).toBe(1)
      const result = editor.getByTestId("backtest-result")
      await result.getByTestId("backtest-summary").getByText("2 orders in the period; 2 of them could be replayed.", { exact: false }).waitFor({ timeout: 30000 })
      const buckets = result.getByTestId("backtest-buckets")
      for (const [label, bucket] of [["Defaulted (returned, charged back, refused, written off)", "defaulted"], ["Paid fine", "paid_fine"], ["Refunded", "refunded"]] as const) {
        const row = buckets.getByRole("row").filter({ hasText: label })
        await row.waitFor()
        const cells = await row.getByRole("cell").allInnerTexts()
        expect(cells[1]).toBe(String(answer.buckets[bucket].count))
      }
      // two sample orders, each a link to its order page
      const samples = result.getByTestId("backtest-samples").getByRole("link")
      expect(await samples.count()).toBe(2)
      expect(await samples.first().getAttribute("href")).toMatch(/\/orders\/order_/)
      await page.setViewportSize({ width: 1440, height: 1600 })
      await result.scrollIntoViewIfNeeded()
      await screenshot(page, "figures-backtest-en")
      await page.setViewportSize({ width: 1440, height: 1000 })
      await editor.getByRole("button", { name: "Cancel" }).click()

      const simulator = page.getByTestId("threshold-simulator")
      await simulator.scrollIntoViewIfNeeded()
      // without a margin the simulator names the field and asks nothing
      await simulator.getByLabel("Gross margin (%)").fill("")
      await simulator.getByRole("button", { name: "Calculate" }).click()
      await simulator.getByText("Enter your gross margin in percent, e.g. 30.").waitFor()
      await simulator.getByLabel("Gross margin (%)").fill("30")
      await simulator.getByLabel("Shoppers who leave when only prepayment is offered (%)").fill("20")
      const simulated = await clickAndAwaitPost(page, store.base, "/admin/payment-risk/simulate-thresholds", () =>
        simulator.getByRole("button", { name: "Calculate" }).click())
      expect(simulated.status()).toBe(200)
      const curve = await simulated.json()
      expect(curve.params).toMatchObject({ margin: 0.3, abandonment_rate: 0.2, cost_per_default: 12.5, cost_per_default_source: "default" })
      await simulator.getByTestId("simulator-chart").locator(".recharts-line").first().waitFor({ timeout: 30000 })
      await simulator.getByTestId("simulator-minimum").waitFor()
      // the inputs are kept in this browser
      await page.reload({ waitUntil: "networkidle" })
      await page.getByTestId("threshold-simulator").getByLabel("Gross margin (%)").waitFor({ timeout: 60000 })
      expect(await page.getByTestId("threshold-simulator").getByLabel("Gross margin (%)").inputValue()).toBe("30")
      await page.getByTestId("threshold-simulator").getByRole("button", { name: "Calculate" }).click()
      await page.getByTestId("simulator-chart").locator(".recharts-line").first().waitFor({ timeout: 30000 })
      await page.setViewportSize({ width: 1440, height: 1400 })
      await page.getByTestId("threshold-simulator").scrollIntoViewIfNeeded()
      // no tooltip over the curve
      await page.mouse.move(0, 0)
      await screenshot(page, "figures-simulator-en")
    })
  })
})
