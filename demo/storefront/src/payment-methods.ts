import { h, render, show } from "./dom"
import { hasText, t } from "./i18n"
import { listPaymentProviders, PaymentProviders } from "./risk-api"

/**
 * The payment methods the plugin allows for this cart, as a radio group, with the neutral notice
 * (when something is hidden) and the credit-check information above it. The list sits in an
 * aria-live region, so screen readers hear the result when it changes.
 */
export const providerLabel = (id: string): string => (hasText(`provider.${id}`) ? t(`provider.${id}`) : id)

export type PaymentElements = {
  live: HTMLElement // aria-live container
  notice: HTMLElement
  creditNotice: HTMLElement
  list: HTMLElement // <div> inside the fieldset
  count: HTMLElement
}

let last: PaymentProviders | null = null

export async function loadPaymentMethods(els: PaymentElements, cartId: string): Promise<PaymentProviders> {
  els.live.setAttribute("aria-busy", "true")
  render(els.count, t("payment.loading"))
  try {
    last = await listPaymentProviders(cartId)
    renderPaymentMethods(els)
    return last
  } finally {
    els.live.removeAttribute("aria-busy")
  }
}

/** Renders the last answer again (after a language switch the texts of the page change). */
export function renderPaymentMethods(els: PaymentElements): void {
  if (!last) return
  const selected = selectedProvider(els.list)
  const providers = last.payment_providers.filter((p) => p.is_enabled)

  els.notice.textContent = last.notice ?? ""
  show(els.notice, !!last.notice)
  const creditText = els.creditNotice.querySelector<HTMLElement>("[data-credit-text]")
  if (creditText) creditText.textContent = last.credit_check_notice ?? ""
  show(els.creditNotice, !!last.credit_check_notice)

  render(
    els.list,
    ...providers.map((provider) => {
      const id = `pay-${provider.id}`
      const hintId = `${id}-hint`
      const hint = hasText(`provider.hint.${provider.id}`) ? t(`provider.hint.${provider.id}`) : ""
      const card = h(
        "div",
        { class: "method" },
        h("input", {
          type: "radio",
          name: "provider_id",
          id,
          value: provider.id,
          required: true,
          checked: provider.id === selected || providers.length === 1,
          "aria-describedby": hint ? hintId : null,
        }),
        h("div", { class: "method-text" }, h("label", { for: id, class: "method-name" }, providerLabel(provider.id)), hint ? h("p", { class: "muted", id: hintId }, hint) : null)
      )
      // the whole card selects the method (the label already does)
      card.addEventListener("click", (event) => {
        const target = event.target as Element
        if (!target.closest("input, label")) card.querySelector<HTMLInputElement>("input")?.click()
      })
      return card
    })
  )
  render(
    els.count,
    providers.length === 0 ? t("payment.none") : providers.length === 1 ? t("payment.count.one") : t("payment.count", { count: providers.length })
  )
}

export function selectedProvider(list: HTMLElement): string | null {
  return list.querySelector<HTMLInputElement>('input[name="provider_id"]:checked')?.value ?? null
}

export function forgetPaymentMethods(els: PaymentElements): void {
  last = null
  render(els.list)
  render(els.count)
  show(els.notice, false)
  show(els.creditNotice, false)
}
