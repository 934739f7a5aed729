/**
 * Real-browser test of the payment-risk settings page in German (Debian Chromium via
 * playwright-core, demo store on its own database and port): every section heading is German;
 * a section is saved on its own and sends only its own fields; an unsaved edit in another
 * section survives that save and is not stored; after a reload the saved values are there and
 * the unsaved one is not; a bad value is named at its field in German and nothing is sent.
 * Screenshots go to .test-artifacts/e2e/ (git-ignored).
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Locator, Page, Request } from "playwright-core"
import { adminToken, api, clickAndAwaitPost, DemoStore, login, open, ROOT, screenshot, startDemoStore } from "./demo-store"

jest.setTimeout(15 * 60 * 1000)

const PORT = Number(process.env.PAYMENT_RISK_E2E_SETTINGS_PORT || 9405)
const DATABASE = `payment_risk_e2e_settings_${process.pid}`
const URL_PATH = "/app/settings/payment-risk"
const SETTINGS_API = "/admin/payment-risk/settings"

type Messages = { [key: string]: string | Messages }
const messages = (lang: "de" | "en") => JSON.parse(readFileSync(join(ROOT, `src/admin/i18n/json/${lang}.json`), "utf8")) as { paymentRisk: Messages }
const text = (tree: Messages, path: string) => path.split(".").reduce<string | Messages>((node, key) => (node as Messages)[key], tree) as string

/** the section headings of the page in each language, from the admin's own message files */
const SECTIONS = ["firstOrder", "fallback", "protection", "negativeList", "plausibility", "credit", "shopperTexts", "retention"]
const headings = (lang: "de" | "en") => [
  text(messages(lang).paymentRisk, "title"),
  text(messages(lang).paymentRisk, "providers.title"),
  ...SECTIONS.map((key) => text(messages(lang).paymentRisk, `sections.${key}.title`)),
]

async function germanAdmin(store: DemoStore): Promise<Page> {
  const context = await store.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: "de-DE" })
  await context.addInitScript(() => window.localStorage.setItem("lng", "de"))
  const page = await context.newPage()
  await open(page, `${store.base}/app/login`, () => page.locator('input[name="email"]').waitFor({ timeout: 60000 }))
  await login(page)
  return page
}

const section = (page: Page, key: string): Locator => page.getByTestId(`settings-section-${key}`)

/** Saves one section and answers the request it sent (its JSON body) and the status. */
async function save(page: Page, base: string, key: string): Promise<{ body: Record<string, unknown>; status: number }> {
  const response = await clickAndAwaitPost(page, base, SETTINGS_API, () => section(page, key).getByRole("button", { name: "Speichern", exact: true }).click())
  return { body: response.request().postDataJSON(), status: response.status() }
}

describe("payment-risk settings in a real browser", () => {
  let store: DemoStore
  let auth: { authorization: string }

  beforeAll(async () => {
    store = await startDemoStore(PORT, DATABASE)
    auth = { authorization: `Bearer ${await adminToken(store.base)}` }
  })

  afterAll(async () => {
    await store?.stop("demo-store-settings.log")
  })

  it("should show every section heading in German, save one section without touching an unsaved edit in another, and name a bad value at its field", async () => {
    const { settings: before } = await api(store.base, SETTINGS_API, { headers: auth })
    const page = await germanAdmin(store)
    const posts: Request[] = []
    page.on("request", (request) => request.method() === "POST" && request.url().includes(SETTINGS_API) && posts.push(request))
    try {
      await open(page, `${store.base}${URL_PATH}`, () => section(page, "retention").waitFor({ timeout: 60000 }))
      await screenshot(page, "settings-01-german")

      // every heading German, none of the English ones
      const shown = (await page.getByRole("heading").allInnerTexts()).map((heading) => heading.trim())
      for (const german of headings("de")) expect(shown).toContain(german)
      const english = headings("en").filter((heading) => !headings("de").includes(heading))
      expect(shown.filter((heading) => english.includes(heading))).toEqual([])
      expect(shown.filter((heading) => /\b(the|and|of|for|settings|payment|rules|orders?|customers?|checks?|matches|when|texts?|data)\b/i.test(heading))).toEqual([])

      // 1. first orders: a change saved on its own
      const first = section(page, "first_order")
      await page.locator("#paid-orders-required").fill("2")
      await first.getByTestId("unsaved").waitFor()
      const firstSave = await save(page, store.base, "first_order")
      expect(firstSave.status).toBe(200)
      expect(Object.keys(firstSave.body)).toEqual(["first_order"])
      expect(firstSave.body.first_order).toMatchObject({ paid_orders_required: 2 })
      await first.getByTestId("unsaved").waitFor({ state: "detached", timeout: 30000 })

      // 2. retention: changed, not saved
      const retention = section(page, "retention")
      const outcomeDays = page.locator("#retention-outcomes")
      const storedDays = String(before.retention.outcome_days)
      expect(await outcomeDays.inputValue()).toBe(storedDays)
      await outcomeDays.fill("999")
      await retention.getByTestId("unsaved").waitFor()

      // 3. first orders again: only its fields go out, the unsaved retention edit stays in the form
      await page.locator("#cod-max-amount").fill("250")
      const secondSave = await save(page, store.base, "first_order")
      expect(secondSave.status).toBe(200)
      expect(Object.keys(secondSave.body)).toEqual(["first_order"])
      expect(secondSave.body.first_order).toMatchObject({ paid_orders_required: 2, cod_max_amount: 250 })
      await first.getByTestId("unsaved").waitFor({ state: "detached", timeout: 30000 })
      // the settings were fetched again after the save: the other section kept its edit
      await page.waitForLoadState("networkidle")
      expect(await outcomeDays.inputValue()).toBe("999")
      expect(await retention.getByTestId("unsaved").count()).toBe(1)
      await outcomeDays.scrollIntoViewIfNeeded()
      await screenshot(page, "settings-02-unsaved-kept")

      // 4. reload: the saved values are there, the unsaved one is not
      await open(page, `${store.base}${URL_PATH}`, () => section(page, "retention").waitFor({ timeout: 60000 }))
      expect(await page.locator("#paid-orders-required").inputValue()).toBe("2")
      expect(await page.locator("#cod-max-amount").inputValue()).toBe("250")
      expect(await page.locator("#retention-outcomes").inputValue()).toBe(storedDays)
      const { settings: after } = await api(store.base, SETTINGS_API, { headers: auth })
      expect(after.first_order).toMatchObject({ paid_orders_required: 2, cod_max_amount: 250 })
      expect(after.retention).toEqual(before.retention)
      expect(after.notice).toEqual(before.notice)
      expect(after.credit_check).toEqual(before.credit_check)

      // 5. a bad value: named at its field, in German, and nothing sent
      const sent = posts.length
      const fallback = section(page, "fallback")
      await page.locator("#evaluation-timeout").fill("10")
      await fallback.getByRole("button", { name: "Speichern", exact: true }).click()
      const error = fallback.getByRole("alert").filter({ hasText: "Geben Sie eine ganze Zahl von 50 bis 30000 ein." })
      await error.waitFor({ timeout: 10000 })
      // the message sits with its field: the innermost block holding the input and a message holds no other input
      const field = page.locator("div").filter({ has: page.locator("#evaluation-timeout") }).filter({ has: page.getByRole("alert") }).last()
      expect(await field.locator("input").count()).toBe(1)
      expect(await field.getByRole("alert").innerText()).toBe("Geben Sie eine ganze Zahl von 50 bis 30000 ein.")
      expect(await page.locator("#evaluation-timeout").getAttribute("aria-invalid")).toBe("true")
      await page.waitForTimeout(500)
      expect(posts.length).toBe(sent)
      await page.locator("#evaluation-timeout").scrollIntoViewIfNeeded()
      await screenshot(page, "settings-03-field-error")
      // corrected, the error goes and the section saves
      await page.locator("#evaluation-timeout").fill("2500")
      await error.waitFor({ state: "detached", timeout: 10000 })
      const fixed = await save(page, store.base, "fallback")
      expect(fixed.status).toBe(200)
      expect(fixed.body).toEqual({ fallback_classes: before.fallback_classes, evaluation_timeout_ms: 2500 })
    } catch (error) {
      await screenshot(page, "settings-failure").catch(() => {})
      throw error
    } finally {
      await page.context().close()
    }
  })
})
