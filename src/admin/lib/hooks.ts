import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { SettingsUpdate } from "../../engine/settings-update"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"
import { Assessment, PaymentClass, ProviderClass, RegionProviders, RiskSettings } from "./types"

export function usePaymentRiskSettings() {
  return useQuery({
    queryKey: queryKeys.settings(),
    queryFn: () => sdk.client.fetch<{ settings: RiskSettings }>("/admin/payment-risk/settings"),
  })
}

export function useUpdatePaymentRiskSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    /** only the sections sent change; the route lays each over the stored one */
    mutationFn: (body: SettingsUpdate) =>
      sdk.client.fetch<{ settings: RiskSettings }>("/admin/payment-risk/settings", {
        method: "POST",
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.settings() }),
  })
}

export function usePaymentRiskProviders() {
  return useQuery({
    queryKey: queryKeys.providers(),
    queryFn: () =>
      sdk.client.fetch<{ regions: RegionProviders[]; providers: ProviderClass[] }>(
        "/admin/payment-risk/providers"
      ),
  })
}

export function useClassifyProvider() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, risk_class }: { id: string; risk_class: PaymentClass }) =>
      sdk.client.fetch<{ provider: ProviderClass }>(
        `/admin/payment-risk/providers/${encodeURIComponent(id)}`,
        { method: "POST", body: { risk_class } }
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.providers() }),
  })
}

export function useOrderAssessments(orderId: string) {
  return useQuery({
    queryKey: queryKeys.assessments(orderId),
    queryFn: () =>
      sdk.client.fetch<{ assessments: Assessment[]; count: number }>("/admin/payment-risk/assessments", {
        query: { order_id: orderId, limit: 5 },
      }),
    enabled: !!orderId,
  })
}
