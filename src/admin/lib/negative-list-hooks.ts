import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"
import { AuditRecord, ImportReport, ListMatch, MatchQuery, NegativeListEntry, NegativeListEntryInput } from "./negative-list-types"

export type ListQuery = { q?: string; kind?: string; source?: string; expired?: string; limit: number; offset: number }

const defined = (query: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""))

export function useNegativeList(query: ListQuery) {
  return useQuery({
    // the page shown stays while the next page or filter loads
    placeholderData: keepPreviousData,
    queryKey: queryKeys.negativeList.list(query),
    queryFn: () =>
      sdk.client.fetch<{ entries: NegativeListEntry[]; count: number }>("/admin/payment-risk/negative-list", {
        query: defined(query),
      }),
  })
}

export function useNegativeListEntry(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.negativeList.detail(id ?? ""),
    enabled: !!id,
    queryFn: () =>
      sdk.client.fetch<{ entry: NegativeListEntry; audit: AuditRecord[] }>(
        `/admin/payment-risk/negative-list/${encodeURIComponent(id!)}`
      ),
  })
}

/** Entries that match a customer's or an order's data (`GET …/negative-list/matches`; the widgets). */
export function useNegativeListMatches(query: MatchQuery) {
  return useQuery({
    queryKey: queryKeys.negativeList.matches(query),
    queryFn: () =>
      sdk.client.fetch<{ matches: ListMatch[] }>("/admin/payment-risk/negative-list/matches", { query }),
  })
}

/**
 * Create, or update when an id is given (the kind of an entry cannot change); the page's table
 * and the widgets' matches are fetched again afterwards.
 */
export function useSaveNegativeListEntry(id?: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<NegativeListEntryInput>) =>
      sdk.client.fetch<{ entry: NegativeListEntry }>(
        id ? `/admin/payment-risk/negative-list/${encodeURIComponent(id)}` : "/admin/payment-risk/negative-list",
        { method: "POST", body }
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.negativeList.all }),
  })
}

export function useDeleteNegativeListEntry() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch(`/admin/payment-risk/negative-list/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.negativeList.all }),
  })
}

const backendUrl = (path: string) => `${(import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")}${path}`

/** CSV import: the file is the request body (streamed by the server), session cookie auth. */
export function useImportNegativeList() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (file: File): Promise<ImportReport> => {
      const res = await fetch(backendUrl("/admin/payment-risk/negative-list/import"), {
        method: "POST",
        credentials: "include",
        headers: { "content-type": "text/csv" },
        body: file,
      })
      const body = await res.json().catch(() => ({}))
      if (!res.ok) throw new Error(body.message ?? res.statusText)
      return body as ImportReport
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.negativeList.all }),
  })
}

/** Downloads the CSV export with the table's filters. */
export async function downloadExport(query: Record<string, string | undefined>) {
  const params = new URLSearchParams(defined(query) as Record<string, string>)
  const res = await fetch(backendUrl(`/admin/payment-risk/negative-list/export?${params}`), { credentials: "include" })
  if (!res.ok) throw new Error((await res.json().catch(() => ({}))).message ?? res.statusText)
  const url = URL.createObjectURL(await res.blob())
  const link = document.createElement("a")
  link.href = url
  link.download = "negative-list.csv"
  link.click()
  URL.revokeObjectURL(url)
}
