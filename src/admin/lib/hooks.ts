import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "./sdk"
import { Assessment, PaymentClass, ProviderClass, RegionProviders, RiskSettings } from "./types"

export const paymentRiskKeys = {
  all: ["payment-risk"] as const,
  settings: () => [...paymentRiskKeys.all, "settings"] as const,
  providers: () => [...paymentRiskKeys.all, "providers"] as const,
  assessments: (orderId: string) => [...paymentRiskKeys.all, "assessments", orderId] as const,
}

export function usePaymentRiskSettings() {
  return useQuery({
    queryKey: paymentRiskKeys.settings(),
    queryFn: () => sdk.client.fetch<{ settings: RiskSettings }>("/admin/payment-risk/settings"),
  })
}

export function useUpdatePaymentRiskSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: Partial<RiskSettings>) =>
      sdk.client.fetch<{ settings: RiskSettings }>("/admin/payment-risk/settings", {
        method: "POST",
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: paymentRiskKeys.settings() }),
  })
}

export function usePaymentRiskProviders() {
  return useQuery({
    queryKey: paymentRiskKeys.providers(),
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: paymentRiskKeys.providers() }),
  })
}

export function useOrderAssessments(orderId: string) {
  return useQuery({
    queryKey: paymentRiskKeys.assessments(orderId),
    queryFn: () =>
      sdk.client.fetch<{ assessments: Assessment[]; count: number }>("/admin/payment-risk/assessments", {
        query: { order_id: orderId, limit: 5 },
      }),
    enabled: !!orderId,
  })
}
