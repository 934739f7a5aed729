import { checkEmail, checkPhone } from "../payment-data/contact"
import { AddressSnapshot } from "../types"
import { checkAddress } from "./address"
import { PlausibilityFinding } from "./types"

export * from "./types"
export * from "./address"
export * from "./messages"

type Checked = {
  email?: string | null
  billing_address?: AddressSnapshot | null
  shipping_address?: AddressSnapshot | null
}

/** Medusa gives a new cart an address holding only the region's country: that is not "entered". */
function entered(address: AddressSnapshot): boolean {
  return [address.first_name, address.last_name, address.company, address.address_1, address.address_2, address.postal_code, address.city]
    .some((value) => !!value && !!value.trim())
}

/**
 * All plausibility problems of a cart: each entered address, the email, and the phone (parsed
 * for the address's country). Nothing entered yet is not a problem: a cart without a shipping
 * address (or with only its country) gets no finding for it.
 */
export function checkPlausibility(cart: Checked): PlausibilityFinding[] {
  const findings: PlausibilityFinding[] = []
  for (const [prefix, address] of [["billing_address", cart.billing_address], ["shipping_address", cart.shipping_address]] as const) {
    if (!address || !entered(address)) continue
    findings.push(...checkAddress(address, prefix))
    if (address.phone && !checkPhone(address.phone, address.country_code || "DE").ok) {
      findings.push({ field: `${prefix}.phone`, code: "phone_invalid" })
    }
  }
  if (cart.email && !checkEmail(cart.email).ok) findings.push({ field: "email", code: "email_invalid" })
  return findings
}
