import { locale } from "./i18n"
import { sdk } from "./medusa"

/**
 * The plugin's store routes (medusa-payment-risk), called through the SDK's client so the
 * publishable key header is sent like on every other /store request.
 */
export type PaymentProviders = {
  /** only the methods the plugin allows for this cart */
  payment_providers: Array<{ id: string; is_enabled: boolean }>
  /** neutral text when something was hidden, never the reason */
  notice: string | null
  /** credit-check information where a check may apply */
  credit_check_notice: string | null
}

export type AddressProblem = { field: string; code: string; message: string }
export type AddressCheck = { valid: boolean; problems: AddressProblem[] }

export type SecurityTip = { id: string; title: string; html: string; placement: string }
export type TipPlacement = "checkout" | "payment" | "account" | "order_confirmation" | "footer"

export function listPaymentProviders(cartId: string): Promise<PaymentProviders> {
  return sdk().client.fetch<PaymentProviders>(`/store/carts/${cartId}/payment-providers`, {
    query: { locale: locale() },
    cache: "no-store",
  })
}

/** Checks the given (not yet saved) data, or the cart's saved data when `data` is omitted. */
export function checkAddress(
  cartId: string,
  data?: { email?: string; billing_address?: Record<string, string>; shipping_address?: Record<string, string> }
): Promise<AddressCheck> {
  return sdk().client.fetch<AddressCheck>(`/store/carts/${cartId}/address-check`, {
    method: "POST",
    query: { locale: locale() },
    body: data ?? {},
  })
}

/** The merchant's tips for a place in the shop; none when the route is missing or fails. */
export async function listSecurityTips(placement: TipPlacement): Promise<SecurityTip[]> {
  try {
    const { tips } = await sdk().client.fetch<{ tips: SecurityTip[] }>("/store/security-tips", {
      query: { placement, locale: locale() },
    })
    return Array.isArray(tips) ? tips : []
  } catch {
    return []
  }
}
