import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { Consequence } from "../../engine/outcomes/consequences"
import { queryKeys } from "./query-keys"
import { sdk } from "./sdk"
import type { RiskSettings } from "./types"

export type DunningSettingsDTO = RiskSettings["dunning"]

/** Saves the dunning section (stages and base rates are replaced as whole lists). */
export function useSaveDunningSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (dunning: Partial<DunningSettingsDTO>) =>
      sdk.client.fetch<{ settings: RiskSettings }>("/admin/payment-risk/settings", { method: "POST", body: { dunning } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.settings() }),
  })
}

/** Saves one outcome consequence; null puts the key back to its default. */
export function useSaveConsequence() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ key, consequence }: { key: string; consequence: Consequence | null }) =>
      sdk.client.fetch<{ settings: RiskSettings }>("/admin/payment-risk/settings", {
        method: "POST",
        body: { outcomes: { consequences: { [key]: consequence } } },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.settings() }),
  })
}
