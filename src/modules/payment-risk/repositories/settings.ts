import { defaultClassFor, PaymentClass, RiskSettings as EngineSettings, withDefaults } from "../../../engine"
import type { Context } from "@medusajs/framework/types"
import type PaymentRiskModuleService from "../service"
import { wellFormedJson } from "../types/json"
import type { Db } from "./sql"

/** scope of the store's settings row */
export const STORE_SCOPE = "store"

export type ProviderClassView = {
  id: string
  risk_class: PaymentClass
  /** true when the merchant saved a class, or the plugin knows the provider */
  confirmed: boolean
  default_class: PaymentClass
  known: boolean
}

type Settings = Pick<PaymentRiskModuleService, "listRiskSettings" | "createRiskSettings" | "updateRiskSettings">
type Classes = Pick<PaymentRiskModuleService, "listProviderClassifications" | "createProviderClassifications" | "updateProviderClassifications">

/** The `values` column of the store's settings row: the saved settings, merged with the defaults on read. */
function readSettingsValues(values: unknown): Partial<EngineSettings> | null {
  return (values as Partial<EngineSettings> | undefined) ?? null
}

/** The store's settings, merged with the defaults. Never returns plugin options. */
export async function getSettings(service: Settings): Promise<EngineSettings> {
  const [row] = await service.listRiskSettings({ scope: STORE_SCOPE }, { take: 1 })
  return withDefaults(readSettingsValues(row?.values))
}

/**
 * Saves validated settings (already merged by the caller) for the store scope, replacing the
 * stored JSON as a whole: the ORM's update merges object properties, so a key the merchant
 * removed (an outcome consequence reset to its default) would survive it.
 */
export async function saveSettings(service: Settings, knex: Db, values: EngineSettings, ctx: Context): Promise<EngineSettings> {
  const updated = await knex.raw(
    `update payment_risk_settings set "values" = ?::jsonb, updated_at = now() where scope = ? and deleted_at is null`,
    [wellFormedJson(values), STORE_SCOPE]
  )
  if (!updated.rowCount) {
    await service.createRiskSettings({ scope: STORE_SCOPE, values }, ctx)
  }
  return withDefaults(values)
}

/** The class of each provider: the merchant's choice, else the plugin's default. */
export async function getProviderClasses(service: Classes, providerIds: string[]): Promise<ProviderClassView[]> {
  if (!providerIds.length) {
    return []
  }
  const rows = await service.listProviderClassifications({ provider_id: providerIds })
  const saved = new Map(rows.map((row) => [row.provider_id, row.risk_class as PaymentClass]))
  return providerIds.map((id) => {
    const fallback = defaultClassFor(id)
    const stored = saved.get(id)
    return {
      id,
      risk_class: stored ?? fallback.risk_class,
      confirmed: stored !== undefined || fallback.known,
      default_class: fallback.risk_class,
      known: fallback.known,
    }
  })
}

export async function setProviderClass(service: Classes, providerId: string, riskClass: PaymentClass): Promise<ProviderClassView> {
  const [row] = await service.listProviderClassifications({ provider_id: providerId }, { take: 1 })
  if (row) {
    await service.updateProviderClassifications({ id: row.id, risk_class: riskClass })
  } else {
    await service.createProviderClassifications({ provider_id: providerId, risk_class: riskClass })
  }
  const [view] = await getProviderClasses(service, [providerId])
  return view
}
