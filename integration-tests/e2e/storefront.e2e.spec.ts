/**
 * Real-browser test of the demo storefront (Debian Chromium via playwright-core): starts the demo
 * store (`scripts/demo.mjs`: `medusa develop` plus the storefront) on its own database and ports,
 * and shops like a person:
 *   1. a first order: the address check warns at the fields, then only cash on delivery and
 *      prepayment are offered, with the neutral notice and the checkout tips; the English switch
 *      changes the texts; the order is placed with cash on delivery (confirmation with its tips),
 *   2. the merchant records the payment (capture in the admin API),
 *   3. a repeat order with the same email offers invoice, without the notice, and is placed with it,
 *   4. a listed person (negative list) gets prepayment only, with the same neutral notice.
 * Screenshots go to .test-artifacts/e2e/storefront-*.png (git-ignored).
 */
import fs from "node:fs"
import path from "node:path"
import { Page } from "playwright-core"
import { adminToken, api, DemoStore, ROOT, screenshot, startDemoStore } from "./demo-store"
import {
  addToCart,
  billingField,
  cartId,
  continueToPayment,
  fillDetails,
  offeredMethods,
  openShop,
  placeOrder,
  ShopperDetails,
  waitForTipTitles,
} from "./storefront-page"

jest.setTimeout(15 * 60 * 1000)

const PORT = Number(process.env.PAYMENT_RISK_E2E_STOREFRONT_API_PORT || 9410)
const STOREFRONT_PORT = Number(process.env.PAYMENT_RISK_E2E_STOREFRONT_PORT || 8410)
const DATABASE = `payment_risk_e2e_storefront_${process.pid}`
/** Tips are asserted when the plugin has the store tips route (it is built in parallel). */
const HAS_TIPS_ROUTE = fs.existsSync(path.join(ROOT, "src/api/store/security-tips/route.ts"))

const COD = "pp_cash-on-delivery_manual"
const PREPAYMENT = "pp_prepayment_manual"
const INVOICE = "pp_invoice_manual"

type ProvidersAnswer = { payment_providers: Array<{ id: string }>; notice: string | null; credit_check_notice: string | null }

describe("demo storefront in a real browser", () => {
  let store: DemoStore & { storefront: string; publishableKey: string }

  const storeApi = <T = any>(url: string) => api<T>(store.base, url, { headers: { "x-publishable-api-key": store.publishableKey } })
  const providersFor = async (page: Page, locale: "de" | "en") => {
    const id = await cartId(page)
    if (!id) throw new Error("the page has no cart")
    return storeApi<ProvidersAnswer>(`/store/carts/${id}/payment-providers?locale=${locale}`)
  }
  /** What the tips route answers (no route: no tips, which the page must show as none). */
  const expectedTips = async (placement: string): Promise<string[]> => {
    if (!HAS_TIPS_ROUTE) return []
    const { tips } = await storeApi<{ tips: Array<{ title: string }> }>(`/store/security-tips?placement=${placement}&locale=de`)
    return tips.map((tip) => tip.title)
  }

  async function shopPage(): Promise<Page> {
    const context = await store.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "de-DE" })
    const page = await context.newPage()
    const errors: string[] = []
    page.on("pageerror", (error) => errors.push(error.message))
    ;(page as Page & { errors: string[] }).errors = errors
    await openShop(page, store.storefront)
    return page
  }

  beforeAll(async () => {
    store = (await startDemoStore(PORT, DATABASE, { storefrontPort: STOREFRONT_PORT })) as typeof store
  })

  afterAll(async () => {
    await store?.stop("demo-store-storefront.log")
  })

  it("should offer only cash on delivery and prepayment to a first order, and invoice after it was paid", async () => {
    const page = await shopPage()
    const email = `erstkunde.${Date.now()}@example.com`
    const shopper: ShopperDetails = {
      email,
      first_name: "Erika",
      last_name: "Muster",
      address_1: "Hauptstraße 5",
      postal_code: "10115",
      city: "Berlin",
    }
    try {
      // the checkout tips are there from the start
      const checkoutTips = await expectedTips("checkout")
      if (HAS_TIPS_ROUTE) expect(checkoutTips.length).toBeGreaterThan(0)
      expect(await waitForTipTitles(page, "#checkout-tips", checkoutTips)).toEqual(checkoutTips)

      // 1. first order; the address check warns at the street (no house number) and the postcode
      await addToCart(page, "Baumwoll-T-Shirt")
      await fillDetails(page, { ...shopper, address_1: "Hauptstraße", postal_code: "1011" })
      await continueToPayment(page)
      await page.locator("#address-summary").waitFor({ state: "visible", timeout: 60000 })
      for (const field of ["address_1", "postal_code"] as const) {
        await page.locator(`#billing_address-${field}-problem`).waitFor({ state: "visible", timeout: 10000 })
        expect(await billingField(page, field).getAttribute("aria-invalid")).toBe("true")
      }
      expect(await page.locator("#billing_address-city-problem").isVisible()).toBe(false)
      expect(await page.locator("#details-submit").textContent()).toBe("Angaben trotzdem verwenden")
      expect(await page.locator("#payment-step").isVisible()).toBe(false)
      await screenshot(page, "storefront-01-address-check")

      await fillDetails(page, { address_1: shopper.address_1, postal_code: shopper.postal_code })
      await continueToPayment(page)
      expect((await offeredMethods(page)).sort()).toEqual([COD, PREPAYMENT].sort())
      expect(await page.locator("#address-summary").isVisible()).toBe(false)
      const firstDe = await providersFor(page, "de")
      expect(firstDe.payment_providers.map((p) => p.id).sort()).toEqual([COD, PREPAYMENT].sort())
      expect(firstDe.notice).toBeTruthy()
      expect(await page.locator("#payment-notice").textContent()).toBe(firstDe.notice)
      expect(await page.getByRole("radio", { name: "Nachnahme", exact: true }).isVisible()).toBe(true)
      expect(await page.getByRole("radio", { name: "Vorkasse (Überweisung)", exact: true }).isVisible()).toBe(true)
      expect(await page.locator("#payment-count").textContent()).toBe("2 Zahlungsarten verfügbar.")
      const paymentTips = await expectedTips("payment")
      expect(await waitForTipTitles(page, "#payment-tips", paymentTips)).toEqual(paymentTips)
      await screenshot(page, "storefront-02-first-order")

      // the English switch: texts and the server's notice follow
      await page.getByRole("button", { name: "Switch to English" }).click()
      await page.getByRole("heading", { name: "Payment method", exact: true }).waitFor({ timeout: 10000 })
      const firstEn = await providersFor(page, "en")
      await page.waitForFunction((text) => document.getElementById("payment-notice")?.textContent === text, firstEn.notice, { timeout: 30000 })
      expect(firstEn.notice).not.toBe(firstDe.notice)
      await page.getByRole("radio", { name: "Cash on delivery", exact: true }).waitFor({ timeout: 10000 })
      await screenshot(page, "storefront-03-first-order-en")
      await page.getByRole("button", { name: "Auf Deutsch umschalten" }).click()
      await page.waitForFunction((text) => document.getElementById("payment-notice")?.textContent === text, firstDe.notice, { timeout: 30000 })

      const firstOrderId = await placeOrder(page, "Nachnahme")
      const confirmationTips = await expectedTips("order_confirmation")
      expect(await waitForTipTitles(page, "#confirmation-tips", confirmationTips)).toEqual(confirmationTips)
      expect(await page.locator("#confirmation-details").textContent()).toContain("Nachnahme")
      await screenshot(page, "storefront-04-confirmation")

      // 2. the merchant records the payment: capture in the admin
      const auth = { authorization: `Bearer ${await adminToken(store.base)}` }
      const { order } = await api(store.base, `/admin/orders/${firstOrderId}?fields=id,email,*payment_collections,*payment_collections.payments`, { headers: auth })
      expect(order.email).toBe(email)
      const payment = order.payment_collections[0].payments[0]
      await api(store.base, `/admin/payments/${payment.id}/capture`, { method: "POST", body: {}, headers: auth })

      // 3. a repeat order with the same details offers invoice, and nothing is hidden
      await page.getByRole("button", { name: "Weitere Bestellung aufgeben" }).click()
      await addToCart(page, "Baumwoll-T-Shirt")
      expect(await page.getByRole("textbox", { name: "E-Mail-Adresse", exact: true }).inputValue()).toBe(email)
      await continueToPayment(page)
      const repeat = await offeredMethods(page)
      expect(repeat).toEqual(expect.arrayContaining([COD, PREPAYMENT, INVOICE]))
      const repeatDe = await providersFor(page, "de")
      expect(repeat.sort()).toEqual(repeatDe.payment_providers.map((p) => p.id).sort())
      expect(repeatDe.notice).toBeNull()
      expect(await page.locator("#payment-notice").isVisible()).toBe(false)
      expect(await page.getByRole("radio", { name: "Rechnung", exact: true }).isVisible()).toBe(true)
      await screenshot(page, "storefront-05-repeat-order")

      const repeatOrderId = await placeOrder(page, "Rechnung")
      expect(repeatOrderId).not.toBe(firstOrderId)
      expect(await page.locator("#confirmation-details").textContent()).toContain("Rechnung")
      await screenshot(page, "storefront-06-repeat-confirmation")
      expect((page as Page & { errors: string[] }).errors).toEqual([])
    } catch (error) {
      await screenshot(page, "storefront-failure").catch(() => {})
      throw error
    } finally {
      await page.context().close()
    }
  })

  it("should offer only prepayment to a listed person, with the same neutral notice", async () => {
    const auth = { authorization: `Bearer ${await adminToken(store.base)}` }
    const listed = { first_name: "Max", last_name: "Betrüger", address_1: "Lindenweg 7", postal_code: "20095", city: "Hamburg" }
    await api(store.base, "/admin/payment-risk/negative-list", {
      body: { kind: "person", ...listed, country_code: "de", reason: "E2E: offene Rechnungen" },
      headers: auth,
    })

    const page = await shopPage()
    try {
      await addToCart(page, "Kaffeebecher")
      await fillDetails(page, { email: `max.${Date.now()}@example.com`, ...listed })
      await continueToPayment(page)
      expect(await offeredMethods(page)).toEqual([PREPAYMENT])
      const answer = await providersFor(page, "de")
      expect(answer.payment_providers.map((p) => p.id)).toEqual([PREPAYMENT])
      // the same neutral text as for any first order: nothing tells the shopper why
      expect(await page.locator("#payment-notice").textContent()).toBe(answer.notice)
      expect(await page.locator("#payment-count").textContent()).toBe("1 Zahlungsart verfügbar.")
      expect(await page.locator("#payment-step").textContent()).not.toMatch(/Negativliste|negative list|gesperrt|blocked/i)
      await screenshot(page, "storefront-07-listed-person")
      expect((page as Page & { errors: string[] }).errors).toEqual([])
    } catch (error) {
      await screenshot(page, "storefront-failure-listed").catch(() => {})
      throw error
    } finally {
      await page.context().close()
    }
  })
})
