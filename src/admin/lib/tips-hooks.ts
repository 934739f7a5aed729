import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useEffect, useState } from "react"
import type { ShopDetails } from "../../engine/types"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

export const TIP_PLACEMENTS = ["checkout", "payment", "account", "order_confirmation", "footer"] as const
export type TipPlacement = (typeof TIP_PLACEMENTS)[number]
export const TIP_PLACEHOLDERS = ["shop_name", "statement_descriptor", "hotline", "support_email"] as const
export type TipPlaceholder = (typeof TIP_PLACEHOLDERS)[number]
/**
 * How shoppers get a tip while shop details it uses are empty: `full` (none is), `shortened`
 * (without the sentences needing them), `hidden` (its title or every sentence needs one).
 */
export type TipDisplay = "full" | "shortened" | "hidden"

export type SecurityTip = {
  id: string
  title: string
  body: string
  locale: string
  placement: TipPlacement
  rank: number
  active: boolean
  valid_from: string | null
  valid_until: string | null
  default_key: string | null
  created_at: string
  updated_at: string
  /** placeholders the tip uses that the shop details leave empty */
  missing_placeholders: TipPlaceholder[]
  /** how shoppers get the tip meanwhile */
  display: TipDisplay
}

export type SecurityTipInput = {
  title: string
  body: string
  locale: string
  placement: TipPlacement
  rank: number
  active: boolean
  valid_from: string | null
  valid_until: string | null
}

export type TipPreview = { title: string; html: string; missing_placeholders: TipPlaceholder[]; display: TipDisplay }
export type TipListQuery = { placement?: string; locale?: string; limit: number; offset: number }

const BASE = "/admin/payment-risk/security-tips"

const defined = (query: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""))

export function useSecurityTips(query: TipListQuery) {
  return useQuery({
    // the page shown stays while the next page or filter loads
    placeholderData: keepPreviousData,
    queryKey: queryKeys.tips.list(query),
    queryFn: () => sdk.client.fetch<{ tips: SecurityTip[]; count: number }>(BASE, { query: defined(query) }),
  })
}

/** Create, or update the given fields when an id is given. */
export function useSaveSecurityTip(id?: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<SecurityTipInput>) =>
      sdk.client.fetch<{ tip: SecurityTip }>(id ? `${BASE}/${encodeURIComponent(id)}` : BASE, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tips.all }),
  })
}

/** Switches a tip on or off from the table. */
export function useToggleSecurityTip() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      sdk.client.fetch<{ tip: SecurityTip }>(`${BASE}/${encodeURIComponent(id)}`, { method: "POST", body: { active } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tips.all }),
  })
}

export function useDeleteSecurityTip() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => sdk.client.fetch(`${BASE}/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tips.all }),
  })
}

/** `value`, once it has not changed for `delay` ms. */
export function useDebounced<T>(value: T, delay = 300): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay)
    return () => clearTimeout(timer)
  }, [value, delay])
  return settled
}

/** The server's rendering of the text being edited (debounced), exactly as shoppers get it. */
export function useTipPreview(title: string, body: string, enabled: boolean) {
  const settledTitle = useDebounced(title)
  const settledBody = useDebounced(body)
  return useQuery({
    queryKey: queryKeys.tips.preview(settledTitle, settledBody),
    enabled,
    placeholderData: (previous) => previous,
    queryFn: () =>
      sdk.client.fetch<TipPreview>(`${BASE}/preview`, {
        method: "POST",
        body: { title: settledTitle.slice(0, 200), body: settledBody.slice(0, 5000) },
      }),
  })
}

/** Saves the shop details (placeholders and default language) in the settings' `shop` section. */
export function useSaveShopDetails() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (shop: ShopDetails) =>
      sdk.client.fetch<{ settings: { shop: ShopDetails } }>("/admin/payment-risk/settings", { method: "POST", body: { shop } }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: queryKeys.settings() })
      queryClient.invalidateQueries({ queryKey: queryKeys.tips.all })
    },
  })
}
