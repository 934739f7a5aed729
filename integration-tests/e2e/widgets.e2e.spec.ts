/**
 * Real-browser test of the plugin's order widgets in German (Debian Chromium via playwright-core,
 * demo store on its own database and port), with orders placed through the store API:
 * - the review widget offers "Bestellung stornieren" only on an order held for review, not on
 *   an unflagged one (which still may be put on the negative list);
 * - the risk widget puts every reason into sentences of the admin's language: a negative-list
 *   match names the matched fields, a first order the methods that stay, an address without
 *   house number its finding — never raw keys such as `allowed_classes`, `matched_on` or
 *   `house_number_missing` — and no line runs out of the card. The English admin too.
 * Screenshots go to .test-artifacts/e2e/ (git-ignored).
 */
import { Locator, Page } from "playwright-core"
import { adminToken, api, DemoStore, login, open, screenshot, startDemoStore } from "./demo-store"

jest.setTimeout(15 * 60 * 1000)

const PORT = Number(process.env.PAYMENT_RISK_E2E_WIDGETS_PORT || 9406)
const DATABASE = `payment_risk_e2e_widgets_${process.pid}`
const HOLD_RULE = "E2E: ab 1.000 € prüfen"
/** a key as the engine stores it (snake_case), or an engine code */
const RAW = /\b[a-z]+_[a-z_]+\b|allowed_classes|matched_on|house_number_missing/

type Address = { first_name: string; last_name: string; address_1: string; postal_code: string; city: string; country_code: string }

async function adminAt(store: DemoStore, lng: "de" | "en"): Promise<Page> {
  const context = await store.browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: lng === "de" ? "de-DE" : "en-US" })
  await context.addInitScript((value) => window.localStorage.setItem("lng", value), lng)
  const page = await context.newPage()
  await open(page, `${store.base}/app/login`, () => page.locator('input[name="email"]').waitFor({ timeout: 60000 }))
  await login(page)
  return page
}

/** An order of the demo store for `address`, paid with `providerId`, placed through the store API. */
async function placeOrder(base: string, input: { email: string; handle: string; providerId: string; address: Address }): Promise<{ id: string; display_id: number }> {
  const auth = { authorization: `Bearer ${await adminToken(base)}` }
  const { api_keys } = await api<{ api_keys: Array<{ title: string; token: string }> }>(base, "/admin/api-keys?type=publishable&limit=50", { headers: auth })
  const headers = { "x-publishable-api-key": api_keys.find((k) => k.title === "Demo-Shop Storefront")!.token }
  const { regions } = await api(base, "/admin/regions?name=Deutschland", { headers: auth })
  const { products } = await api(base, `/admin/products?handle=${input.handle}&fields=id,*variants`, { headers: auth })
  const { cart } = await api(base, "/store/carts", {
    headers,
    body: {
      region_id: regions[0].id,
      email: input.email,
      items: [{ variant_id: products[0].variants[0].id, quantity: 1 }],
      shipping_address: input.address,
      billing_address: input.address,
    },
  })
  const { shipping_options } = await api(base, `/store/shipping-options?cart_id=${cart.id}`, { headers })
  await api(base, `/store/carts/${cart.id}/shipping-methods`, { headers, body: { option_id: shipping_options[0].id } })
  const { payment_collection } = await api(base, "/store/payment-collections", { headers, body: { cart_id: cart.id } })
  await api(base, `/store/payment-collections/${payment_collection.id}/payment-sessions`, { headers, body: { provider_id: input.providerId } })
  const completed = await api(base, `/store/carts/${cart.id}/complete`, { headers, body: {} })
  if (completed.type !== "order") throw new Error(`cart not completed: ${JSON.stringify(completed)}`)
  return completed.order
}

/** Polls until `check` holds (review state and assessments are written after the order). */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 60000) {
  const end = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

/** Opens an order and waits until both widgets have their data. */
async function openOrder(page: Page, base: string, orderId: string): Promise<{ assessment: Locator; review: Locator }> {
  const assessment = page.getByTestId("payment-risk-order-assessment")
  const review = page.getByTestId("payment-risk-order-review")
  await open(page, `${base}/app/orders/${orderId}`, async () => {
    await assessment.getByTestId("assessment-reason").first().waitFor({ timeout: 60000 })
    await review.getByTestId("review-status").waitFor({ timeout: 60000 })
  })
  return { assessment, review }
}

/** No text of the widget runs out of it (the card does not scroll sideways, no child is wider). */
async function fitsItsCard(widget: Locator) {
  const overflow = await widget.evaluate((card) => {
    const width = card.getBoundingClientRect().right
    const wider = [...card.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().right > width + 1).map((el) => el.textContent?.slice(0, 60))
    return { scrolls: card.scrollWidth > card.clientWidth + 1, wider }
  })
  expect(overflow).toEqual({ scrolls: false, wider: [] })
}

describe("order widgets in a real browser", () => {
  let store: DemoStore
  let listed: { id: string; display_id: number }
  let implausible: { id: string; display_id: number }
  let held: { id: string; display_id: number }

  beforeAll(async () => {
    store = await startDemoStore(PORT, DATABASE)
    const base = store.base
    const auth = { authorization: `Bearer ${await adminToken(base)}` }
    await api(base, "/admin/payment-risk/negative-list", {
      headers: auth,
      body: { kind: "person", first_name: "Max", last_name: "Betrüger", address_1: "Lindenweg 7", postal_code: "20095", city: "Hamburg", country_code: "de", reason: "Drei Rücklastschriften", source: "return_debit" },
    })
    await api(base, "/admin/payment-risk/rules", {
      headers: auth,
      body: {
        name: HOLD_RULE,
        priority: 1,
        conditions: { type: "group", combinator: "and", children: [{ type: "condition", attribute: "cart.total", operator: "gte", value: 1000 }] },
        actions: [{ type: "flag_review" }],
      },
    })
    const stamp = Date.now()
    // a spelling variant of the listed person: prepayment only, the match named field by field
    listed = await placeOrder(base, {
      email: `max.${stamp}@example.com`, handle: "kaffeebecher", providerId: "pp_prepayment_manual",
      address: { first_name: "Max", last_name: "Betrueger", address_1: "Lindenweg 7", postal_code: "20095", city: "Hamburg", country_code: "de" },
    })
    // a street without house number
    implausible = await placeOrder(base, {
      email: `paula.${stamp}@example.com`, handle: "kaffeebecher", providerId: "pp_cash-on-delivery_manual",
      address: { first_name: "Paula", last_name: "Probe", address_1: "Gartenweg", postal_code: "80331", city: "München", country_code: "de" },
    })
    // a camera of 1,299 €: held for review by the rule
    held = await placeOrder(base, {
      email: `karl.${stamp}@example.com`, handle: "systemkamera", providerId: "pp_prepayment_manual",
      address: { first_name: "Karl", last_name: "Kamera", address_1: "Am Markt 3", postal_code: "04109", city: "Leipzig", country_code: "de" },
    })
    await eventually(async () => {
      const { reviews } = await api<{ reviews: Array<{ order_id: string }> }>(base, "/admin/payment-risk/reviews?status=pending", { headers: auth })
      return reviews.some((review) => review.order_id === held.id)
    }, "the held order in the review queue")
  })

  afterAll(async () => {
    await store?.stop("demo-store-widgets.log")
  })

  it("should offer to cancel only an order held for review", async () => {
    const page = await adminAt(store, "de")
    try {
      const unflagged = await openOrder(page, store.base, listed.id)
      await unflagged.review.getByTestId("review-status").getByText("Nicht markiert").waitFor({ timeout: 30000 })
      // listing stays possible; approving and cancelling are for held orders only
      await unflagged.review.getByRole("button", { name: "Auf die Negativliste", exact: true }).waitFor()
      expect(await unflagged.review.getByRole("button", { name: "Bestellung stornieren" }).count()).toBe(0)
      expect(await unflagged.review.getByRole("button", { name: "Freigeben" }).count()).toBe(0)
      await unflagged.review.scrollIntoViewIfNeeded()
      await screenshot(page, "widgets-01-unflagged-review")

      // the same widget on a held order has both
      const flagged = await openOrder(page, store.base, held.id)
      await flagged.review.getByTestId("review-status").getByText("Wartet auf Prüfung").waitFor({ timeout: 30000 })
      await flagged.review.getByTestId("review-reasons").getByText(HOLD_RULE).waitFor()
      await flagged.review.getByRole("button", { name: "Bestellung stornieren", exact: true }).waitFor()
      await flagged.review.getByRole("button", { name: "Freigeben", exact: true }).waitFor()
      await flagged.review.scrollIntoViewIfNeeded()
      await screenshot(page, "widgets-02-held-review")
    } catch (error) {
      await screenshot(page, "widgets-review-failure").catch(() => {})
      throw error
    } finally {
      await page.context().close()
    }
  })

  it("should explain hidden payment methods in German sentences without raw keys, inside the card", async () => {
    const page = await adminAt(store, "de")
    try {
      const match = await openOrder(page, store.base, listed.id)
      const reasons = await match.assessment.getByTestId("assessment-reason").allInnerTexts()
      const all = reasons.join("\n")
      expect(all).toMatch(/Treffer auf der Negativliste \(Person, Ähnlichkeit \d+ %\) bei Nachname, Vorname, Straße, Hausnummer, PLZ, Ort/)
      expect(all).toMatch(/Neukunde: 0 von 1 bezahlten Bestellungen nötig/)
      expect(all).toMatch(/Weiter angeboten: Vorkasse/)
      const widgetText = await match.assessment.innerText()
      expect(widgetText).not.toMatch(RAW)
      await fitsItsCard(match.assessment)
      await match.assessment.scrollIntoViewIfNeeded()
      await screenshot(page, "widgets-03-assessment-match")

      const finding = await openOrder(page, store.base, implausible.id)
      const findings = await finding.assessment.getByTestId("assessment-plausibility").innerText()
      expect(findings).toBe("Rechnungsadresse: Hausnummer fehlt; Lieferadresse: Hausnummer fehlt")
      expect((await finding.assessment.getByTestId("assessment-reason").allInnerTexts()).join("\n")).toMatch(/Unplausible Angaben: Rechnungsadresse: Hausnummer fehlt/)
      expect(await finding.assessment.innerText()).not.toMatch(RAW)
      await fitsItsCard(finding.assessment)
      await finding.assessment.scrollIntoViewIfNeeded()
      await screenshot(page, "widgets-04-assessment-finding")
    } catch (error) {
      await screenshot(page, "widgets-assessment-failure").catch(() => {})
      throw error
    } finally {
      await page.context().close()
    }

    // the English admin puts the same reasons into English words
    const english = await adminAt(store, "en")
    try {
      const match = await openOrder(english, store.base, listed.id)
      const all = (await match.assessment.getByTestId("assessment-reason").allInnerTexts()).join("\n")
      expect(all).toMatch(/Match on the negative list \(person, score \d+ %\) on last name, first name, street, house number, postcode, city/i)
      expect(await match.assessment.innerText()).not.toMatch(RAW)
    } catch (error) {
      await screenshot(english, "widgets-english-failure").catch(() => {})
      throw error
    } finally {
      await english.context().close()
    }
  })
})
