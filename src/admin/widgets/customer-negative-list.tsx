import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { useQuery } from "@tanstack/react-query"
import { MatchesWidget } from "../components/negative-list/matches-widget"
import { prefillFrom } from "../lib/prefill"
import { sdk } from "../lib/sdk"

/** Customer page: negative-list matches of the customer's addresses, email and phone. */
const CustomerNegativeListWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const { data: loaded } = useQuery({
    queryKey: ["payment-risk", "customer-addresses", data.id],
    queryFn: () => sdk.admin.customer.retrieve(data.id, { fields: "id,email,phone,first_name,last_name,company_name,*addresses" }),
  })
  const customer = loaded?.customer ?? data
  const address = customer.addresses?.find((a) => a.is_default_billing) ?? customer.addresses?.[0]
  const person = address && {
    ...address,
    first_name: address.first_name || customer.first_name,
    last_name: address.last_name || customer.last_name,
    company: address.company || customer.company_name,
  }
  return (
    <MatchesWidget
      testId="payment-risk-customer-matches"
      query={{ customer_id: data.id }}
      prefill={prefillFrom({ person, email: customer.email, phone: customer.phone })}
    />
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerNegativeListWidget
