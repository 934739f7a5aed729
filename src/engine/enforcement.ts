import { ShopperLanguage, shopperLocale } from "./language"
import type { LocalizedText } from "./types"

/**
 * What the shopper reads when a payment method is refused: nothing about lists, rules or scores.
 * The default English text; the merchant edits the texts per language (`refusal_message`).
 */
export const REFUSED_PAYMENT_MESSAGE =
  "The selected payment method is not available for this order. Please choose another payment method."

/** Stands for "no payment session at all" among the refused providers (the cart needs payment). */
export const NO_PAYMENT_SESSION = "(no payment session)"

/** The merchant's refusal text in the shopper's language, else English, else the default. */
export function refusalMessage(texts: LocalizedText | null | undefined, language: ShopperLanguage): string {
  return texts?.[shopperLocale(language)] || texts?.en || REFUSED_PAYMENT_MESSAGE
}

export type EnforcementInput = {
  /** the decision's allowed providers; null when nothing was decided (nobody's cart: nothing allowed) */
  allowed_provider_ids: readonly string[] | null
  /** the providers the shopper selected (a session being created, or the cart's sessions at completion) */
  selected_provider_ids: readonly string[]
  /** the cart needs payment (a total above zero): selecting nothing is then refused too */
  needs_payment: boolean
  refusal_message?: LocalizedText | null
  language: ShopperLanguage
}

export type Enforcement =
  | { allowed: true; refused_provider_ids: [] }
  | { allowed: false; refused_provider_ids: string[]; message: string }

/**
 * The verdict both gates give (the payment-session middleware and the completion check): every
 * selected provider must be allowed, and a cart that needs payment must have selected one (fail
 * closed). A refusal carries the merchant's neutral text in the shopper's language.
 */
export function enforceSelection(input: EnforcementInput): Enforcement {
  const allowed = new Set(input.allowed_provider_ids ?? [])
  const refused =
    input.needs_payment && !input.selected_provider_ids.length
      ? [NO_PAYMENT_SESSION]
      : input.selected_provider_ids.filter((id) => !allowed.has(id))
  if (!refused.length) {
    return { allowed: true, refused_provider_ids: [] }
  }
  return { allowed: false, refused_provider_ids: refused, message: refusalMessage(input.refusal_message, input.language) }
}
