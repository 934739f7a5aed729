import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { paymentDataFromSessions, PersonAddress, SessionPaymentData } from "../../engine"

type Address = PersonAddress & { phone?: string | null }
const ADDRESS = ["first_name", "last_name", "company", "address_1", "address_2", "postal_code", "city", "country_code", "phone"]

/** What of an order can go on the negative list: its person and places, contacts and payment data. */
export type OrderListData = {
  id: string
  display_id: number | string | null
  email: string | null
  currency_code: string | null
  billing_address: Address | null
  shipping_address: Address | null
  /** IBAN / card fingerprint where the order's payment provider exposes them in its session data */
  payment: SessionPaymentData
}

/** Reads an order for the list (404 when it does not exist). */
export async function loadOrderListData(container: MedusaContainer, orderId: string): Promise<OrderListData> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "display_id",
      "email",
      "currency_code",
      ...ADDRESS.flatMap((field) => [`shipping_address.${field}`, `billing_address.${field}`]),
      "payment_collections.payment_sessions.data",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as
    | (Omit<OrderListData, "payment"> & { payment_collections?: Array<{ payment_sessions?: Array<{ data?: unknown }> } | null> })
    | undefined
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
  const sessions = (order.payment_collections ?? []).flatMap((collection) => collection?.payment_sessions ?? [])
  return {
    id: order.id,
    display_id: order.display_id ?? null,
    email: order.email ?? null,
    currency_code: order.currency_code ?? null,
    billing_address: order.billing_address ?? null,
    shipping_address: order.shipping_address ?? null,
    payment: paymentDataFromSessions(sessions),
  }
}
