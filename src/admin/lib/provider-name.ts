import type { TFunction } from "i18next"
import { getI18n } from "react-i18next"

const KEY = "paymentRisk.providerNames"

/** The dashboard's i18next t() (react-i18next is shared with the dashboard), null before it is set up. */
function adminT(): TFunction | null {
  const i18n = getI18n()
  return i18n?.isInitialized ? i18n.t.bind(i18n) : null
}

/**
 * A payment provider's name in the admin's language: known providers by their own name
 * (`pp_cash-on-delivery_manual` → "Nachnahme (manuell)" / "Cash on delivery (manual)",
 * `pp_system_default` → Medusa's test payment); any other id as read from it
 * (`pp_my-psp_live` → "My psp (live)").
 */
export function providerName(id: string, t?: TFunction | number): string {
  // `t` may be given by a component; `ids.map(providerName)` passes an index there instead
  return providerNameIn(id, typeof t === "function" ? t : adminT())
}

/** providerName with a given t() (null: the names as read from the id, in English). */
export function providerNameIn(id: string, translate: TFunction | null): string {
  const match = id.match(/^pp_(.+)_([^_]+)$/)
  if (!match) {
    return id
  }
  const [, identifier, configId] = match
  const known = translate?.(`${KEY}.${identifier}`, { defaultValue: "" }) || ""
  const name = known || (identifier.replace(/[-_]+/g, " ").replace(/^./, (first) => first.toUpperCase()))
  if (configId === identifier || configId === "default") return name
  const config = translate?.(`${KEY}.configs.${configId}`, { defaultValue: configId }) || configId
  return `${name} (${config})`
}

/**
 * A credit bureau's name in the admin's language: the ones the plugin ships by their name
 * (`sandbox` → "Test-Auskunftei (Sandbox)"), a bureau the merchant configured as its id says.
 */
export function bureauName(id: string, t?: TFunction): string {
  const translate = t ?? adminT()
  return translate?.(`paymentRisk.bureauNames.${id}`, { defaultValue: "" }) || id
}
