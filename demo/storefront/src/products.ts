import { announce, h, render } from "./dom"
import { money } from "./format"
import { t } from "./i18n"
import { errorMessage } from "./medusa"
import { addItem, currentRegion, Product } from "./store"

/** The region's products, each with a quantity field and an "add to cart" button. */
export function renderProducts(list: HTMLElement, products: Product[], onError: (message: string) => void): void {
  if (!products.length) {
    render(list, h("p", {}, t("products.empty")))
    return
  }
  render(list, ...products.map((product) => productCard(product, onError)))
}

function productCard(product: Product, onError: (message: string) => void): HTMLElement {
  const variant = product.variants?.[0]
  const price = variant?.calculated_price?.calculated_amount
  const currency = variant?.calculated_price?.currency_code ?? currentRegion().currency_code
  const qtyId = `qty-${product.id}`
  const quantity = h("input", { id: qtyId, type: "number", min: 1, max: 99, value: 1, inputmode: "numeric", class: "qty" })
  const button = h("button", { type: "button", class: "secondary", "aria-label": t("products.add.label", { title: product.title }) }, t("products.add"))
  button.addEventListener("click", async () => {
    if (!variant) return
    const count = Math.max(1, Math.min(99, Number(quantity.value) || 1))
    button.disabled = true
    try {
      await addItem(variant.id, count)
      announce(t("cart.added", { title: product.title }))
    } catch (error) {
      onError(t("error.generic", { message: errorMessage(error) }))
    } finally {
      button.disabled = false
    }
  })
  return h(
    "li",
    { class: "product", "data-handle": product.handle },
    h("h3", { class: "product-title" }, product.title),
    product.description ? h("p", { class: "muted" }, product.description) : null,
    h("p", { class: "price" }, price !== undefined && price !== null ? money(price, currency) : "–"),
    h("div", { class: "product-actions" }, h("label", { for: qtyId }, t("products.quantity")), quantity, button)
  )
}
