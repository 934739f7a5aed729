import { keepPreviousData, useQuery } from "@tanstack/react-query"
import type { CreditFailureKind, CreditLimitName, CreditResult } from "../../engine/credit/types"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"

export type CreditQueryRow = {
  id: string
  provider_id: string
  result: CreditResult | null
  score: number | null
  traffic_light: "green" | "yellow" | "red" | null
  reference: string | null
  cost: number
  latency_ms: number
  cached: boolean
  error: string | null
  /** why it failed; only transport, timeout and server_error pause the provider */
  failure_kind: CreditFailureKind | null
  cart_id: string | null
  created_at: string
}

/** A credit check stopped by an abuse limit: which limit, its value then, the cart, when. */
export type CreditLimitEventRow = {
  id: string
  cart_id: string
  limit_name: CreditLimitName
  max: number
  created_at: string
}

export type CreditMonth = { since: string; spend: number; queries: number; cache_hits: number; failures: number; limit_hits: number }

export type CreditChecksResponse = {
  queries: CreditQueryRow[]
  count: number
  month: CreditMonth
  /** the newest limit events (at most 100) and how many there are in all */
  limit_events: CreditLimitEventRow[]
  limit_events_count: number
}

export function useCreditQueries(query: { limit: number; offset: number }) {
  return useQuery({
    // the page shown stays while the next page or filter loads
    placeholderData: keepPreviousData,
    queryKey: queryKeys.credit.checks(query),
    queryFn: () => sdk.client.fetch<CreditChecksResponse>("/admin/payment-risk/credit-checks", { query }),
  })
}

/** Ids of the providers configured in the plugin options (their options stay on the server). */
export function useCreditProviders() {
  return useQuery({
    queryKey: queryKeys.credit.providers(),
    queryFn: () => sdk.client.fetch<{ providers: Array<{ id: string }> }>("/admin/payment-risk/credit-providers"),
  })
}
