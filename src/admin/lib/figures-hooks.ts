import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query"
import type { AnalyticsResponse, BacktestBody, BacktestResponse, FigureQuery, SimulateBody, SimulateResponse } from "../components/figures/types"
import { queryKeys } from "./query-keys"
import { ruleSetWith } from "../components/rules/rule-set"
import type { RuleDTO, RuleInput } from "./rules-types"
import { sdk } from "./sdk"

export type * from "../components/figures/types"

const BASE = "/admin/payment-risk"

/** The overview's figures for a period (from inclusive, to exclusive) and currency. */
export function useAnalytics(query: FigureQuery | null) {
  return useQuery({
    enabled: !!query,
    // the figures shown stay while another period or currency loads
    placeholderData: keepPreviousData,
    queryKey: queryKeys.figures.analytics(query ?? { from: "", to: "", currency_code: "" }),
    queryFn: () => sdk.client.fetch<AnalyticsResponse>(`${BASE}/analytics`, { query: query! }),
  })
}

export type StoreCurrencies = { codes: string[]; default: string | null }

/** The store's currencies, its default first. */
export function useStoreCurrencies() {
  return useQuery({
    queryKey: queryKeys.figures.currencies(),
    staleTime: Infinity,
    queryFn: async (): Promise<StoreCurrencies> => {
      const { stores } = await sdk.client.fetch<{ stores: Array<{ supported_currencies?: Array<{ currency_code: string; is_default?: boolean }> }> }>(
        "/admin/stores",
        { query: { fields: "id,*supported_currencies" } }
      )
      const currencies = stores[0]?.supported_currencies ?? []
      const fallback = (currencies.find((c) => c.is_default) ?? currencies[0])?.currency_code ?? null
      const codes = [...new Set(currencies.map((c) => c.currency_code.toLowerCase()))]
      return { codes: fallback ? [fallback, ...codes.filter((c) => c !== fallback)] : codes, default: fallback }
    },
  })
}

/** Replays the orders of a period with a draft rule set: what it would have stopped, by what really happened. Stores nothing. */
export function useBacktest() {
  return useMutation({
    mutationFn: (body: BacktestBody) => sdk.client.fetch<BacktestResponse>(`${BASE}/backtest`, { method: "POST", body }),
  })
}

/** The cost curve over the prepayment-only threshold for a period. Stores nothing. */
export function useSimulateThresholds() {
  return useMutation({
    mutationFn: (body: SimulateBody) => sdk.client.fetch<SimulateResponse>(`${BASE}/simulate-thresholds`, { method: "POST", body }),
  })
}

/** All stored rules (the rules API gives at most 200 a page). */
async function allRules(): Promise<RuleDTO[]> {
  const rules: RuleDTO[] = []
  for (let offset = 0; ; offset += 200) {
    const page = await sdk.client.fetch<{ rules: RuleDTO[]; count: number }>(`${BASE}/rules`, { query: { limit: 200, offset } })
    rules.push(...page.rules)
    if (!page.rules.length || rules.length >= page.count) return rules
  }
}

/** "Test on past orders": the draft with the other current rules, replayed on a period's orders. */
export function useRuleBacktest() {
  return useMutation({
    mutationFn: async ({ draft, editingId, ...period }: FigureQuery & { draft: RuleInput; editingId?: string }) =>
      sdk.client.fetch<BacktestResponse>(`${BASE}/backtest`, {
        method: "POST",
        body: { ...period, rules: ruleSetWith(draft, await allRules(), editingId), sample_size: 10 } satisfies BacktestBody,
      }),
  })
}
