import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { ReceivableAction, ReceivableDTO, ReceivableList, ReceivableListQuery, ReceivableTab } from "../components/receivables/types"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

export * from "../components/receivables/types"

const BASE = "/admin/payment-risk/receivables"
const receivablePath = (orderId: string) => `${BASE}/${encodeURIComponent(orderId)}`

const defined = (query: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ""))

export function useReceivables(query: ReceivableListQuery) {
  return useQuery({
    // the page shown stays while the next page, tab or filter loads
    placeholderData: keepPreviousData,
    queryKey: queryKeys.receivables.list(query),
    queryFn: () => sdk.client.fetch<ReceivableList>(BASE, { query: defined(query) }),
  })
}

/** Count (and amount, when the list has no totals) of a tab without its rows. */
export function useReceivableTabCount(status: ReceivableTab, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: queryKeys.receivables.list({ status, limit: 1, offset: 0, countOnly: true }),
    queryFn: () => sdk.client.fetch<ReceivableList>(BASE, { query: { status, limit: 1, offset: 0 } }),
  })
}

/** The store's default currency (the tabs' totals carry none). */
export function useStoreCurrency() {
  return useQuery({
    queryKey: queryKeys.receivables.storeCurrency(),
    staleTime: Infinity,
    queryFn: async () => {
      const { stores } = await sdk.client.fetch<{ stores: Array<{ supported_currencies?: Array<{ currency_code: string; is_default?: boolean }> }> }>(
        "/admin/stores",
        { query: { fields: "id,*supported_currencies" } }
      )
      const currencies = stores[0]?.supported_currencies ?? []
      return (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code ?? null
    },
  })
}

/** One receivable with its interest periods and timeline; `asOf` computes it for another day without changing anything. */
export function useReceivable(orderId: string | undefined, asOf?: string) {
  return useQuery({
    enabled: !!orderId,
    queryKey: queryKeys.receivables.detail(orderId ?? "", asOf),
    queryFn: async () =>
      (await sdk.client.fetch<{ receivable: ReceivableDTO }>(receivablePath(orderId!), { query: asOf ? { as_of: asOf } : {} })).receivable,
  })
}

export type ActionInput = { action: ReceivableAction; body?: { amount: number; paid_at?: string } | { note?: string } }

/**
 * send the next stage now, pause, resume, record a payment, write off, hand over. Afterwards every
 * payment-risk query that is on screen is fetched again (write-off and hand-over add negative-list
 * entries and outcomes, which the order and customer widgets show).
 */
export function useReceivableAction(orderId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ action, body }: ActionInput) =>
      sdk.client.fetch<{ receivable: ReceivableDTO }>(`${receivablePath(orderId)}/${action}`, { method: "POST", body: body ?? {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.all }),
  })
}

const backendUrl = (path: string) => `${(import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")}${path}`

async function download(path: string, fileName: string) {
  const res = await fetch(backendUrl(path), { credentials: "include" })
  if (!res.ok) throw new Error((await res.json().catch(() => ({}))).message ?? res.statusText)
  const url = URL.createObjectURL(await res.blob())
  const link = document.createElement("a")
  link.href = url
  link.download = fileName
  document.body.appendChild(link)
  link.click()
  link.remove()
  // revoked a little later: revoking at once can cancel the download before the browser has read the file
  setTimeout(() => URL.revokeObjectURL(url), 30_000)
}

/** The letter (PDF) of a stage that was sent. */
export function downloadLetter(orderId: string, stage: number, fileName: string) {
  return download(`${receivablePath(orderId)}/letter?stage=${stage}`, fileName)
}

/** The CSV for a collection agency: every handed-over receivable. */
export function downloadCollectionExport() {
  return download(`${BASE}/export?status=handed_over`, "collection-handover.csv")
}
