import { timingSafeEqual } from "crypto"
import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { toAmount } from "../../engine/amount"
import { dayString, toDay } from "../../engine/dunning/days"
import { epcQrPayload } from "../../engine/payment-instructions/epc-qr"
import { paymentReference } from "../../engine/payment-instructions/payment-reference"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { epcQrDataUrl } from "../documents/epc-qr-image"
import { cartIdOfOrder } from "../readers/cart-of-order"

/** What a shopper needs to pay a prepayment order by bank transfer. */
export type PaymentInstructions = {
  /** the order's total, major units */
  amount: number
  currency_code: string
  /** the payment reference (Verwendungszweck), e.g. `MUSTERSHOP 1042` */
  reference: string
  /** order day + the payment term of the settings (`dunning.payment_term_days`), YYYY-MM-DD */
  due_date: string
  account_holder: string
  iban: string
  bic: string
  bank_name: string
  /** the GiroCode's text (EPC069-12), null when there is none (not EUR, no IBAN, already paid) */
  epc_payload: string | null
  /** the GiroCode as a PNG data URL, null like `epc_payload` */
  epc_qr: string | null
  /** the payment has been received (captured): nothing more to pay */
  paid: boolean
}

/** Who asks: the customer the request is authenticated as, and the cart id the storefront holds. */
export type InstructionsRequester = { customer_id: string | null; cart_id: string | null }

type OrderRow = {
  id: string
  display_id?: number | null
  customer_id?: string | null
  currency_code?: string | null
  total?: unknown
  status?: string | null
  created_at?: string | Date | null
  payment_status?: string | null
  payment_collections?: Array<{
    status?: string | null
    payments?: Array<{ provider_id?: string | null; captured_at?: string | Date | null } | null> | null
    payment_sessions?: Array<{ provider_id?: string | null } | null> | null
  } | null> | null
}

const ORDER_FIELDS = [
  "id",
  "display_id",
  "customer_id",
  "currency_code",
  "total",
  "status",
  "created_at",
  "payment_collections.status",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.captured_at",
  "payment_collections.payment_sessions.provider_id",
]

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The providers the order was paid with (its payments; its sessions where no payment exists yet). */
function providersOf(order: OrderRow): string[] {
  const collections = (order.payment_collections ?? []).filter((collection) => !!collection)
  const payments = collections.flatMap((collection) => collection!.payments ?? []).flatMap((p) => (p?.provider_id ? [p.provider_id] : []))
  if (payments.length) return [...new Set(payments)]
  return [...new Set(collections.flatMap((collection) => collection!.payment_sessions ?? []).flatMap((s) => (s?.provider_id ? [s.provider_id] : [])))]
}

function isPaid(order: OrderRow): boolean {
  const collections = (order.payment_collections ?? []).filter((collection) => !!collection)
  return collections.some((collection) => collection!.status === "completed" || (collection!.payments ?? []).some((payment) => !!payment?.captured_at))
}

/** Is the requester the order's owner: its logged-in customer, or the holder of the cart it was placed from? */
async function ownsOrder(container: MedusaContainer, order: OrderRow, requester: InstructionsRequester): Promise<boolean> {
  if (requester.customer_id && order.customer_id && requester.customer_id === order.customer_id) return true
  if (!requester.cart_id) return false
  const cartId = await cartIdOfOrder(container, order.id)
  return !!cartId && sameSecret(requester.cart_id, cartId)
}

/**
 * The payment instructions of a prepayment order for its owner, or null — for an unknown order,
 * a requester who is not the owner, an order not paid by a provider of class `prepayment`, a
 * cancelled order: the caller answers all of them alike, so nobody learns whether an order exists.
 */
export async function loadPaymentInstructions(
  container: MedusaContainer,
  orderId: string,
  requester: InstructionsRequester
): Promise<PaymentInstructions | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  const order = (data as OrderRow[])[0]
  if (!order || order.status === "canceled") return null
  if (!(await ownsOrder(container, order, requester))) return null

  const service = container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE)
  const providers = providersOf(order)
  const classes = await service.getProviderClasses(providers)
  if (!classes.some((view) => view.risk_class === "prepayment")) return null

  const settings = await service.getSettings()
  const shop = settings.shop
  const amount = toAmount(order.total)
  const currency = (order.currency_code ?? "").toLowerCase()
  const reference = paymentReference(shop, order.display_id) ?? order.id
  const placed = toDay(order.created_at instanceof Date ? order.created_at : String(order.created_at ?? ""))
  const paid = isPaid(order)
  const holder = shop.account_holder || shop.name
  const payload = paid
    ? null
    : epcQrPayload({ name: holder, iban: shop.iban, bic: shop.bic, amount, currency_code: currency, reference })
  return {
    amount,
    currency_code: currency,
    reference,
    due_date: Number.isNaN(placed) ? "" : dayString(placed + settings.dunning.payment_term_days),
    account_holder: shop.iban ? holder : "",
    iban: shop.iban,
    bic: shop.iban ? shop.bic : "",
    bank_name: shop.iban ? shop.bank_name : "",
    epc_payload: payload,
    epc_qr: payload ? await epcQrDataUrl(payload) : null,
    paid,
  }
}
