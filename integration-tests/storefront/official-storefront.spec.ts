/**
 * Medusa's official storefront (dtc-starter, Next.js 15) with this project's patch
 * (docs/storefront/medusa-storefront.patch) in a real browser (Debian Chromium via
 * playwright-core), against the demo store (`scripts/demo.mjs`, `medusa develop`) on its own
 * database and port. The storefront is copied, patched, installed from npm, built
 * (`next build`) and started (`next start`); see ./storefront-app.ts for what is cached.
 * A shopper
 *   1. places a first order: the address check warns at the fields, then only cash on delivery
 *      and prepayment are offered with the neutral notice, tips at checkout and payment step;
 *      paid with cash on delivery, the confirmation shows its tips and no bank details,
 *   2. after the merchant captured that payment (admin API), a repeat order offers invoice
 *      without a notice,
 *   3. a listed person (negative list) gets prepayment only with the same neutral notice and no
 *      reason; the prepayment order's confirmation shows amount, bank details, payment reference
 *      and the GiroCode — to that shopper only.
 * Screenshots: .test-artifacts/storefront/official-*.png; timings: .test-artifacts/storefront/timings.json.
 * Run: npm run test:storefront
 */
import fs from "node:fs"
import path from "node:path"
import { BrowserContext, Page } from "playwright-core"
import { adminToken, api, DemoStore, ROOT, serverUp, startDemoStore } from "../e2e/demo-store"
import { buildStorefront, prepareStorefront, removeStorefront, RunningStorefront, startStorefront, StorefrontApp, writeEnv } from "./storefront-app"

jest.setTimeout(30 * 60 * 1000)

const ARTIFACTS = path.join(ROOT, ".test-artifacts", "storefront")
const PORT = Number(process.env.PAYMENT_RISK_STOREFRONT_API_PORT || 9420)
const STOREFRONT_PORT = Number(process.env.PAYMENT_RISK_STOREFRONT_PORT || 8420)
const DATABASE = `payment_risk_storefront_${process.pid}`
const REGION = "de"

type ProvidersAnswer = { payment_providers: Array<{ id: string }>; notice: string | null; credit_check_notice: string | null }
type Shopper = { email: string; first_name: string; last_name: string; address_1: string; postal_code: string; city: string; phone?: string }

const erika: Shopper = {
  email: `erika.${Date.now() % 100000}@example.com`,
  first_name: "Erika",
  last_name: "Muster",
  address_1: "Hauptstraße 5",
  postal_code: "10115",
  city: "Berlin",
}
const listed: Shopper = {
  email: `max.${Date.now() % 100000}@example.com`,
  first_name: "Max",
  last_name: "Betrüger",
  address_1: "Lindenweg 7",
  postal_code: "20095",
  city: "Hamburg",
}

describe("Medusa's official storefront with the plugin, in a real browser", () => {
  let store: DemoStore
  let app: StorefrontApp
  let storefront: RunningStorefront
  let publishableKey: string
  const timings: Record<string, number> = {}

  /** Full page from the top (scrolled, the sticky header and cart summary would show mid-page). */
  const screenshot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.waitForTimeout(200)
    await page.screenshot({ path: path.join(ARTIFACTS, `official-${name}.png`), fullPage: true })
  }
  const storeApi = <T = any>(url: string) => api<T>(store.base, url, { headers: { "x-publishable-api-key": publishableKey } })
  const adminAuth = async () => ({ authorization: `Bearer ${await adminToken(store.base)}` })
  const tipTitles = async (placement: string): Promise<string[]> =>
    (await storeApi<{ tips: Array<{ title: string }> }>(`/store/security-tips?placement=${placement}`)).tips.map((tip) => tip.title)
  const shownTips = (page: Page, testId: string) => page.locator(`[data-testid="${testId}"] [data-testid="tip-title"]`).allTextContents()

  const cartIdOf = async (context: BrowserContext): Promise<string> => {
    const cookie = (await context.cookies()).find((c) => c.name === "_medusa_cart_id")
    if (!cookie?.value) throw new Error("the storefront has no cart cookie")
    return cookie.value
  }

  async function newShopper(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await store.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" })
    const page = await context.newPage()
    const errors: string[] = []
    page.on("pageerror", (error) => errors.push(error.message))
    return { context, page, errors }
  }

  async function addToCart(page: Page, handle: string) {
    await page.goto(`${storefront.url}/${REGION}/products/${handle}`, { waitUntil: "networkidle", timeout: 120000 })
    const add = page.locator('[data-testid="add-product-button"]').first()
    const inCart = page.locator('[data-testid="nav-cart-link"]').filter({ hasText: /\([1-9]\d*\)/ }).first()
    // the server-rendered button can be clicked before React has hydrated it: click again then
    for (let attempt = 1; ; attempt++) {
      await page.waitForFunction(() => {
        const button = document.querySelector<HTMLButtonElement>('[data-testid="add-product-button"]')
        return !!button && !button.disabled
      }, null, { timeout: 60000 })
      await add.click()
      // the cart count in the nav follows the server action
      const added = await inCart.waitFor({ timeout: 20000 }).then(() => true, () => false)
      if (added) return
      if (attempt >= 3) throw new Error(`${handle}: not added to the cart`)
    }
  }

  async function fillAddress(page: Page, shopper: Partial<Shopper>) {
    const fields: Array<[keyof Shopper, string]> = [
      ["first_name", "shipping_address.first_name"],
      ["last_name", "shipping_address.last_name"],
      ["address_1", "shipping_address.address_1"],
      ["postal_code", "shipping_address.postal_code"],
      ["city", "shipping_address.city"],
      ["email", "email"],
      ["phone", "shipping_address.phone"],
    ]
    for (const [key, name] of fields) {
      if (shopper[key] !== undefined) await page.locator(`input[name="${name}"]`).fill(shopper[key]!)
    }
    await page.locator('select[name="shipping_address.country_code"]').selectOption(REGION)
  }

  /** Cart → checkout: address (as given), delivery; returns on the payment step. */
  async function checkoutToPayment(page: Page, shopper: Shopper) {
    await page.goto(`${storefront.url}/${REGION}/checkout?step=address`, { waitUntil: "load", timeout: 120000 })
    await fillAddress(page, shopper)
    await page.locator('[data-testid="submit-address-button"]').click()
    await continueToPayment(page)
  }

  async function continueToPayment(page: Page) {
    await page.waitForURL(/step=delivery/, { timeout: 60000 })
    await page.locator('[data-testid="delivery-option-radio"]').first().click()
    await page.locator('[data-testid="submit-delivery-option-button"]').click()
    await page.waitForURL(/step=payment/, { timeout: 60000 })
    await page.locator('[data-testid="submit-payment-button"]').waitFor({ state: "visible", timeout: 60000 })
  }

  /** The titles of the offered payment methods, in page order. */
  const offered = (page: Page) =>
    page.locator('[data-testid="submit-payment-button"]').locator("xpath=..").locator('[role="radio"] p').allTextContents()

  async function placeOrder(page: Page, method: string): Promise<string> {
    await page.getByRole("radio", { name: method }).click()
    await page.locator('[data-testid="submit-payment-button"]').click()
    await page.waitForURL(/step=review/, { timeout: 60000 })
    await page.locator('[data-testid="submit-order-button"]').click()
    await page.waitForURL(/\/order\/[^/]+\/confirmed/, { timeout: 120000 })
    await page.locator('[data-testid="order-complete-container"]').waitFor({ timeout: 60000 })
    return page.url().match(/\/order\/([^/]+)\/confirmed/)![1]
  }

  beforeAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    const t0 = Date.now()
    const [prepared, started] = await Promise.allSettled([prepareStorefront(), startDemoStore(PORT, DATABASE)])
    if (started.status === "fulfilled") store = started.value
    if (prepared.status === "fulfilled") app = prepared.value
    if (prepared.status === "rejected") throw prepared.reason
    if (started.status === "rejected") throw started.reason
    timings.prepare_and_demo_store = Math.round((Date.now() - t0) / 1000)

    const { api_keys } = await api<{ api_keys: Array<{ title: string; token: string }> }>(store.base, "/admin/api-keys?type=publishable&limit=50", {
      headers: await adminAuth(),
    })
    publishableKey = api_keys.find((key) => key.title === "Demo-Shop Storefront")!.token
    writeEnv(app, { backendUrl: store.base, publishableKey, region: REGION, baseUrl: `http://localhost:${STOREFRONT_PORT}` })
    // `next build` prerenders pages from the store API; `medusa develop` restarts when files of
    // the repository change, so a refused connection waits for the server and builds again
    for (let attempt = 1; ; attempt++) {
      await serverUp(store.base)
      try {
        fs.writeFileSync(path.join(ARTIFACTS, "next-build.log"), await buildStorefront(app))
        break
      } catch (error) {
        if (attempt >= 3 || !/ECONNREFUSED|fetch failed/.test(String(error))) throw error
      }
    }
    storefront = await startStorefront(app, STOREFRONT_PORT, REGION)
    timings.ready = Math.round((Date.now() - t0) / 1000)
  })

  afterAll(async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    fs.writeFileSync(path.join(ARTIFACTS, "timings.json"), JSON.stringify({ cached: app?.cached, ...app?.timings, ...timings }, null, 2))
    if (storefront) {
      fs.writeFileSync(path.join(ARTIFACTS, "next-start.log"), storefront.log())
      await storefront.stop()
    }
    await store?.stop("../storefront/demo-store.log")
    if (app && !process.env.PAYMENT_RISK_KEEP_STOREFRONT) removeStorefront(app)
  })

  it("should warn at the address fields, offer cash on delivery and prepayment to a first order, and invoice after it was paid", async () => {
    const { context, page, errors } = await newShopper()
    try {
      await addToCart(page, "baumwoll-t-shirt")

      // the address check: no house number, a postcode of four digits
      await page.goto(`${storefront.url}/${REGION}/checkout?step=address`, { waitUntil: "load", timeout: 120000 })
      const checkoutTips = await tipTitles("checkout")
      expect(checkoutTips.length).toBeGreaterThan(0)
      expect(await shownTips(page, "checkout-security-tips")).toEqual(checkoutTips)
      await fillAddress(page, { ...erika, address_1: "Hauptstraße", postal_code: "1011" })
      await page.locator('[data-testid="submit-address-button"]').click()
      for (const field of ["address_1", "postal_code"]) {
        await page.locator(`[id="shipping_address.${field}-problem"]`).waitFor({ state: "visible", timeout: 60000 })
        expect(await page.locator(`input[name="shipping_address.${field}"]`).getAttribute("aria-invalid")).toBe("true")
      }
      expect(await page.locator('[id="shipping_address.city-problem"]').count()).toBe(0)
      expect(await page.locator('[data-testid="address-warnings"]').isVisible()).toBe(true)
      expect((await page.locator('[data-testid="submit-address-button"]').textContent())?.trim()).toBe("Use this address anyway")
      expect(page.url()).toMatch(/step=address/)
      await screenshot(page, "01-address-check")

      // corrected: on to delivery and payment
      await fillAddress(page, { address_1: erika.address_1, postal_code: erika.postal_code })
      await page.locator('[data-testid="submit-address-button"]').click()
      await continueToPayment(page)
      const cartId = await cartIdOf(context)
      const first = await storeApi<ProvidersAnswer>(`/store/carts/${cartId}/payment-providers`)
      expect(first.payment_providers.map((p) => p.id).sort()).toEqual(["pp_cash-on-delivery_manual", "pp_prepayment_manual"])
      expect((await offered(page)).sort()).toEqual(["Cash on delivery", "Prepayment (bank transfer)"])
      expect(first.notice).toBeTruthy()
      expect(await page.locator('[data-testid="payment-notice"]').textContent()).toBe(first.notice)
      // the payment step leaves out tips the checkout already shows on the same page
      const paymentTips = (await tipTitles("payment")).filter((title) => !checkoutTips.includes(title))
      expect(paymentTips.length).toBeGreaterThan(0)
      expect(await shownTips(page, "payment-security-tips")).toEqual(paymentTips)
      expect(await shownTips(page, "checkout-security-tips")).toEqual(checkoutTips)
      await screenshot(page, "02-first-order-payment")

      const firstOrderId = await placeOrder(page, "Cash on delivery")
      expect(await shownTips(page, "order-security-tips")).toEqual(await tipTitles("order_confirmation"))
      expect(await page.locator('[data-testid="payment-method"]').textContent()).toBe("Cash on delivery")
      // not paid yet: the amount without the starter's "paid at"
      expect(await page.locator('[data-testid="payment-amount"]').textContent()).not.toMatch(/paid/)
      expect(await page.locator('[data-testid="payment-instructions"]').count()).toBe(0)
      await screenshot(page, "03-first-order-confirmation")

      // the merchant records the payment: capture in the admin API
      const auth = await adminAuth()
      const { order } = await api(store.base, `/admin/orders/${firstOrderId}?fields=id,email,*payment_collections,*payment_collections.payments`, { headers: auth })
      expect(order.email).toBe(erika.email)
      await api(store.base, `/admin/payments/${order.payment_collections[0].payments[0].id}/capture`, { method: "POST", body: {}, headers: auth })

      // a repeat order with the same details: invoice appears, no notice
      await addToCart(page, "baumwoll-t-shirt")
      await checkoutToPayment(page, erika)
      const repeat = await storeApi<ProvidersAnswer>(`/store/carts/${await cartIdOf(context)}/payment-providers`)
      expect(repeat.payment_providers.map((p) => p.id)).toEqual(expect.arrayContaining(["pp_cash-on-delivery_manual", "pp_prepayment_manual", "pp_invoice_manual"]))
      expect(repeat.notice).toBeNull()
      expect(await offered(page)).toContain("Invoice")
      expect(await page.locator('[data-testid="payment-notice"]').count()).toBe(0)
      await screenshot(page, "04-repeat-order-payment")
      expect(errors).toEqual([])
    } catch (error) {
      await screenshot(page, "failure-first-order").catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })

  it("should offer only prepayment to a listed person without saying why, and show the bank details to her alone", async () => {
    await api(store.base, "/admin/payment-risk/negative-list", {
      body: {
        kind: "person",
        first_name: listed.first_name,
        last_name: listed.last_name,
        address_1: listed.address_1,
        postal_code: listed.postal_code,
        city: listed.city,
        country_code: REGION,
        reason: "Test: offene Rechnungen",
      },
      headers: await adminAuth(),
    })
    const { context, page, errors } = await newShopper()
    try {
      await addToCart(page, "kaffeebecher")
      await checkoutToPayment(page, listed)
      const cartId = await cartIdOf(context)
      const answer = await storeApi<ProvidersAnswer>(`/store/carts/${cartId}/payment-providers`)
      expect(answer.payment_providers.map((p) => p.id)).toEqual(["pp_prepayment_manual"])
      expect(await offered(page)).toEqual(["Prepayment (bank transfer)"])
      expect(answer.notice).toBeTruthy()
      expect(await page.locator('[data-testid="payment-notice"]').textContent()).toBe(answer.notice)
      expect(await page.locator("body").textContent()).not.toMatch(/negativ|blocked|gesperrt|offene Rechnungen|listed/i)
      await screenshot(page, "05-listed-person-payment")

      const orderId = await placeOrder(page, "Prepayment (bank transfer)")
      const { payment_instructions: expected } = await storeApi(`/store/orders/${orderId}/payment-instructions?cart_id=${cartId}`)
      const box = page.locator('[data-testid="payment-instructions"]')
      await box.waitFor({ state: "visible", timeout: 30000 })
      expect(await box.locator('[data-testid="payment-instructions-iban"]').textContent()).toBe("DE89 3704 0044 0532 0130 00")
      expect(await box.locator('[data-testid="payment-instructions-bic"]').textContent()).toBe("COBADEFFXXX")
      expect(await box.locator('[data-testid="payment-instructions-account-holder"]').textContent()).toBe(expected.account_holder)
      expect(await box.locator('[data-testid="payment-instructions-reference"]').textContent()).toBe(expected.reference)
      const amount = new Intl.NumberFormat("en-US", { style: "currency", currency: expected.currency_code }).format(expected.amount)
      expect(await box.locator('[data-testid="payment-instructions-amount"]').textContent()).toBe(amount)
      const qr = box.locator('[data-testid="payment-instructions-girocode"]')
      expect(await qr.getAttribute("src")).toBe(expected.epc_qr)
      expect(await qr.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0)).toBe(true)
      await screenshot(page, "06-prepayment-confirmation")
      expect(errors).toEqual([])

      // someone else with the confirmation's address sees the order but no bank details
      const other = await newShopper()
      try {
        await other.page.goto(page.url(), { waitUntil: "load", timeout: 120000 })
        await other.page.locator('[data-testid="order-complete-container"]').waitFor({ timeout: 60000 })
        expect(await other.page.locator('[data-testid="payment-instructions"]').count()).toBe(0)
      } finally {
        await other.context.close()
      }
    } catch (error) {
      await screenshot(page, "failure-listed-person").catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })
})
