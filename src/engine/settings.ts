import { RiskSettings } from "./types"

export const DEFAULT_NOTICE = {
  de: "Für Erstbestellungen bieten wir Zahlung per Nachnahme oder Vorkasse an. Weitere Zahlungsarten stehen Ihnen bei Folgebestellungen zur Verfügung.",
  en: "First orders can be paid by cash on delivery or prepayment. More payment methods become available on your next orders.",
}

export const DEFAULT_SETTINGS: RiskSettings = {
  first_order: {
    enabled: true,
    paid_orders_required: 1,
    allowed_classes: ["prepayment", "cash_on_delivery", "guaranteed"],
    cod_max_amount: 300,
    pending_order_allowed_classes: ["prepayment"],
  },
  fallback_classes: ["prepayment"],
  notice: DEFAULT_NOTICE,
  evaluation_timeout_ms: 2000,
}

/** Keeps the given values, dropping undefined and nulls (except for keys where null means something). */
function given<T extends object>(values: T | null | undefined, nullable: string[] = []): Partial<T> {
  return Object.fromEntries(
    Object.entries(values ?? {}).filter(
      ([key, value]) => value !== undefined && (value !== null || nullable.includes(key))
    )
  ) as Partial<T>
}

/**
 * Settings as stored may be partial (older rows, new fields): fill the gaps from the defaults.
 * A null inside a section never switches a rule off or makes everyone "known"; only
 * `cod_max_amount: null` (no limit) is a meaningful null.
 */
export function withDefaults(partial?: DeepPartial<RiskSettings> | null): RiskSettings {
  const p = partial ?? {}
  return {
    first_order: {
      ...DEFAULT_SETTINGS.first_order,
      ...given(p.first_order, ["cod_max_amount"]),
    } as RiskSettings["first_order"],
    fallback_classes: (p.fallback_classes as RiskSettings["fallback_classes"]) ?? DEFAULT_SETTINGS.fallback_classes,
    notice: { ...DEFAULT_SETTINGS.notice, ...given(p.notice) },
    evaluation_timeout_ms: p.evaluation_timeout_ms ?? DEFAULT_SETTINGS.evaluation_timeout_ms,
  }
}

export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends Array<infer U> ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K]
}
