import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { useQuery } from "@tanstack/react-query"
import { MatchesWidget } from "../components/negative-list/matches-widget"
import { prefillFrom } from "../lib/prefill"
import { sdk } from "../lib/sdk"

/** Order page: negative-list matches of the billing/shipping address and email. */
const OrderNegativeListWidget = ({ data }: DetailWidgetProps<AdminOrder>) => {
  const { data: loaded } = useQuery({
    queryKey: ["payment-risk", "order-addresses", data.id],
    queryFn: () => sdk.admin.order.retrieve(data.id, { fields: "id,email,*billing_address,*shipping_address" }),
  })
  const order = loaded?.order ?? data
  return (
    <MatchesWidget
      testId="payment-risk-order-matches"
      query={{ order_id: data.id }}
      prefill={prefillFrom({
        person: order.billing_address ?? order.shipping_address,
        address: order.shipping_address ?? order.billing_address,
        email: order.email,
      })}
    />
  )
}

export const config = defineWidgetConfig({ zone: "order.details.after" })

export default OrderNegativeListWidget
