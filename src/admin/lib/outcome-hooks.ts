import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { OutcomeKind, OutcomeSource } from "../../engine/outcomes/types"
import type { ListAction } from "../../engine/types"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

/** An outcome as the admin API returns it (amounts in the order's currency, major units). */
export type Outcome = {
  id: string
  order_id: string
  kind: OutcomeKind
  reason_code: string | null
  amount: number | null
  fee: number | null
  currency_code: string | null
  occurred_at: string
  source: OutcomeSource
  note: string | null
  list_entry_ids: string[]
}

/** A list entry an outcome created (the fields the widget shows). */
export type CreatedListEntry = {
  id: string
  kind: string
  display_hint: string | null
  value: string | null
  first_name: string | null
  last_name: string | null
  address_1: string | null
  postal_code: string | null
  city: string | null
  action: ListAction | null
  expires_at: string | null
}

export type RecordOutcomeBody = {
  order_id: string
  kind: OutcomeKind
  reason_code?: string
  amount?: number
  fee?: number
  occurred_at?: string
  note?: string
}

export type RecordOutcomeResult = {
  outcome: Outcome
  duplicate: boolean
  list_entries: CreatedListEntry[]
  skipped: Array<{ kind: string; field: string; message: string }>
  already_listed: string[]
}

/** The receivable of an order (dunning), as far as the widget shows it. */
export type ReceivableSummary = {
  order_id: string
  currency_code: string
  total_due: number
  stage: string | number | null
  status: string
  due_date?: string | null
}

const outcomesRoot = [...queryKeys.all, "outcomes"] as const
export const outcomeKeys = {
  all: outcomesRoot,
  list: (query: { order_id?: string; customer_id?: string }) => [...outcomesRoot, "list", query] as const,
}

/** An order's or a customer's outcomes, newest first. */
export function useOutcomes(query: { order_id?: string; customer_id?: string }) {
  return useQuery({
    queryKey: outcomeKeys.list(query),
    queryFn: () =>
      sdk.client.fetch<{ outcomes: Outcome[]; count: number }>("/admin/payment-risk/outcomes", {
        query: { ...query, limit: 50 },
      }),
    enabled: !!(query.order_id || query.customer_id),
  })
}

/** Records an outcome; refreshes the outcomes, the negative-list widgets and the receivable. */
export function useRecordOutcome(orderId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Omit<RecordOutcomeBody, "order_id">) =>
      sdk.client.fetch<RecordOutcomeResult>("/admin/payment-risk/outcomes", { method: "POST", body: { ...body, order_id: orderId } }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: outcomeKeys.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.negativeList.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.receivables.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.assessments(orderId) }),
      ]),
  })
}

/** The order's receivable, or null when it has none (the route answers 404). */
export function useOrderReceivable(orderId: string) {
  return useQuery({
    queryKey: queryKeys.receivables.detail(orderId),
    queryFn: async () => {
      try {
        const { receivable } = await sdk.client.fetch<{ receivable: ReceivableSummary }>(
          `/admin/payment-risk/receivables/${encodeURIComponent(orderId)}`
        )
        return receivable ?? null
      } catch (error) {
        if ((error as { status?: number } | null)?.status === 404) return null
        throw error
      }
    },
    retry: false,
  })
}

/** The order's currency, total and payment providers (is it cash on delivery?). */
export function useOrderPayment(orderId: string) {
  return useQuery({
    queryKey: [...outcomesRoot, "order-payment", orderId] as const,
    queryFn: () => sdk.admin.order.retrieve(orderId, { fields: "id,currency_code,total,*payment_collections.payments" }),
    select: (response) => {
      const order = response.order as unknown as {
        currency_code: string
        total: number
        payment_collections?: Array<{ payments?: Array<{ provider_id: string }> | null }> | null
      }
      return {
        currency_code: order.currency_code,
        total: order.total,
        provider_ids: (order.payment_collections ?? []).flatMap((c) => (c.payments ?? []).map((p) => p.provider_id)),
      }
    },
  })
}
