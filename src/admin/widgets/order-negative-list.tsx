import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { useMemo } from "react"
import { orderCandidates } from "../components/list-widget/candidates"
import { ListWidget } from "../components/list-widget/list-widget"
import { useOrderAddresses } from "../lib/list-widget-hooks"

/** Order page: negative-list matches of the billing and shipping address and the email. */
const OrderNegativeListWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const { data: order } = useOrderAddresses(data.id)
  const candidates = useMemo(() => (order ? orderCandidates(order) : undefined), [order])
  return (
    <ListWidget subject="order" testId="payment-risk-order-matches" query={{ order_id: data.id }} candidates={candidates} />
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderNegativeListWidget
