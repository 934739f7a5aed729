import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { paymentRiskKeys } from "./hooks"
import type { ListMatch, NegativeListEntry, NegativeListEntryInput } from "./negative-list-types"
import { sdk } from "./sdk"

export type MatchQuery = { customer_id: string } | { order_id: string }

/**
 * Keys of the customer and order widgets. The matches live under the negative-list page's
 * prefix (["payment-risk", "negative-list"]), so saving or deleting an entry there refreshes
 * the widgets too, and adding one here refreshes the page.
 */
export const listWidgetKeys = {
  negativeList: [...paymentRiskKeys.all, "negative-list"] as const,
  matches: (query: MatchQuery) => [...listWidgetKeys.negativeList, "matches", query] as const,
  customer: (id: string) => [...paymentRiskKeys.all, "list-widget", "customer", id] as const,
  order: (id: string) => [...paymentRiskKeys.all, "list-widget", "order", id] as const,
}

/** Entries that match a customer's or an order's data (`GET …/negative-list/matches`). */
export function useNegativeListMatches(query: MatchQuery) {
  return useQuery({
    queryKey: listWidgetKeys.matches(query),
    queryFn: () =>
      sdk.client.fetch<{ matches: ListMatch[] }>("/admin/payment-risk/negative-list/matches", { query }),
  })
}

/** Creates an entry; the matches (and the page's table) are fetched again afterwards. */
export function useAddToNegativeList() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: NegativeListEntryInput) =>
      sdk.client.fetch<{ entry: NegativeListEntry }>("/admin/payment-risk/negative-list", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: listWidgetKeys.negativeList }),
  })
}

/** The customer with its addresses (the detail page's `data` may come without them). */
export function useCustomerWithAddresses(id: string) {
  return useQuery({
    queryKey: listWidgetKeys.customer(id),
    queryFn: () =>
      sdk.admin.customer.retrieve(id, { fields: "id,email,phone,first_name,last_name,company_name,*addresses" }),
    select: (response) => response.customer,
  })
}

/** The order's email with its billing and shipping address. */
export function useOrderAddresses(id: string) {
  return useQuery({
    queryKey: listWidgetKeys.order(id),
    queryFn: () => sdk.admin.order.retrieve(id, { fields: "id,email,*billing_address,*shipping_address" }),
    select: (response) => response.order,
  })
}
