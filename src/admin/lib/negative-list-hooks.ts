import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { paymentRiskKeys } from "./hooks"
import { sdk } from "./sdk"
import { NegativeListEntry, NegativeListEntryInput } from "./negative-list-types"

export const negativeListKeys = {
  all: [...paymentRiskKeys.all, "negative-list"] as const,
  list: (query: Record<string, unknown>) => [...negativeListKeys.all, "list", query] as const,
}

export function useNegativeList(query: { q?: string; kind?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: negativeListKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ entries: NegativeListEntry[]; count: number }>("/admin/payment-risk/negative-list", {
        query: Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")),
      }),
  })
}

export function useCreateNegativeListEntry() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: NegativeListEntryInput) =>
      sdk.client.fetch<{ entry: NegativeListEntry }>("/admin/payment-risk/negative-list", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: negativeListKeys.all }),
  })
}

export function useDeleteNegativeListEntry() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch(`/admin/payment-risk/negative-list/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: negativeListKeys.all }),
  })
}
