/**
 * Shopper actions on the demo storefront (demo/storefront) for the real-browser test: add a
 * product, fill in the details, continue to payment, read the offered methods, place the order.
 * Selectors are the page's accessible names (German UI), so the test also checks labels.
 */
import { Locator, Page } from "playwright-core"

export const CART_STORAGE_KEY = "payment-risk-demo-cart" // demo/storefront/src/store.ts

export type ShopperDetails = {
  email: string
  first_name: string
  last_name: string
  address_1: string
  postal_code: string
  city: string
}

const LABELS: Record<Exclude<keyof ShopperDetails, "email">, string> = {
  first_name: "Vorname",
  last_name: "Nachname",
  address_1: "Straße und Hausnummer",
  postal_code: "PLZ",
  city: "Ort",
}

export const billingField = (page: Page, name: keyof typeof LABELS): Locator =>
  page.getByRole("group", { name: "Rechnungsadresse" }).getByRole("textbox", { name: LABELS[name], exact: true })

export async function openShop(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: "load", timeout: 60000 })
  await page.locator("body[data-ready=true]").waitFor({ timeout: 60000 })
}

export async function addToCart(page: Page, title: string): Promise<void> {
  await page.getByRole("button", { name: `${title} in den Warenkorb`, exact: true }).click()
  await page.locator("#cart-summary").getByText(`× ${title}`).waitFor({ timeout: 60000 })
}

export async function fillDetails(page: Page, details: Partial<ShopperDetails>): Promise<void> {
  if (details.email !== undefined) await page.getByRole("textbox", { name: "E-Mail-Adresse", exact: true }).fill(details.email)
  for (const name of Object.keys(LABELS) as Array<keyof typeof LABELS>) {
    if (details[name] !== undefined) await billingField(page, name).fill(details[name]!)
  }
}

/** "Weiter zur Zahlung" (or "Angaben trotzdem verwenden" after a warning). */
export async function continueToPayment(page: Page): Promise<void> {
  await page.locator("#details-submit").click()
}

/** Waits for the payment step and returns the offered provider ids in page order. */
export async function offeredMethods(page: Page): Promise<string[]> {
  const step = page.locator("#payment-step")
  await step.getByRole("radio").first().waitFor({ timeout: 60000 })
  await page.waitForFunction(() => !document.getElementById("payment-live")?.hasAttribute("aria-busy"))
  return step.getByRole("radio").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value))
}

export const cartId = (page: Page): Promise<string | null> =>
  page.evaluate((key) => window.sessionStorage.getItem(key), CART_STORAGE_KEY)

/** Chooses the method by its label and places the order; returns the order id from the confirmation. */
export async function placeOrder(page: Page, methodLabel: string): Promise<string> {
  await page.getByRole("radio", { name: methodLabel, exact: true }).check()
  await page.getByRole("button", { name: "Zahlungspflichtig bestellen", exact: true }).click()
  await page.getByRole("heading", { name: "Vielen Dank für Ihre Bestellung!" }).waitFor({ timeout: 60000 })
  const orderId = await page.locator("#confirmation-details").getAttribute("data-order-id")
  if (!orderId) throw new Error("confirmation without order id")
  return orderId
}

/**
 * Waits until the tips box `selector` shows exactly these titles (hidden when none) and returns
 * what it shows; the box gets `data-tip-count` once the page has asked the tips route.
 */
export async function waitForTipTitles(page: Page, selector: string, expected: string[], timeout = 30000): Promise<string[]> {
  const read = () =>
    page.evaluate((sel) => {
      const box = document.querySelector<HTMLElement>(sel)
      if (!box || !box.hasAttribute("data-tip-count")) return null
      return { hidden: box.hidden, titles: Array.from(box.querySelectorAll(".tip-title"), (el) => el.textContent ?? "") }
    }, selector)
  const end = Date.now() + timeout
  let shown = await read()
  while (Date.now() < end) {
    if (shown && JSON.stringify(shown.titles) === JSON.stringify(expected) && shown.hidden === (expected.length === 0)) break
    await page.waitForTimeout(200)
    shown = await read()
  }
  return shown?.hidden ? [] : shown?.titles ?? []
}
