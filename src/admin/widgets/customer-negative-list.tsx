import { defineWidgetConfig } from "@medusajs/admin-sdk"
import { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { useMemo } from "react"
import { customerCandidates } from "../components/list-widget/candidates"
import { ListWidget } from "../components/list-widget/list-widget"
import { useCustomerWithAddresses } from "../lib/list-widget-hooks"

/** Customer page: negative-list matches of the customer's addresses, email and phone. */
const CustomerNegativeListWidget = ({ data }: DetailWidgetProps<AdminCustomer>) => {
  const { data: customer } = useCustomerWithAddresses(data.id)
  const candidates = useMemo(() => (customer ? customerCandidates(customer) : undefined), [customer])
  return (
    <ListWidget
      subject="customer"
      testId="payment-risk-customer-matches"
      query={{ customer_id: data.id }}
      candidates={candidates}
    />
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerNegativeListWidget
