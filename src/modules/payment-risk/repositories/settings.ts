import { defaultClassFor, PaymentClass, RiskSettings as EngineSettings, withDefaults } from "../../../engine"
import type { Context } from "@medusajs/framework/types"
import type PaymentRiskModuleService from "../service"
import { bulkEntityId } from "../entity-id"
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

/**
 * Lays a change over the stored settings inside the database, so two saves at the same moment
 * (two admins, two instances) never lose one's change: in one transaction the store's row is
 * locked (`SELECT … FOR UPDATE`; a second save waits there and then reads what the first
 * committed), `merge` lays the change over the stored settings (with the defaults) and the
 * result replaces the stored JSON (one UPDATE: the ORM's update would merge JSON keys, so a key
 * the merchant removed would survive). A store's first save creates the row first; of two first
 * saves the unique scope lets one insert and the other wait for it. Returns the settings before
 * and after.
 */
export async function updateStoredSettings(
  knex: Db,
  merge: (stored: EngineSettings) => EngineSettings
): Promise<{ previous: EngineSettings; settings: EngineSettings }> {
  return await knex.transaction(async (trx) => {
    await trx.raw(
      `insert into payment_risk_settings (id, scope, "values") values (?, ?, '{}'::jsonb) on conflict (scope) where deleted_at is null do nothing`,
      [bulkEntityId("prset"), STORE_SCOPE]
    )
    const { rows } = (await trx.raw(`select "values" from payment_risk_settings where scope = ? and deleted_at is null for update`, [STORE_SCOPE])) as {
      rows: Array<{ values: unknown }>
    }
    const previous = withDefaults(readSettingsValues(rows[0]?.values))
    const next = merge(previous)
    await trx.raw(`update payment_risk_settings set "values" = ?::jsonb, updated_at = now() where scope = ? and deleted_at is null`, [
      wellFormedJson(next),
      STORE_SCOPE,
    ])
    return { previous, settings: withDefaults(next) }
  })
}

/** The merchant's saved class of every provider that has one (a handful of rows). */
export async function savedProviderClasses(service: Classes): Promise<Map<string, PaymentClass>> {
  const rows = await service.listProviderClassifications({}, { select: ["provider_id", "risk_class"] })
  return new Map(rows.map((row) => [row.provider_id, row.risk_class as PaymentClass]))
}

/** The class view of each provider from the saved classes: the merchant's choice, else the plugin's default. */
export function providerClassViews(providerIds: string[], saved: ReadonlyMap<string, PaymentClass>): ProviderClassView[] {
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

/** The class of each provider: the merchant's choice, else the plugin's default. */
export async function getProviderClasses(service: Classes, providerIds: string[]): Promise<ProviderClassView[]> {
  if (!providerIds.length) {
    return []
  }
  const rows = await service.listProviderClassifications({ provider_id: providerIds })
  return providerClassViews(providerIds, new Map(rows.map((row) => [row.provider_id, row.risk_class as PaymentClass])))
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
