import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { CatalogEntry, EvaluateResponse, RuleDTO, RuleInput } from "./rules-types"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

const rulePath = (id: string) => `/admin/payment-risk/rules/${encodeURIComponent(id)}`

export function useRules(query: { limit: number; offset: number }) {
  return useQuery({
    // the page shown stays while the next page or filter loads
    placeholderData: keepPreviousData,
    queryKey: queryKeys.rules.list(query),
    queryFn: () => sdk.client.fetch<{ rules: RuleDTO[]; count: number }>("/admin/payment-risk/rules", { query }),
  })
}

/** The condition registry the rule builder offers (attribute, label, type, operators…). */
export function useConditionCatalog() {
  return useQuery({
    queryKey: queryKeys.rules.catalog(),
    queryFn: () => sdk.client.fetch<{ conditions: CatalogEntry[] }>("/admin/payment-risk/rules/conditions"),
    staleTime: Infinity,
  })
}

/** Create, or update (partial body) when an id is given. */
export function useSaveRule(id?: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<RuleInput>) =>
      sdk.client.fetch<{ rule: RuleDTO }>(id ? rulePath(id) : "/admin/payment-risk/rules", { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.rules.all }),
  })
}

/** The list's on/off switch: saves immediately. */
export function useToggleRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      sdk.client.fetch<{ rule: RuleDTO }>(rulePath(id), { method: "POST", body: { enabled } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.rules.all }),
  })
}

export function useDeleteRule() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(rulePath(id), { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.rules.all }),
  })
}

/** "What does this cart see, and why": evaluates without storing anything. */
export function useEvaluateCart() {
  return useMutation({
    mutationFn: (body: { cart_id: string; ip?: string }) =>
      sdk.client.fetch<EvaluateResponse>("/admin/payment-risk/evaluate", { method: "POST", body }),
  })
}
