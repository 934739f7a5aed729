import { byId, show } from "./dom"
import { t } from "./i18n"
import { errorMessage } from "./medusa"
import { forgetPaymentMethods, loadPaymentMethods, PaymentElements, renderPaymentMethods, selectedProvider } from "./payment-methods"
import { PaymentRefused, PlacedOrder, placeOrder } from "./place-order"
import { renderSecurityTips } from "./security-tips"
import { currentCart, refreshCart } from "./store"

/**
 * The payment step: opens after the details are confirmed, lists the allowed methods with the
 * notice, the credit-check information and the payment tips, and places the order.
 */
export type PaymentStep = {
  open(): Promise<void>
  close(): void
  isOpen(): boolean
  /** reloads the list (the cart changed, or the page language) */
  reload(): Promise<void>
  rerender(): void
}

export function setupPaymentStep(onOrder: (order: PlacedOrder, providerId: string) => void): PaymentStep {
  const section = byId("payment-step")
  const form = byId<HTMLFormElement>("payment-form")
  const error = byId("payment-error")
  const button = byId<HTMLButtonElement>("place-order")
  const tips = byId("payment-tips")
  const els: PaymentElements = {
    live: byId("payment-live"),
    notice: byId("payment-notice"),
    creditNotice: byId("credit-notice"),
    list: byId("payment-methods"),
    count: byId("payment-count"),
  }
  let opened = false

  const showError = (message: string | null) => {
    error.textContent = message ?? ""
    show(error, !!message)
  }

  async function reload() {
    const cart = currentCart()
    if (!opened || !cart) return
    try {
      await Promise.all([loadPaymentMethods(els, cart.id), renderSecurityTips(tips, "payment", "h4")])
    } catch (e) {
      showError(t("error.generic", { message: errorMessage(e) }))
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault()
    showError(null)
    const providerId = selectedProvider(els.list)
    if (!providerId) {
      showError(t("payment.choose"))
      els.list.querySelector<HTMLInputElement>("input")?.focus()
      return
    }
    button.disabled = true
    button.textContent = t("payment.placing")
    section.setAttribute("aria-busy", "true")
    try {
      const cart = await refreshCart()
      const order = await placeOrder(cart, providerId)
      opened = false
      forgetPaymentMethods(els)
      onOrder(order, providerId)
    } catch (e) {
      if (e instanceof PaymentRefused) {
        showError(t("payment.refused"))
        await reload()
      } else {
        showError(t("payment.failed", { message: errorMessage(e) }))
      }
    } finally {
      button.disabled = false
      button.textContent = t("payment.place")
      section.removeAttribute("aria-busy")
    }
  })

  return {
    async open() {
      opened = true
      showError(null)
      show(section, true)
      await reload()
      byId("payment-heading").focus()
    },
    close() {
      opened = false
      show(section, false)
    },
    isOpen: () => opened,
    reload,
    rerender: () => renderPaymentMethods(els),
  }
}
