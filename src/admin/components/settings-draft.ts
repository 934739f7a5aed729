import { PaymentClass, RiskSettings } from "../lib/types"
import { fromProtectionDraft, ProtectionDraft, toProtectionDraft, validateProtection } from "./protection-settings"
import { fromRetentionDraft, RetentionDraft, toRetentionDraft, validateRetention } from "./retention-settings"

/** The form's editable copy: numbers as the strings the inputs hold. */
export type SettingsDraft = {
  enabled: boolean
  paid_orders_required: string
  allowed_classes: PaymentClass[]
  cod_max_amount: string
  pending_order_allowed_classes: PaymentClass[]
  fallback_classes: PaymentClass[]
  notice_de: string
  notice_en: string
  notice_restricted: RiskSettings["notice_restricted"]
  refusal_message: RiskSettings["refusal_message"]
  evaluation_timeout_ms: string
  /** negative-list switch and actions, edited as they are stored */
  negative_list: RiskSettings["negative_list"]
  plausibility: RiskSettings["plausibility"]
  /** edited on its own page section; carried through unchanged */
  credit_check: RiskSettings["credit_check"]
  /** guest recognition and probing limits */
  protection: ProtectionDraft
  /** how long each kind of stored data is kept */
  retention: RetentionDraft
}

export type DraftErrors = Partial<Record<string, string>>

export function toDraft(settings: RiskSettings): SettingsDraft {
  return {
    enabled: settings.first_order.enabled,
    paid_orders_required: String(settings.first_order.paid_orders_required),
    allowed_classes: settings.first_order.allowed_classes,
    cod_max_amount: settings.first_order.cod_max_amount === null ? "" : String(settings.first_order.cod_max_amount),
    pending_order_allowed_classes: settings.first_order.pending_order_allowed_classes,
    fallback_classes: settings.fallback_classes,
    notice_de: settings.notice.de,
    notice_en: settings.notice.en,
    notice_restricted: settings.notice_restricted,
    refusal_message: settings.refusal_message,
    evaluation_timeout_ms: String(settings.evaluation_timeout_ms),
    negative_list: settings.negative_list,
    plausibility: settings.plausibility,
    credit_check: settings.credit_check,
    protection: toProtectionDraft(settings.protection),
    retention: toRetentionDraft(settings.retention),
  }
}

/** Client-side checks mirroring the server's validator; keys are the API's field paths. */
export function validateDraft(draft: SettingsDraft): DraftErrors {
  const errors: DraftErrors = {}
  const paid = Number(draft.paid_orders_required)
  if (draft.paid_orders_required.trim() === "" || !Number.isInteger(paid) || paid < 0 || paid > 1000) {
    errors["first_order.paid_orders_required"] = "integer"
  }
  if (draft.cod_max_amount.trim() !== "") {
    const amount = Number(draft.cod_max_amount.replace(",", "."))
    if (!Number.isFinite(amount) || amount < 0) {
      errors["first_order.cod_max_amount"] = "amount"
    }
  }
  if (!draft.allowed_classes.length) errors["first_order.allowed_classes"] = "classes"
  if (!draft.pending_order_allowed_classes.length) errors["first_order.pending_order_allowed_classes"] = "classes"
  if (!draft.fallback_classes.length) errors["fallback_classes"] = "classes"
  if (!draft.notice_de.trim()) errors["notice.de"] = "text"
  if (!draft.notice_en.trim()) errors["notice.en"] = "text"
  if (!draft.notice_restricted.de.trim()) errors["notice_restricted.de"] = "text"
  if (!draft.notice_restricted.en.trim()) errors["notice_restricted.en"] = "text"
  if (!draft.refusal_message.de.trim()) errors["refusal_message.de"] = "text"
  if (!draft.refusal_message.en.trim()) errors["refusal_message.en"] = "text"
  for (const [kind, action] of Object.entries(draft.negative_list.actions)) {
    if (!action.classes.length) errors[`negative_list.actions.${kind}.classes`] = "classes"
  }
  if (!draft.negative_list.possible_match_action.classes.length) {
    errors["negative_list.possible_match_action.classes"] = "classes"
  }
  if (!draft.plausibility.action.classes.length) errors["plausibility.action.classes"] = "classes"
  const credit = draft.credit_check
  if (!Number.isFinite(credit.min_amount) || credit.min_amount < 0) errors["credit_check.min_amount"] = "amount"
  for (const key of ["cache_days", "timeout_ms", "breaker_failures", "breaker_cooldown_seconds"] as const) {
    if (!Number.isInteger(credit[key]) || credit[key] < 0) errors[`credit_check.${key}`] = "integer"
  }
  if (credit.providers.some((p) => !Number.isFinite(p.cost) || p.cost < 0)) errors["credit_check.providers"] = "amount"
  credit.score_bands.forEach((band, index) => {
    if (!Number.isFinite(band.below)) errors[`credit_check.score_bands.${index}.below`] = "number"
    if (!band.action.classes.length) errors[`credit_check.score_bands.${index}.action.classes`] = "classes"
  })
  for (const lang of ["de", "en"] as const) {
    if (!credit.consent_notice[lang]?.trim()) errors[`credit_check.consent_notice.${lang}`] = "text"
  }
  const limitRanges = { queries_per_cart: 100, identities_per_cart: 100, identities_per_ip: 1000, identities_per_customer: 1000 } as const
  for (const [key, max] of Object.entries(limitRanges)) {
    const value = credit.limits[key as keyof typeof limitRanges]
    if (!Number.isInteger(value) || value < 1 || value > max) errors[`credit_check.limits.${key}`] = "limit"
  }
  if (!credit.unknown_action.classes.length) errors["credit_check.unknown_action.classes"] = "classes"
  Object.assign(errors, validateProtection(draft.protection))
  Object.assign(errors, validateRetention(draft.retention))
  const timeout = Number(draft.evaluation_timeout_ms)
  if (!Number.isInteger(timeout) || timeout < 50 || timeout > 30000) {
    errors["evaluation_timeout_ms"] = "timeout"
  }
  return errors
}

/** The sections this form edits (rule settings live on the rules page, shop details on the tips page, dunning and outcome consequences on their own pages). */
export function fromDraft(draft: SettingsDraft): Omit<RiskSettings, "rules" | "shop" | "dunning" | "outcomes"> {
  return {
    first_order: {
      enabled: draft.enabled,
      paid_orders_required: Number(draft.paid_orders_required),
      allowed_classes: draft.allowed_classes,
      cod_max_amount: draft.cod_max_amount.trim() === "" ? null : Number(draft.cod_max_amount.replace(",", ".")),
      pending_order_allowed_classes: draft.pending_order_allowed_classes,
    },
    fallback_classes: draft.fallback_classes,
    notice: { de: draft.notice_de.trim(), en: draft.notice_en.trim() },
    notice_restricted: { de: draft.notice_restricted.de.trim(), en: draft.notice_restricted.en.trim() },
    refusal_message: { de: draft.refusal_message.de.trim(), en: draft.refusal_message.en.trim() },
    evaluation_timeout_ms: Number(draft.evaluation_timeout_ms),
    negative_list: draft.negative_list,
    plausibility: draft.plausibility,
    credit_check: draft.credit_check,
    protection: fromProtectionDraft(draft.protection),
    retention: fromRetentionDraft(draft.retention),
  }
}
