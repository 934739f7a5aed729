import { PAYMENT_CLASSES, PaymentClass } from "./types"

/** Safe classes: the merchant is paid before it delivers, or the payment is guaranteed. */
export const SAFE_CLASSES: readonly PaymentClass[] = ["prepayment", "guaranteed"]

/** Classes where the merchant delivers first or can be charged back. */
export const UNSAFE_CLASSES: readonly PaymentClass[] = [
  "invoice",
  "direct_debit",
  "card",
  "cash_on_delivery",
  "other",
]

export function isPaymentClass(value: unknown): value is PaymentClass {
  return typeof value === "string" && (PAYMENT_CLASSES as readonly string[]).includes(value)
}

/**
 * Default classes for payment providers the plugin knows, matched on the provider's
 * identifier (`pp_<identifier>_<id>`). Providers not matched here are `other` and
 * unconfirmed: the admin asks the merchant to classify them.
 */
const KNOWN_IDENTIFIERS: Array<[RegExp, PaymentClass]> = [
  [/^pp_prepayment_/, "prepayment"],
  [/^pp_cash-on-delivery_/, "cash_on_delivery"],
  [/^pp_invoice_/, "invoice"],
  [/^pp_stripe-sepa/, "direct_debit"],
  [/^pp_stripe(-[a-z0-9]+)?_/, "card"],
  [/^pp_paypal/, "guaranteed"],
  [/^pp_mollie-directdebit/, "direct_debit"],
  [/^pp_mollie-creditcard/, "card"],
  [/^pp_mollie-banktransfer/, "prepayment"],
  [/^pp_adyen/, "card"],
  [/^pp_klarna/, "guaranteed"],
]

export type DefaultClassification = { risk_class: PaymentClass; known: boolean }

export function defaultClassFor(providerId: string): DefaultClassification {
  for (const [pattern, riskClass] of KNOWN_IDENTIFIERS) {
    if (pattern.test(providerId)) {
      return { risk_class: riskClass, known: true }
    }
  }
  return { risk_class: "other", known: false }
}
