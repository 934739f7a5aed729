import type { CreditCheckSettings, CreditLimits } from "./credit/types"
import type { DunningSettings } from "./dunning/stages"
import type { NegativeListKind } from "./negative-list/types"
import type { Consequence } from "./outcomes/consequences"
import type { RuleSettings } from "./rules/types"
import type {
  FirstOrderSettings,
  ListAction,
  LocalizedText,
  NegativeListSettings,
  PaymentClass,
  PlausibilitySettings,
  RetentionSettings,
  RiskSettings,
  ShopDetails,
  ShopperProtectionSettings,
} from "./types"

/** A section of an update: every field optional. */
type Patch<T> = { [K in keyof T]?: T[K] | undefined }

/**
 * What the merchant may send to change the settings (the admin route's validated body): every
 * section and every field optional. A section that is sent changes only the fields it names.
 */
export type SettingsUpdate = {
  first_order?: Patch<FirstOrderSettings>
  negative_list?: Patch<Omit<NegativeListSettings, "actions">> & {
    /** per entry kind; kinds the engine does not know are ignored */
    actions?: Partial<Record<string, ListAction | undefined>>
  }
  plausibility?: Patch<PlausibilitySettings>
  credit_check?: Patch<Omit<CreditCheckSettings, "traffic_light_actions" | "consent_notice" | "limits">> & {
    traffic_light_actions?: Patch<CreditCheckSettings["traffic_light_actions"]>
    consent_notice?: Patch<LocalizedText>
    limits?: Patch<CreditLimits>
  }
  rules?: Patch<RuleSettings>
  protection?: Patch<ShopperProtectionSettings>
  shop?: Patch<ShopDetails>
  retention?: Patch<RetentionSettings>
  /** stages and base rates are replaced as a whole list */
  dunning?: Patch<DunningSettings>
  /** consequences per key ("return_debit:AM04", "cod_refused" …): a key sent replaces that key; null removes it (back to the default) */
  outcomes?: { consequences?: Record<string, Consequence | null | undefined> }
  fallback_classes?: PaymentClass[]
  notice?: Patch<LocalizedText>
  notice_restricted?: Patch<LocalizedText>
  refusal_message?: Patch<LocalizedText>
  evaluation_timeout_ms?: number
}

/** The stored actions with the ones sent for known kinds. */
function mergeActions(
  current: Record<NegativeListKind, ListAction>,
  update?: Partial<Record<string, ListAction | undefined>>
): Record<NegativeListKind, ListAction> {
  const merged = { ...current }
  for (const kind of Object.keys(merged) as NegativeListKind[]) {
    const action = update?.[kind]
    if (action) {
      merged[kind] = action
    }
  }
  return merged
}

/** The stored consequences with the ones sent: a key sent replaces it, null drops it (the default applies again). */
function mergeConsequences(
  current: Record<string, Consequence>,
  update?: Record<string, Consequence | null | undefined>
): Record<string, Consequence> {
  const merged = { ...current }
  for (const [key, consequence] of Object.entries(update ?? {})) {
    if (consequence === null) delete merged[key]
    else if (consequence !== undefined) merged[key] = consequence
  }
  return merged
}

/** The fields that were sent (an explicit undefined is "not sent"; null is a value). */
function withoutUndefined<T extends object>(values?: T): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]-?: Exclude<T[K], undefined>
  }
}

/**
 * The settings after the merchant's update: each section sent is laid over the stored one
 * (nested actions, traffic lights, consent notice and limits field by field); lists such as
 * `fallback_classes` are replaced as a whole. Pure: `current` is not changed.
 */
export function mergeSettings(current: RiskSettings, update: SettingsUpdate): RiskSettings {
  return {
    first_order: { ...current.first_order, ...(update.first_order ?? {}) },
    negative_list: {
      ...current.negative_list,
      ...(update.negative_list ?? {}),
      actions: mergeActions(current.negative_list.actions, update.negative_list?.actions),
    },
    plausibility: { ...current.plausibility, ...(update.plausibility ?? {}) },
    credit_check: {
      ...current.credit_check,
      ...(update.credit_check ?? {}),
      traffic_light_actions: {
        ...current.credit_check.traffic_light_actions,
        ...(update.credit_check?.traffic_light_actions ?? {}),
      },
      consent_notice: { ...current.credit_check.consent_notice, ...(update.credit_check?.consent_notice ?? {}) },
      limits: { ...current.credit_check.limits, ...withoutUndefined(update.credit_check?.limits) },
    },
    rules: { ...current.rules, ...(update.rules ?? {}) },
    protection: { ...current.protection, ...withoutUndefined(update.protection) },
    shop: { ...current.shop, ...(update.shop ?? {}) },
    retention: { ...current.retention, ...withoutUndefined(update.retention) },
    dunning: { ...current.dunning, ...withoutUndefined(update.dunning) },
    outcomes: { consequences: mergeConsequences(current.outcomes.consequences, update.outcomes?.consequences) },
    fallback_classes: update.fallback_classes ?? current.fallback_classes,
    notice: { ...current.notice, ...(update.notice ?? {}) },
    notice_restricted: { ...current.notice_restricted, ...(update.notice_restricted ?? {}) },
    refusal_message: { ...current.refusal_message, ...(update.refusal_message ?? {}) },
    evaluation_timeout_ms: update.evaluation_timeout_ms ?? current.evaluation_timeout_ms,
  }
}
