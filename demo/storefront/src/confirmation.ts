import { h, render } from "./dom"
import { money } from "./format"
import { t } from "./i18n"
import { providerLabel } from "./payment-methods"
import type { PlacedOrder } from "./place-order"

/** The order confirmation: number, total, method, email (the tips are rendered next to it). */
export function renderConfirmation(details: HTMLElement, order: PlacedOrder, providerId: string): void {
  const row = (label: string, value: string, wide = false) => h("div", { class: wide ? "wide" : null }, h("dt", {}, label), h("dd", {}, value))
  details.dataset.orderId = order.id
  render(
    details,
    row(t("confirmation.number"), `#${order.display_id}`),
    row(t("confirmation.total"), money(order.total, order.currency_code)),
    row(t("confirmation.method"), providerLabel(providerId)),
    row(t("confirmation.email"), order.email ?? "", true)
  )
}
