import { h } from "./dom"
import type { AddressInput } from "./store"

/**
 * The address fields of the details form, built once for the billing and the shipping address.
 * Field names follow the store API (`billing_address.postal_code`), ids replace the dot with a
 * dash, and every field has a slot for the address check's message (`<id>-problem`).
 */
type FieldSpec = {
  name: keyof AddressInput
  autocomplete: string
  required?: boolean
  wide?: boolean
  type?: string
}

const FIELDS: FieldSpec[] = [
  { name: "first_name", autocomplete: "given-name", required: true },
  { name: "last_name", autocomplete: "family-name", required: true },
  { name: "company", autocomplete: "organization", wide: true },
  { name: "address_1", autocomplete: "address-line1", required: true, wide: true },
  { name: "address_2", autocomplete: "address-line2", wide: true },
  { name: "postal_code", autocomplete: "postal-code", required: true },
  { name: "city", autocomplete: "address-level2", required: true },
  { name: "country_code", autocomplete: "country" },
  { name: "phone", autocomplete: "tel", type: "tel" },
]

export type AddressKind = "billing_address" | "shipping_address"

export const fieldId = (field: string): string => field.replace(/\./g, "-")

/** One labelled input with its problem slot (also used for the email). */
export function field(name: string, labelKey: string, input: HTMLInputElement | HTMLSelectElement, wide = false): HTMLElement {
  const id = fieldId(name)
  input.id = id
  input.name = name
  input.setAttribute("aria-describedby", `${id}-problem`)
  const required = input.hasAttribute("required")
  return h(
    "div",
    { class: wide ? "field wide" : "field", "data-field": name },
    h(
      "label",
      { for: id },
      h("span", { "data-i18n": labelKey }),
      required ? h("span", { class: "req", "aria-hidden": "true" }, " *") : null
    ),
    input,
    h("p", { class: "problem", id: `${id}-problem`, hidden: true })
  )
}

/** The fields of one address; `countries` are the region's ISO codes (de, at). */
export function addressFields(kind: AddressKind, countries: string[]): HTMLElement[] {
  const section = kind === "billing_address" ? "billing" : "shipping"
  return FIELDS.map((spec) => {
    let input: HTMLInputElement | HTMLSelectElement
    if (spec.name === "country_code") {
      input = h(
        "select",
        { autocomplete: `${section} country` },
        ...countries.map((code) => h("option", { value: code, "data-i18n": `country.${code}` }, code.toUpperCase()))
      )
    } else {
      input = h("input", { type: spec.type ?? "text", autocomplete: `${section} ${spec.autocomplete}`, required: spec.required })
    }
    return field(`${kind}.${spec.name}`, `checkout.${spec.name}`, input, spec.wide)
  })
}

/** Reads one address from the form; empty optional fields are left out. */
export function readAddress(form: HTMLFormElement, kind: AddressKind): AddressInput {
  const value = (name: string) => ((form.elements.namedItem(`${kind}.${name}`) as HTMLInputElement | null)?.value ?? "").trim()
  const address: Record<string, string> = {}
  for (const spec of FIELDS) {
    const v = value(spec.name)
    if (v || spec.required) address[spec.name] = v
  }
  return address as AddressInput
}
