import { announce, h, render } from "./dom"
import { money } from "./format"
import { t } from "./i18n"
import { errorMessage } from "./medusa"
import { Cart, removeItem } from "./store"

/** The cart's lines with a remove button each, shipping and the total. */
export function renderCartSummary(container: HTMLElement, cart: Cart | null, onError: (message: string) => void): void {
  const items = cart?.items ?? []
  if (!cart || !items.length) {
    render(container, h("p", { class: "muted" }, t("cart.empty")))
    return
  }
  const currency = cart.currency_code
  const lines = items.map((item) => {
    const remove = h("button", { type: "button", class: "link", "aria-label": t("cart.remove.label", { title: item.product_title ?? item.title }) }, t("cart.remove"))
    remove.addEventListener("click", async () => {
      remove.disabled = true
      try {
        await removeItem(item.id)
        announce(t("cart.removed", { title: item.product_title ?? item.title }))
      } catch (error) {
        onError(t("error.generic", { message: errorMessage(error) }))
        remove.disabled = false
      }
    })
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, `${item.quantity} × ${item.product_title ?? item.title}`),
      h("td", { class: "num" }, money(item.total ?? item.unit_price * item.quantity, currency)),
      h("td", {}, remove)
    )
  })
  const row = (label: string, amount: number | undefined, cls = "") =>
    h("tr", { class: cls }, h("th", { scope: "row" }, label), h("td", { class: "num" }, money(amount, currency)), h("td", {}))
  render(
    container,
    h(
      "table",
      { class: "cart-table" },
      h("caption", { class: "visually-hidden" }, t("cart.heading")),
      h("tbody", {}, ...lines),
      h(
        "tfoot",
        {},
        row(t("cart.subtotal"), cart.item_total),
        cart.shipping_methods?.length ? row(t("cart.shipping"), cart.shipping_total) : null,
        row(t("cart.total"), cart.total, "total")
      )
    )
  )
}
