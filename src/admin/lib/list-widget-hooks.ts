import { useQuery } from "@tanstack/react-query"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

/** The customer with its addresses (the detail page's `data` may come without them). */
export function useCustomerWithAddresses(id: string) {
  return useQuery({
    queryKey: queryKeys.listWidget.customer(id),
    queryFn: () =>
      sdk.admin.customer.retrieve(id, { fields: "id,email,phone,first_name,last_name,company_name,*addresses" }),
    select: (response) => response.customer,
  })
}

/** The order's email with its billing and shipping address. */
export function useOrderAddresses(id: string) {
  return useQuery({
    queryKey: queryKeys.listWidget.order(id),
    queryFn: () => sdk.admin.order.retrieve(id, { fields: "id,email,*billing_address,*shipping_address" }),
    select: (response) => response.order,
  })
}
