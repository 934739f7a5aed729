import { h, render, show } from "./dom"
import { fieldId } from "./address-form"
import { t } from "./i18n"
import type { AddressProblem } from "./risk-api"

/**
 * Shows the plugin's address check per field: the message under the field (linked with
 * aria-describedby), aria-invalid on the input, and a summary with links to the fields.
 * With one address for both, problems of the (copied) shipping address are shown at the billing fields.
 */
export function showProblems(
  form: HTMLFormElement,
  summary: HTMLElement,
  problems: AddressProblem[],
  options: { sameAddress: boolean; only?: Set<string> }
): AddressProblem[] {
  const byField = new Map<string, AddressProblem>()
  for (const problem of problems) {
    const target = options.sameAddress ? problem.field.replace(/^shipping_address\./, "billing_address.") : problem.field
    if (options.only && !options.only.has(target)) continue
    if (!byField.has(target)) byField.set(target, { ...problem, field: target })
  }

  form.querySelectorAll<HTMLElement>("[data-field]").forEach((wrapper) => {
    const name = wrapper.dataset.field!
    if (options.only && !options.only.has(name)) return
    const problem = byField.get(name)
    const input = form.elements.namedItem(name) as HTMLInputElement | null
    const slot = wrapper.querySelector<HTMLElement>(".problem")
    wrapper.classList.toggle("has-problem", !!problem)
    if (input) {
      if (problem) input.setAttribute("aria-invalid", "true")
      else input.removeAttribute("aria-invalid")
    }
    if (slot) {
      slot.textContent = problem?.message ?? ""
      show(slot, !!problem)
    }
  })

  const shown = [...byField.values()].filter((p) => form.elements.namedItem(p.field))
  if (!options.only) {
    render(
      summary,
      ...(shown.length
        ? [
            h("p", { class: "summary-title" }, t("checkout.problems")),
            h("ul", {}, ...shown.map((p) => h("li", {}, h("a", { href: `#${fieldId(p.field)}` }, p.message)))),
            h("p", { class: "muted" }, t("checkout.problemsHint")),
          ]
        : [])
    )
    show(summary, shown.length > 0)
  }
  return shown
}

export function clearProblems(form: HTMLFormElement, summary: HTMLElement): void {
  showProblems(form, summary, [], { sameAddress: false })
}
