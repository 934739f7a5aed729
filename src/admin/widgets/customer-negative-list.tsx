import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { useQuery } from "@tanstack/react-query"
import { useMemo } from "react"
import { customerAndOrderCandidates, OrderLike } from "../components/list-widget/candidates"
import { ListWidget } from "../components/list-widget/list-widget"
import { useCustomerWithAddresses } from "../lib/list-widget-hooks"
import { queryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"

/** How many of the customer's latest orders are checked besides the customer's own data. */
const RECENT_ORDERS = 10

/** The customer's latest orders with their addresses (a guest customer has no saved addresses). */
function useCustomerOrders(customerId: string) {
  return useQuery({
    queryKey: [...queryKeys.listWidget.customer(customerId), "orders"] as const,
    queryFn: () =>
      sdk.admin.order.list({
        customer_id: customerId,
        limit: RECENT_ORDERS,
        order: "-created_at",
        fields: "id,email,*billing_address,*shipping_address",
      }),
    select: (response) => response.orders as unknown as Array<OrderLike & { id: string }>,
  })
}

/**
 * Customer page: negative-list matches of the customer's addresses, email and phone, and of
 * the addresses of her latest orders — a guest customer has no saved addresses, and her order
 * may match the list although her customer record does not.
 */
const CustomerNegativeListWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const { data: customer } = useCustomerWithAddresses(data.id)
  const { data: orders } = useCustomerOrders(data.id)
  const candidates = useMemo(() => (customer ? customerAndOrderCandidates(customer, orders ?? []) : undefined), [customer, orders])
  const extraQueries = useMemo(() => (orders ?? []).map((order) => ({ order_id: order.id })), [orders])
  return (
    <ListWidget
      subject="customer"
      testId="payment-risk-customer-matches"
      query={{ customer_id: data.id }}
      extraQueries={extraQueries}
      candidates={candidates}
    />
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerNegativeListWidget
