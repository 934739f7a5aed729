import { renderCartSummary } from "./cart-summary"
import { loadConfig } from "./config"
import { renderConfirmation } from "./confirmation"
import { setupDetailsForm } from "./details-form"
import { byId, show } from "./dom"
import { applyStaticTexts, locale, onLocaleChange, setLocale, t } from "./i18n"
import { errorMessage, initSdk, onServerWait } from "./medusa"
import { setupPaymentStep } from "./payment-step"
import type { PlacedOrder } from "./place-order"
import { renderProducts } from "./products"
import { renderSecurityTips } from "./security-tips"
import { currentCart, loadProducts, loadRegion, onCartChange, Product, restoreCart } from "./store"

/**
 * Demo storefront of medusa-payment-risk: products → details (with the address check) →
 * payment methods allowed for this cart (notice, credit-check information, tips) → order.
 */
const pageError = byId("page-error")
const showPageError = (message: string | null) => {
  pageError.textContent = message ?? ""
  show(pageError, !!message)
}

async function boot() {
  applyStaticTexts()
  const langSwitch = byId("lang-switch")
  // the button names the other language, in that language
  const markLanguage = () => (langSwitch.lang = locale() === "de" ? "en" : "de")
  markLanguage()
  langSwitch.addEventListener("click", () => {
    setLocale(locale() === "de" ? "en" : "de")
    markLanguage()
  })

  const config = await loadConfig()
  onServerWait((waiting) => showPageError(waiting ? t("error.starting") : null))
  initSdk(config)
  await loadRegion(config.regionName)

  const productList = byId("product-list")
  const cartSummary = byId("cart-summary")
  const checkoutTips = byId("checkout-tips")
  const confirmation = byId("confirmation")
  const confirmationTips = byId("confirmation-tips")
  const shop = byId("shop")
  let products: Product[] = []
  let lastOrder: { order: PlacedOrder; providerId: string } | null = null

  const payment = setupPaymentStep((order, providerId) => {
    lastOrder = { order, providerId }
    payment.close()
    show(shop, false)
    show(confirmation, true)
    renderConfirmation(byId("confirmation-details"), order, providerId)
    void renderSecurityTips(confirmationTips, "order_confirmation", "h4")
    byId("confirmation-heading").focus()
    window.scrollTo(0, 0)
  })
  const details = setupDetailsForm({
    onConfirmed: () => payment.open(),
    onEdit: () => payment.close(),
    onChanged: () => {
      if (!payment.isOpen()) return
      payment.close()
      byId("details-status").textContent = t("checkout.changed")
    },
  })

  let itemsKey = ""
  onCartChange((cart) => {
    renderCartSummary(cartSummary, cart, showPageError)
    const key = JSON.stringify((cart?.items ?? []).map((i) => [i.id, i.quantity]))
    if (key !== itemsKey && payment.isOpen()) void payment.reload()
    itemsKey = key
  })

  byId("order-again").addEventListener("click", () => {
    lastOrder = null
    details.reset()
    show(confirmation, false)
    show(shop, true)
    renderCartSummary(cartSummary, currentCart(), showPageError)
    byId("products-heading").focus()
  })

  onLocaleChange(() => {
    renderProducts(productList, products, showPageError)
    renderCartSummary(cartSummary, currentCart(), showPageError)
    void renderSecurityTips(checkoutTips, "checkout")
    void details.refreshLanguage()
    if (payment.isOpen()) void payment.reload()
    if (lastOrder) {
      renderConfirmation(byId("confirmation-details"), lastOrder.order, lastOrder.providerId)
      void renderSecurityTips(confirmationTips, "order_confirmation", "h4")
    }
  })

  const [loaded] = await Promise.all([loadProducts(), restoreCart(), renderSecurityTips(checkoutTips, "checkout")])
  products = loaded
  const restored = currentCart()
  if (restored) details.fillFrom(restored)
  renderProducts(productList, products, showPageError)
  renderCartSummary(cartSummary, currentCart(), showPageError)
  document.body.dataset.ready = "true"
}

boot().catch((error) => showPageError(t("error.load", { message: errorMessage(error) })))
