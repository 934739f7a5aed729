import { showProblems } from "./address-check"
import { addressFields, field, readAddress } from "./address-form"
import { byId, h, render, show } from "./dom"
import { applyStaticTexts, t } from "./i18n"
import { errorMessage } from "./medusa"
import { checkAddress } from "./risk-api"
import { AddressInput, Cart, currentCart, currentRegion, saveDetails } from "./store"

/**
 * The details step: email, billing address, optionally a different shipping address. Fields
 * are checked by the plugin's address check as the shopper leaves them (only fields already
 * touched), and all of them on "continue": a problem is shown at its field and once as a
 * summary; pressing the button again with the same data continues anyway.
 */
export type Details = { email: string; billing_address: AddressInput; shipping_address: AddressInput }

export type DetailsForm = {
  /** fills the form from a restored cart (after a reload) */
  fillFrom(cart: Cart): void
  /** the form again instead of the summary (after an order, or "change") */
  expand(): void
  /** re-runs the address check so its messages follow the page language */
  refreshLanguage(): Promise<void>
  /** forgets warnings and the "continue anyway" state (after an order) */
  reset(): void
}

export function setupDetailsForm(options: { onConfirmed: () => Promise<void>; onChanged: () => void; onEdit: () => void }): DetailsForm {
  const form = byId<HTMLFormElement>("details-form")
  const summary = byId("address-summary")
  const status = byId("details-status")
  const submit = byId<HTMLButtonElement>("details-submit")
  const differentShipping = byId<HTMLInputElement>("different-shipping")
  const shippingFieldset = byId("shipping-fieldset")
  const summaryBox = byId("details-summary")
  const summaryText = byId("details-summary-text")
  // the shop's home country first (the demo region lists "at" before "de")
  const countries = (currentRegion().countries ?? [])
    .map((c) => c.iso_2!)
    .filter(Boolean)
    .sort((a, b) => (a === "de" ? -1 : b === "de" ? 1 : a.localeCompare(b)))

  render(byId("email-field"), field("email", "checkout.email", emailInput(), true))
  render(byId("billing-fields"), ...addressFields("billing_address", countries))
  render(byId("shipping-fields"), ...addressFields("shipping_address", countries))
  applyStaticTexts(form)

  const touched = new Set<string>()
  let warnedFor: string | null = null
  let fullCheckShown = false
  let liveTimer: number | undefined
  let confirmed: Details | null = null

  /** After "continue" the form folds into a short summary with a "change" button. */
  const renderSummary = () => {
    if (!confirmed) return
    const lines = (a: AddressInput) =>
      [`${a.first_name} ${a.last_name}`, a.company, a.address_1, a.address_2, `${a.postal_code} ${a.city}`, t(`country.${a.country_code}`)].filter(
        (line): line is string => !!line
      )
    const block = (title: string | null, items: string[]) =>
      h("p", {}, ...(title ? [h("strong", {}, title), h("br")] : []), ...items.flatMap((line, i) => (i ? [h("br"), line] : [line])))
    const same = JSON.stringify(confirmed.billing_address) === JSON.stringify(confirmed.shipping_address)
    render(
      summaryText,
      h("p", {}, confirmed.email),
      block(same ? null : t("checkout.billing"), lines(confirmed.billing_address)),
      same ? null : block(t("checkout.shipping"), lines(confirmed.shipping_address))
    )
  }
  const collapse = (details: Details) => {
    confirmed = details
    renderSummary()
    show(summaryBox, true)
    show(form, false)
  }
  const expand = () => {
    confirmed = null
    show(summaryBox, false)
    show(form, true)
  }
  byId("details-edit").addEventListener("click", () => {
    expand()
    options.onEdit()
    ;(form.elements.namedItem("email") as HTMLInputElement).focus()
  })

  const sameAddress = () => !differentShipping.checked
  const read = (): Details => {
    const billing_address = readAddress(form, "billing_address")
    return {
      email: (form.elements.namedItem("email") as HTMLInputElement).value.trim(),
      billing_address,
      shipping_address: sameAddress() ? { ...billing_address } : readAddress(form, "shipping_address"),
    }
  }
  const setSubmitText = (key: "checkout.continue" | "checkout.continueAnyway") => {
    submit.dataset.i18n = key
    submit.textContent = t(key)
  }

  const setShippingRequired = () => {
    show(shippingFieldset, !sameAddress())
    shippingFieldset.querySelectorAll<HTMLInputElement>("input").forEach((input) => {
      input.disabled = sameAddress()
    })
  }
  differentShipping.addEventListener("change", setShippingRequired)
  setShippingRequired()

  async function liveCheck() {
    const cart = currentCart()
    if (!cart || (!touched.size && !fullCheckShown)) return
    try {
      const result = await checkAddress(cart.id, read())
      showProblems(form, summary, result.problems, { sameAddress: sameAddress(), only: fullCheckShown ? undefined : touched })
    } catch {
      // the check is advice; the server checks again at payment time
    }
  }

  form.addEventListener("input", (event) => {
    // an edited field loses its warning until it is checked again (on leaving it, or on submit)
    const wrapper = (event.target as HTMLElement).closest<HTMLElement>("[data-field].has-problem")
    if (wrapper) {
      wrapper.classList.remove("has-problem")
      wrapper.querySelector("input, select")?.removeAttribute("aria-invalid")
      const slot = wrapper.querySelector<HTMLElement>(".problem")
      if (slot) show(slot, false)
    }
    if (warnedFor && warnedFor !== JSON.stringify(read())) setSubmitText("checkout.continue")
    options.onChanged()
  })
  form.addEventListener("change", (event) => {
    const name = (event.target as HTMLInputElement).name
    if (!name || name === "different-shipping") return
    touched.add(name)
    window.clearTimeout(liveTimer)
    liveTimer = window.setTimeout(liveCheck, 150)
  })

  form.addEventListener("submit", async (event) => {
    event.preventDefault()
    status.textContent = ""
    const cart = currentCart()
    if (!cart?.items?.length) {
      status.textContent = t("checkout.needItems")
      byId("products-heading").focus()
      return
    }
    if (!form.reportValidity()) return
    const details = read()
    const fingerprint = JSON.stringify(details)
    submit.disabled = true
    form.setAttribute("aria-busy", "true")
    status.textContent = t("checkout.saving")
    try {
      const saved = await saveDetails(details)
      const result = await checkAddress(saved.id)
      fullCheckShown = true
      const shown = showProblems(form, summary, result.problems, { sameAddress: sameAddress() })
      status.textContent = ""
      if (shown.length && warnedFor !== fingerprint) {
        warnedFor = fingerprint
        setSubmitText("checkout.continueAnyway")
        summary.focus()
        return
      }
      warnedFor = null
      setSubmitText("checkout.continue")
      collapse(details)
      await options.onConfirmed()
    } catch (error) {
      status.textContent = t("error.generic", { message: errorMessage(error) })
    } finally {
      submit.disabled = false
      form.removeAttribute("aria-busy")
    }
  })

  const fillFrom = (cart: Cart) => {
    const set = (name: string, value: string | null | undefined) => {
      const input = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null
      if (input && value) input.value = value
    }
    set("email", cart.email)
    const fields = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code", "phone"] as const
    const billing = cart.billing_address
    const shipping = cart.shipping_address
    for (const name of fields) set(`billing_address.${name}`, billing?.[name])
    const differs = !!shipping?.address_1 && fields.some((name) => (shipping?.[name] ?? "") !== (billing?.[name] ?? ""))
    differentShipping.checked = differs
    if (differs) for (const name of fields) set(`shipping_address.${name}`, shipping?.[name])
    setShippingRequired()
  }

  return {
    fillFrom,
    expand,
    async refreshLanguage() {
      renderSummary()
      if (fullCheckShown || touched.size) await liveCheck()
    },
    reset() {
      expand()
      warnedFor = null
      fullCheckShown = false
      touched.clear()
      setSubmitText("checkout.continue")
      showProblems(form, summary, [], { sameAddress: sameAddress() })
      status.textContent = ""
    },
  }
}

function emailInput(): HTMLInputElement {
  const input = document.createElement("input")
  input.type = "email"
  input.autocomplete = "email"
  input.required = true
  return input
}
