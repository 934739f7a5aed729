import { useQuery } from "@tanstack/react-query"
import { paymentRiskKeys } from "./hooks"
import { sdk } from "./sdk"

export type CreditQueryRow = {
  id: string
  provider_id: string
  result: "none" | "soft" | "medium" | "hard" | null
  score: number | null
  traffic_light: "green" | "yellow" | "red" | null
  reference: string | null
  cost: number
  latency_ms: number
  cached: boolean
  error: string | null
  cart_id: string | null
  created_at: string
}

export type CreditMonth = { since: string; spend: number; queries: number; cache_hits: number; failures: number }

export function useCreditQueries(query: { limit: number; offset: number }) {
  return useQuery({
    queryKey: [...paymentRiskKeys.all, "credit-checks", query],
    queryFn: () =>
      sdk.client.fetch<{ queries: CreditQueryRow[]; count: number; month: CreditMonth }>("/admin/payment-risk/credit-checks", { query }),
  })
}

/** Ids of the providers configured in the plugin options (their options stay on the server). */
export function useCreditProviders() {
  return useQuery({
    queryKey: [...paymentRiskKeys.all, "credit-providers"],
    queryFn: () => sdk.client.fetch<{ providers: Array<{ id: string }> }>("/admin/payment-risk/credit-providers"),
  })
}
