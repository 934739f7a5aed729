import { checkEmail, checkPhone } from "../payment-data/contact"
import { AddressSnapshot } from "../types"
import { checkAddress, FIELD_MAX_LENGTH } from "./address"
import { PlausibilityFinding } from "./types"

export * from "./types"
export * from "./address"
export * from "./messages"

type Checked = {
  email?: string | null
  billing_address?: AddressSnapshot | null
  shipping_address?: AddressSnapshot | null
}

const filled = (value?: string | null) => !!value && !!value.trim()

/** Medusa gives a new cart an address holding only the region's country: that is not "entered". */
function entered(address: AddressSnapshot): boolean {
  return (
    filled(address.first_name) || filled(address.last_name) || filled(address.company) || filled(address.address_1) ||
    filled(address.address_2) || filled(address.postal_code) || filled(address.city)
  )
}

/** Every field the checks of one address read: two addresses alike in these get the same findings. */
const CHECKED_FIELDS = [...(Object.keys(FIELD_MAX_LENGTH) as Array<keyof typeof FIELD_MAX_LENGTH>), "country_code"] as const
const BILLING_PREFIX_LENGTH = "billing_address".length

function checkedAlike(a: AddressSnapshot, b: AddressSnapshot): boolean {
  if (a === b) return true
  for (const field of CHECKED_FIELDS) if (a[field] !== b[field]) return false
  return true
}

/** One entered address's findings (its fields, then its phone for the address's country). */
function checkEnteredAddress(address: AddressSnapshot, prefix: string, findings: PlausibilityFinding[]) {
  for (const finding of checkAddress(address, prefix)) findings.push(finding)
  if (address.phone && !checkPhone(address.phone, address.country_code || "DE").ok) {
    findings.push({ field: `${prefix}.phone`, code: "phone_invalid" })
  }
}

/**
 * All plausibility problems of a cart: each entered address, the email, and the phone (parsed
 * for the address's country). Nothing entered yet is not a problem: a cart without a shipping
 * address (or with only its country) gets no finding for it. A shipping address alike the billing
 * address in every checked field (mostly the same object) gets the billing address's findings
 * under its own name instead of being checked twice.
 */
export function checkPlausibility(cart: Checked): PlausibilityFinding[] {
  const findings: PlausibilityFinding[] = []
  const billing = cart.billing_address
  const shipping = cart.shipping_address
  const billingEntered = !!billing && entered(billing)
  if (billingEntered) checkEnteredAddress(billing, "billing_address", findings)
  if (shipping && billingEntered && checkedAlike(billing, shipping)) {
    const count = findings.length
    for (let i = 0; i < count; i++) {
      findings.push({ field: `shipping_address${findings[i].field.slice(BILLING_PREFIX_LENGTH)}`, code: findings[i].code })
    }
  } else if (shipping && entered(shipping)) {
    checkEnteredAddress(shipping, "shipping_address", findings)
  }
  if (cart.email && !checkEmail(cart.email).ok) findings.push({ field: "email", code: "email_invalid" })
  return findings
}
