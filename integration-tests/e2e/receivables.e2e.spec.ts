/**
 * Real-browser test of the receivables page and the dunning/consequences settings (Debian
 * Chromium via playwright-core) on the demo store (`scripts/demo.mjs`, `medusa develop`), in
 * German: a shopper pays a first order, then orders twice on invoice; one claim is dated back
 * 60 days (overdue, with default interest), the other gets its payment reminder. The page shows
 * the claims per tab with the counts and amounts the API reports; the overdue claim's drawer
 * shows the interest with its days × rate, and a payment recorded there lowers what is owed.
 * Screenshots go to .test-artifacts/e2e/ (git-ignored).
 */
import fs from "node:fs"
import { Page } from "playwright-core"
import { adminToken, api, clickAndAwaitPost, DemoStore, login, open, placeDemoOrder, screenshot, startDemoStore } from "./demo-store"

jest.setTimeout(12 * 60 * 1000)

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Client } = require("pg")

const PORT = Number(process.env.PAYMENT_RISK_E2E_RECEIVABLES_PORT || 9403)
const DATABASE = `payment_risk_e2e_receivables_${process.pid}`
const COD = "pp_cash-on-delivery_manual"
const INVOICE = "pp_invoice_manual"

type Totals = Record<string, { count: number; amount: number }>
type Receivable = { order_id: string; status: string; total_due: number; interest: number; stage: number | null; principal: number; paid: number }

/** "1.234,56 €" as the admin shows it in German (spaces of any kind made plain). */
const euro = (amount: number) => amount.toLocaleString("de-DE", { style: "currency", currency: "EUR" }).replace(/\s/g, " ")
const plain = (text: string) => text.replace(/\s/g, " ")

async function sql(query: string, params: unknown[]) {
  const client = new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT),
    user: process.env.DB_USERNAME,
    password: process.env.DB_PASSWORD || undefined,
    database: DATABASE,
  })
  await client.connect()
  try {
    return await client.query(query, params)
  } finally {
    await client.end()
  }
}

async function germanAdmin(store: DemoStore): Promise<Page> {
  const context = await store.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: "de-DE" })
  await context.addInitScript(() => window.localStorage.setItem("lng", "de"))
  const page = await context.newPage()
  await open(page, `${store.base}/app/login`, () => page.locator('input[name="email"]').waitFor({ timeout: 60000 }))
  await login(page)
  return page
}

/** Polls until `check` returns a value (the receivable is opened by a subscriber after the order). */
async function eventually<T>(check: () => Promise<T | null | undefined>, what: string, timeoutMs = 60000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const value = await check().catch(() => null)
    if (value) return value
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

describe("admin receivables in a real browser", () => {
  let store: DemoStore
  let auth: { authorization: string }
  let overdue: { id: string; display_id: number }
  let reminded: { id: string; display_id: number }

  const receivable = (orderId: string) =>
    api<{ receivable: Receivable }>(store.base, `/admin/payment-risk/receivables/${orderId}`, { headers: auth }).then((r) => r.receivable)
  const totals = () => api<{ totals: Totals }>(store.base, "/admin/payment-risk/receivables?limit=1", { headers: auth }).then((r) => r.totals)

  beforeAll(async () => {
    store = await startDemoStore(PORT, DATABASE)
    auth = { authorization: `Bearer ${await adminToken(store.base)}` }
    await api(store.base, "/admin/payment-risk/settings", { headers: auth, body: { dunning: { enabled: true } } })

    // a paid first order opens invoice for the same shopper
    const email = `e2e.forderung.${Date.now()}@example.com`
    const first = await placeDemoOrder(store.base, { handle: "kaffeebecher", quantity: 1, email, providerId: COD })
    const { order } = await api(store.base, `/admin/orders/${first.id}?fields=id,*payment_collections,*payment_collections.payments`, { headers: auth })
    await api(store.base, `/admin/payments/${order.payment_collections[0].payments[0].id}/capture`, { method: "POST", body: {}, headers: auth })

    overdue = await placeDemoOrder(store.base, { handle: "kaffeebecher", quantity: 3, email, providerId: INVOICE })
    reminded = await placeDemoOrder(store.base, { handle: "kaffeebecher", quantity: 1, email, providerId: INVOICE })
    await eventually(() => receivable(overdue.id), "the receivable of the first invoice order")
    await eventually(() => receivable(reminded.id), "the receivable of the second invoice order")

    // the first claim dates from 60 days ago: overdue, in default, with interest
    const sixtyDaysAgo = new Date(Date.now() - 60 * 86_400_000)
    const updated = await sql("update payment_risk_receivable set invoice_date = $1 where order_id = $2", [sixtyDaysAgo, overdue.id])
    expect(updated.rowCount).toBe(1)
    // the second gets its payment reminder now
    await api(store.base, `/admin/payment-risk/receivables/${reminded.id}/advance`, { method: "POST", body: {}, headers: auth })
  })

  afterAll(async () => {
    await store?.stop("demo-store-receivables.log")
  })

  it("should show the claims per tab with count and amount, open a claim with its interest and record a payment", async () => {
    const before = await receivable(overdue.id)
    expect(before.status).toBe("overdue")
    expect(before.interest).toBeGreaterThan(0)
    expect((await receivable(reminded.id)).status).toBe("in_dunning")
    const expected = await totals()

    const page = await germanAdmin(store)
    const pageErrors: string[] = []
    page.on("pageerror", (error) => pageErrors.push(error.message))
    try {
      await open(page, `${store.base}/app/receivables`, () => page.getByRole("heading", { name: "Forderungen", level: 1 }).waitFor({ timeout: 60000 }))

      // every tab shows the API's count and amount
      const tabs = { open: "Offen", overdue: "Überfällig", in_dunning: "Im Mahnverfahren", paused: "Pausiert", handed_over: "An Inkasso übergeben", paid: "Bezahlt", written_off: "Abgeschrieben" }
      for (const [status, label] of Object.entries(tabs)) {
        const tab = page.getByTestId(`receivables-tab-${status}`)
        await tab.getByText(`(${expected[status].count})`).waitFor({ timeout: 30000 })
        const text = plain(await tab.innerText())
        expect(text).toContain(label)
        expect(text).toContain(euro(expected[status].amount))
      }
      expect(expected.overdue.count).toBeGreaterThanOrEqual(1)
      expect(expected.in_dunning.count).toBeGreaterThanOrEqual(1)

      // the reminded claim under "Im Mahnverfahren", with its stage
      await page.getByTestId("receivables-tab-in_dunning").click()
      const remindedRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: `#${reminded.display_id}`, exact: true }) })
      await remindedRow.getByText("Zahlungserinnerung").waitFor({ timeout: 30000 })
      await screenshot(page, "receivables-01-in-dunning")

      // its drawer offers the reminder's letter as a PDF
      await remindedRow.getByRole("cell").nth(2).click()
      const remindedDrawer = page.getByTestId("receivable-drawer")
      await remindedDrawer.getByText(`Forderung zu Bestellung #${reminded.display_id}`).waitFor({ timeout: 30000 })
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 60000 }),
        remindedDrawer.getByRole("button", { name: "Brief: Zahlungserinnerung (PDF)" }).click(),
      ])
      const pdf = fs.readFileSync((await download.path())!)
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-")
      await page.keyboard.press("Escape")
      await remindedDrawer.waitFor({ state: "detached", timeout: 10000 })

      // the overdue claim: its drawer shows principal, interest with days × rate, and what is owed
      await page.getByTestId("receivables-tab-overdue").click()
      const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `#${overdue.display_id}`, exact: true }) })
      await row.waitFor({ timeout: 30000 })
      expect(plain(await row.innerText())).toContain(euro(before.total_due))
      await screenshot(page, "receivables-02-overdue")
      await row.getByRole("cell").nth(2).click()
      const drawer = page.getByTestId("receivable-drawer")
      await drawer.getByText(`Forderung zu Bestellung #${overdue.display_id}`).waitFor({ timeout: 30000 })
      await drawer.getByText("Verzugszinsen", { exact: true }).waitFor()
      expect(plain(await drawer.getByTestId("receivable-total-due").innerText())).toContain(euro(before.total_due))
      expect(plain(await drawer.innerText())).toMatch(/\d+ Tage × \d+,\d{2} %/)
      expect(plain(await drawer.innerText())).toContain(euro(before.interest))
      await page.waitForTimeout(500) // drawer animation
      await screenshot(page, "receivables-03-drawer")

      // record a payment of 10,00 € (today), confirmed in the prompt
      await drawer.getByLabel("Gezahlter Betrag").fill("10,00")
      await drawer.getByRole("button", { name: "Zahlung erfassen" }).click()
      await page.getByRole("alertdialog").getByText("10,00").first().waitFor({ timeout: 10000 })
      await screenshot(page, "receivables-04-payment-prompt")
      const answer = await clickAndAwaitPost(page, store.base, `/receivables/${overdue.id}/payment`, () =>
        page.getByRole("alertdialog").getByRole("button", { name: "Zahlung erfassen" }).click()
      )
      expect(answer.status()).toBe(200)
      await page.getByText("Zahlung erfasst.").first().waitFor({ timeout: 30000 })

      const after = await receivable(overdue.id)
      expect(after.paid).toBeCloseTo(before.paid + 10, 2)
      expect(after.total_due).toBeLessThan(before.total_due)
      await drawer.getByTestId("receivable-total-due").getByText(euro(after.total_due)).waitFor({ timeout: 30000 })
      await drawer.getByTestId("receivable-timeline").getByText("Zahlung", { exact: false }).first().waitFor()
      await screenshot(page, "receivables-05-after-payment")

      // an amount the form cannot read is refused at the field, nothing is sent
      await drawer.getByLabel("Gezahlter Betrag").fill("zehn")
      await drawer.getByRole("button", { name: "Zahlung erfassen" }).click()
      await drawer.getByText("Bitte einen Betrag größer als 0 eingeben", { exact: false }).waitFor({ timeout: 10000 })
      expect((await receivable(overdue.id)).paid).toBeCloseTo(after.paid, 2)
      expect(pageErrors).toEqual([])
    } catch (error) {
      await screenshot(page, "receivables-failure").catch(() => {})
      throw new Error(`${(error as Error).message}\nbrowser errors:\n${pageErrors.slice(-10).join("\n")}`)
    } finally {
      await page.context().close()
    }
  })

  it("should hand a claim over to collection after a prompt and export it as CSV", async () => {
    const page = await germanAdmin(store)
    try {
      await open(page, `${store.base}/app/receivables`, () => page.getByRole("heading", { name: "Forderungen", level: 1 }).waitFor({ timeout: 60000 }))
      await page.getByTestId("receivables-tab-in_dunning").click()
      const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `#${reminded.display_id}`, exact: true }) })
      await row.getByRole("cell").nth(2).click()
      const drawer = page.getByTestId("receivable-drawer")
      await drawer.getByLabel("Notiz zum Abschreiben oder zur Übergabe (freiwillig)").fill("Inkasso Muster GmbH, Az. 4711")
      await drawer.getByRole("button", { name: "An Inkasso übergeben" }).click()
      const prompt = page.getByRole("alertdialog")
      await prompt.getByText("An Inkasso übergeben?").waitFor({ timeout: 10000 })
      await screenshot(page, "receivables-06-hand-over-prompt")
      await clickAndAwaitPost(page, store.base, `/receivables/${reminded.id}/hand-over`, () => prompt.getByRole("button", { name: "Übergeben" }).click())
      await page.getByText("An Inkasso übergeben.").first().waitFor({ timeout: 30000 })
      expect((await receivable(reminded.id)).status).toBe("handed_over")
      await page.keyboard.press("Escape")

      await page.getByTestId("receivables-tab-handed_over").click()
      await page.getByRole("link", { name: `#${reminded.display_id}`, exact: true }).waitFor({ timeout: 30000 })
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 60000 }),
        page.getByRole("button", { name: "Für Inkasso exportieren (CSV)" }).click(),
      ])
      const csv = fs.readFileSync((await download.path())!, "utf8")
      expect(csv.split(/\r?\n/).filter(Boolean).length).toBeGreaterThanOrEqual(2)
      // the debtor's line names the order by its number (cells may be quoted)
      const line = csv.split(/\r?\n/).find((l) => l.includes("Muster"))
      expect(line).toBeDefined()
      const cells = line!.split(";").map((cell) => cell.replace(/^"|"$/g, ""))
      expect(cells).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^#?${reminded.display_id}$`))]))
      await screenshot(page, "receivables-07-handed-over")
    } catch (error) {
      await screenshot(page, "receivables-hand-over-failure").catch(() => {})
      throw error
    } finally {
      await page.context().close()
    }
  })

  it("should warn about a missing base rate on the dunning settings and save a new one", async () => {
    const page = await germanAdmin(store)
    try {
      await open(page, `${store.base}/app/settings/payment-risk`, () => page.getByTestId("settings-link-dunning").waitFor({ timeout: 60000 }))
      await page.getByTestId("settings-link-dunning").click()
      await page.getByRole("heading", { name: "Mahnwesen", level: 1 }).waitFor({ timeout: 60000 })

      const today = new Date()
      const halfYear = `${today.getUTCFullYear()}-${today.getUTCMonth() < 6 ? "01" : "07"}-01`
      const { settings } = await api(store.base, "/admin/payment-risk/settings", { headers: auth })
      const known = (settings.dunning.base_rates as Array<{ valid_from: string }>).some((r) => r.valid_from >= halfYear)
      const warning = page.getByTestId("base-rate-warning")
      if (known) {
        expect(await warning.count()).toBe(0)
      } else {
        await warning.waitFor({ timeout: 10000 })
        await warning.scrollIntoViewIfNeeded()
        await screenshot(page, "dunning-01-missing-rate")
        // "add rate" starts a row for the missing half-year; a rate typed the German way clears the warning
        await page.getByRole("button", { name: "Zinssatz hinzufügen" }).click()
        await page.getByLabel("Zinssatz (%)").first().fill("1,27")
        await warning.waitFor({ state: "detached", timeout: 10000 })
      }

      // a fee above the limit is named at its field, nothing is saved
      await page.locator("#dunning-stage-1-fee").fill("150")
      await page.getByRole("button", { name: "Speichern" }).click()
      await page.getByText("Bitte eine Zahl von 0 bis 100 eingeben", { exact: false }).first().waitFor({ timeout: 10000 })
      await page.locator("#dunning-stage-1-fee").scrollIntoViewIfNeeded()
      await screenshot(page, "dunning-02-field-error")

      await page.locator("#dunning-stage-1-fee").fill("1,50")
      const answer = await clickAndAwaitPost(page, store.base, "/admin/payment-risk/settings", () => page.getByRole("button", { name: "Speichern" }).click())
      expect(answer.status()).toBe(200)
      await page.getByText("Mahnwesen gespeichert.").first().waitFor({ timeout: 30000 })
      const saved = (await api(store.base, "/admin/payment-risk/settings", { headers: auth })).settings.dunning
      expect(saved.stages[1].fee).toBe(1.5)
      if (!known) expect(saved.base_rates).toEqual(expect.arrayContaining([{ valid_from: halfYear, rate: 1.27 }]))
      await page.evaluate(() => window.scrollTo(0, 0))
      await screenshot(page, "dunning-03-saved")
    } catch (error) {
      await screenshot(page, "dunning-failure").catch(() => {})
      throw error
    } finally {
      await page.context().close()
    }
  })

  it("should list the consequences of payment defaults and edit one", async () => {
    const page = await germanAdmin(store)
    try {
      await open(page, `${store.base}/app/settings/payment-risk/consequences`, () =>
        page.getByRole("heading", { name: "Folgen von Zahlungsausfällen", level: 1 }).waitFor({ timeout: 60000 })
      )
      const row = page.getByRole("row").filter({ hasText: "Keine Deckung (AM04)" })
      await row.getByText("Rechnung und Lastschrift ausblenden").waitFor({ timeout: 30000 })
      await row.getByText("nach 183 Tagen").waitFor()
      await screenshot(page, "consequences-01-list")

      await row.getByRole("button", { name: "Bearbeiten" }).click()
      const editor = page.getByTestId("consequence-editor")
      await editor.getByLabel("E-Mail").check()
      await editor.getByLabel("Tage", { exact: true }).fill("30")
      await screenshot(page, "consequences-02-edit")
      await clickAndAwaitPost(page, store.base, "/admin/payment-risk/settings", () => editor.getByRole("button", { name: "Speichern" }).click())
      await row.getByText("nach 30 Tagen").waitFor({ timeout: 30000 })
      await row.getByText("geändert").waitFor()
      const saved = (await api(store.base, "/admin/payment-risk/settings", { headers: auth })).settings.outcomes.consequences["return_debit:AM04"]
      expect(saved).toEqual({ list: ["person_address", "email", "iban"], action: { type: "hide_classes", classes: ["invoice", "direct_debit"] }, expires_days: 30 })
    } catch (error) {
      await screenshot(page, "consequences-failure").catch(() => {})
      throw error
    } finally {
      await page.context().close()
    }
  })

  // the settings row is stored as sent (not merged into the old JSON), so a reset key stays reset
  it("should reset an edited consequence to its default", async () => {
    await api(store.base, "/admin/payment-risk/settings", {
      headers: auth,
      body: { outcomes: { consequences: { "return_debit:AM04": { list: ["iban"], action: null, expires_days: 30 } } } },
    })
    const page = await germanAdmin(store)
    try {
      await open(page, `${store.base}/app/settings/payment-risk/consequences`, () =>
        page.getByRole("heading", { name: "Folgen von Zahlungsausfällen", level: 1 }).waitFor({ timeout: 60000 })
      )
      const row = page.getByRole("row").filter({ hasText: "Keine Deckung (AM04)" })
      await row.getByText("geändert").waitFor({ timeout: 30000 })
      await row.getByRole("button", { name: "Auf Standard zurücksetzen" }).click()
      await clickAndAwaitPost(page, store.base, "/admin/payment-risk/settings", () =>
        page.getByRole("alertdialog").getByRole("button", { name: "Zurücksetzen" }).click()
      )
      const reset = (await api(store.base, "/admin/payment-risk/settings", { headers: auth })).settings.outcomes.consequences
      expect(reset["return_debit:AM04"] ?? null).toBeNull()
      await row.getByText("nach 183 Tagen").waitFor({ timeout: 30000 })
      expect(await row.getByText("geändert").count()).toBe(0)
    } finally {
      await page.context().close()
    }
  })
})
