import type { SettingsUpdate } from "../../engine/settings-update"
import { PaymentClass, RiskSettings } from "../lib/types"

/**
 * The settings page in sections, each saved on its own. A section takes its editable copy from
 * the stored settings (`toDraft`), checks it like the server's validator does (`validate`, keys
 * are the API's field paths) and sends only its own fields (`toBody`): the route lays each
 * section sent over the stored one, so saving one section never touches another.
 */
export type SectionSpec<D> = {
  key: SectionKey
  toDraft(settings: RiskSettings): D
  validate(draft: D): DraftErrors
  toBody(draft: D): SettingsUpdate
  /** whether an API field path (as a 400 names it) is one of this section's fields */
  owns(field: string): boolean
}

export type SectionKey =
  | "first_order"
  | "fallback"
  | "protection"
  | "negative_list"
  | "plausibility"
  | "credit_check"
  | "retention"
  | "shopper_texts"

/**
 * API field path → error code: `classes`, `text`, `textLength`, `amount`, `number`, or
 * `range:<min>:<max>` for a whole number (`paymentRisk.errors.<kind>` with min and max).
 */
export type DraftErrors = Partial<Record<string, string>>

/** A path and everything under it ("credit_check" owns "credit_check.limits.queries_per_cart"), minus `except`. */
export function pathsOwner(paths: string[], except: string[] = []): (field: string) => boolean {
  const under = (list: string[], field: string) => list.some((path) => field === path || field.startsWith(`${path}.`))
  return (field) => under(paths, field) && !under(except, field)
}

const isWhole = (raw: string | number, min: number, max: number) => {
  const n = Number(raw)
  return String(raw).trim() !== "" && Number.isInteger(n) && n >= min && n <= max
}

/** the server's largest amount (cart totals in major units) */
const MAX_AMOUNT = 1_000_000_000

/** The error code of a whole number outside min…max. */
export const range = (min: number, max: number) => `range:${min}:${max}`

/* ------------------------------------------------------------------ first orders */

export type FirstOrderDraft = {
  enabled: boolean
  paid_orders_required: string
  allowed_classes: PaymentClass[]
  /** empty: no limit */
  cod_max_amount: string
  pending_order_allowed_classes: PaymentClass[]
}

export const firstOrderSection: SectionSpec<FirstOrderDraft> = {
  key: "first_order",
  owns: pathsOwner(["first_order"]),
  toDraft: ({ first_order }) => ({
    enabled: first_order.enabled,
    paid_orders_required: String(first_order.paid_orders_required),
    allowed_classes: first_order.allowed_classes,
    cod_max_amount: first_order.cod_max_amount === null ? "" : String(first_order.cod_max_amount),
    pending_order_allowed_classes: first_order.pending_order_allowed_classes,
  }),
  validate(draft) {
    const errors: DraftErrors = {}
    if (!isWhole(draft.paid_orders_required, 0, 1000)) errors["first_order.paid_orders_required"] = range(0, 1000)
    if (draft.cod_max_amount.trim() !== "") {
      const amount = Number(draft.cod_max_amount.replace(",", "."))
      if (!Number.isFinite(amount) || amount < 0 || amount > MAX_AMOUNT) errors["first_order.cod_max_amount"] = "amount"
    }
    if (!draft.allowed_classes.length) errors["first_order.allowed_classes"] = "classes"
    if (!draft.pending_order_allowed_classes.length) errors["first_order.pending_order_allowed_classes"] = "classes"
    return errors
  },
  toBody: (draft) => ({
    first_order: {
      enabled: draft.enabled,
      paid_orders_required: Number(draft.paid_orders_required),
      allowed_classes: draft.allowed_classes,
      cod_max_amount: draft.cod_max_amount.trim() === "" ? null : Number(draft.cod_max_amount.replace(",", ".")),
      pending_order_allowed_classes: draft.pending_order_allowed_classes,
    },
  }),
}

/* ------------------------------------------------------------------ when the check fails */

export type FallbackDraft = { fallback_classes: PaymentClass[]; evaluation_timeout_ms: string }

export const fallbackSection: SectionSpec<FallbackDraft> = {
  key: "fallback",
  owns: pathsOwner(["fallback_classes", "evaluation_timeout_ms"]),
  toDraft: (settings) => ({
    fallback_classes: settings.fallback_classes,
    evaluation_timeout_ms: String(settings.evaluation_timeout_ms),
  }),
  validate(draft) {
    const errors: DraftErrors = {}
    if (!draft.fallback_classes.length) errors["fallback_classes"] = "classes"
    if (!isWhole(draft.evaluation_timeout_ms, 50, 30000)) errors["evaluation_timeout_ms"] = range(50, 30000)
    return errors
  },
  toBody: (draft) => ({ fallback_classes: draft.fallback_classes, evaluation_timeout_ms: Number(draft.evaluation_timeout_ms) }),
}

/* ------------------------------------------------------------------ customer recognition */

export type ProtectionDraft = {
  guest_recognition: RiskSettings["protection"]["guest_recognition"]
  max_identities_per_cart: string
  max_identities_per_ip: string
  identity_window_minutes: string
}

const PROTECTION_LIMITS = {
  max_identities_per_cart: [1, 100],
  max_identities_per_ip: [1, 1000],
  identity_window_minutes: [1, 60 * 24 * 7],
} as const

export const protectionSection: SectionSpec<ProtectionDraft> = {
  key: "protection",
  owns: pathsOwner(["protection"]),
  toDraft: ({ protection }) => ({
    guest_recognition: protection.guest_recognition,
    max_identities_per_cart: String(protection.max_identities_per_cart),
    max_identities_per_ip: String(protection.max_identities_per_ip),
    identity_window_minutes: String(protection.identity_window_minutes),
  }),
  validate(draft) {
    const errors: DraftErrors = {}
    for (const [key, [min, max]] of Object.entries(PROTECTION_LIMITS)) {
      if (!isWhole(draft[key as keyof typeof PROTECTION_LIMITS], min, max)) errors[`protection.${key}`] = range(min, max)
    }
    return errors
  },
  toBody: (draft) => ({
    protection: {
      guest_recognition: draft.guest_recognition,
      max_identities_per_cart: Number(draft.max_identities_per_cart),
      max_identities_per_ip: Number(draft.max_identities_per_ip),
      identity_window_minutes: Number(draft.identity_window_minutes),
    },
  }),
}

/* ------------------------------------------------------------------ negative list and plausibility */

export type NegativeListDraft = RiskSettings["negative_list"]

export const negativeListSection: SectionSpec<NegativeListDraft> = {
  key: "negative_list",
  owns: pathsOwner(["negative_list"]),
  toDraft: ({ negative_list }) => negative_list,
  validate(draft) {
    const errors: DraftErrors = {}
    for (const [kind, action] of Object.entries(draft.actions)) {
      if (!action.classes.length) errors[`negative_list.actions.${kind}.classes`] = "classes"
    }
    if (!draft.possible_match_action.classes.length) errors["negative_list.possible_match_action.classes"] = "classes"
    return errors
  },
  toBody: (draft) => ({ negative_list: draft }),
}

export type PlausibilityDraft = RiskSettings["plausibility"]

export const plausibilitySection: SectionSpec<PlausibilityDraft> = {
  key: "plausibility",
  owns: pathsOwner(["plausibility"]),
  toDraft: ({ plausibility }) => plausibility,
  validate: (draft) => (draft.action.classes.length ? {} : { "plausibility.action.classes": "classes" }),
  toBody: (draft) => ({ plausibility: draft }),
}

/* ------------------------------------------------------------------ credit checks */

/** The credit-check settings without the shoppers' notice (that one is edited with the shopper texts). */
export type CreditDraft = Omit<RiskSettings["credit_check"], "consent_notice">

/** the server's ranges (validators.ts): at least 1, at most these */
export const CREDIT_LIMIT_MAX: Record<keyof CreditDraft["limits"], number> = {
  queries_per_cart: 100,
  identities_per_cart: 100,
  identities_per_ip: 1000,
  identities_per_customer: 1000,
}

/** the server's ranges of the whole-number credit-check fields */
const CREDIT_RANGES = {
  cache_days: [0, 365],
  timeout_ms: [100, 30000],
  breaker_failures: [1, 100],
  breaker_cooldown_seconds: [1, 86400],
} as const

export const creditSection: SectionSpec<CreditDraft> = {
  key: "credit_check",
  // the consent notice is the shopper texts' field
  owns: pathsOwner(["credit_check"], ["credit_check.consent_notice"]),
  toDraft: ({ credit_check }) => {
    const { consent_notice: _notice, ...rest } = credit_check
    return rest
  },
  validate(credit) {
    const errors: DraftErrors = {}
    if (!Number.isFinite(credit.min_amount) || credit.min_amount < 0 || credit.min_amount > MAX_AMOUNT) errors["credit_check.min_amount"] = "amountNeeded"
    for (const [key, [min, max]] of Object.entries(CREDIT_RANGES)) {
      if (!isWhole(credit[key as keyof typeof CREDIT_RANGES], min, max)) errors[`credit_check.${key}`] = range(min, max)
    }
    if (credit.providers.some((p) => !Number.isFinite(p.cost) || p.cost < 0 || p.cost > 1000)) errors["credit_check.providers"] = "cost"
    if (!credit.soft_action.classes.length) errors["credit_check.soft_action.classes"] = "classes"
    if (!credit.failure_action.classes.length) errors["credit_check.failure_action.classes"] = "classes"
    if (!credit.unknown_action.classes.length) errors["credit_check.unknown_action.classes"] = "classes"
    for (const light of ["yellow", "red"] as const) {
      const action = credit.traffic_light_actions[light]
      if (action && !action.classes.length) errors[`credit_check.traffic_light_actions.${light}.classes`] = "classes"
    }
    credit.score_bands.forEach((band, index) => {
      if (!Number.isFinite(band.below)) errors[`credit_check.score_bands.${index}.below`] = "number"
      if (!band.action.classes.length) errors[`credit_check.score_bands.${index}.action.classes`] = "classes"
    })
    for (const [key, max] of Object.entries(CREDIT_LIMIT_MAX)) {
      const value = credit.limits[key as keyof typeof CREDIT_LIMIT_MAX]
      if (!isWhole(value, 1, max)) errors[`credit_check.limits.${key}`] = range(1, max)
    }
    return errors
  },
  toBody: (draft) => ({ credit_check: draft }),
}

/* ------------------------------------------------------------------ retention */

type Retention = RiskSettings["retention"]
type RetentionKey = keyof Retention

/** The inputs' text per period; an empty assessment period = the plugin's configured default. */
export type RetentionDraft = Record<RetentionKey, string>

/** Field order in the form, with each field's allowed range (as the server's validator). */
export const RETENTION_FIELDS: Array<{ key: RetentionKey; id: string; min: number; max: number }> = [
  { key: "assessment_days", id: "retention-assessments", min: 1, max: 3650 },
  { key: "review_event_days", id: "retention-review-events", min: 1, max: 3650 },
  { key: "outcome_days", id: "retention-outcomes", min: 1, max: 3650 },
  { key: "cart_signal_days", id: "retention-cart-signals", min: 1, max: 3650 },
  { key: "identity_observation_days", id: "retention-identity-observations", min: 1, max: 3650 },
  { key: "credit_query_days", id: "retention-credit-queries", min: 1, max: 3650 },
  { key: "list_entry_days", id: "retention-list-entries", min: 1, max: 3650 },
  { key: "list_entry_grace_days", id: "retention-list-grace", min: 0, max: 365 },
  { key: "list_audit_days", id: "retention-list-audit", min: 1, max: 3650 },
  { key: "figures_days", id: "retention-figures", min: 1, max: 3650 },
]

export const retentionSection: SectionSpec<RetentionDraft> = {
  key: "retention",
  owns: pathsOwner(["retention"]),
  toDraft: ({ retention }) =>
    Object.fromEntries(RETENTION_FIELDS.map(({ key }) => [key, retention[key] === null ? "" : String(retention[key])])) as RetentionDraft,
  validate(draft) {
    const errors: DraftErrors = {}
    for (const { key, min, max } of RETENTION_FIELDS) {
      if (key === "assessment_days" && draft[key].trim() === "") continue
      if (!isWhole(draft[key], min, max)) errors[`retention.${key}`] = range(min, max)
    }
    return errors
  },
  toBody(draft) {
    const days = (key: RetentionKey) => Number(draft[key].trim())
    return {
      retention: {
        assessment_days: draft.assessment_days.trim() === "" ? null : days("assessment_days"),
        cart_signal_days: days("cart_signal_days"),
        identity_observation_days: days("identity_observation_days"),
        credit_query_days: days("credit_query_days"),
        review_event_days: days("review_event_days"),
        outcome_days: days("outcome_days"),
        list_entry_days: days("list_entry_days"),
        list_entry_grace_days: days("list_entry_grace_days"),
        list_audit_days: days("list_audit_days"),
        figures_days: days("figures_days"),
      },
    }
  },
}

/* ------------------------------------------------------------------ texts for shoppers */

type Texts = { de: string; en: string }

export type ShopperTextsDraft = {
  notice: Texts
  notice_restricted: Texts
  refusal_message: Texts
  consent_notice: Texts
}

/** Each text's API path (the credit-check notice lives in the credit-check settings). */
export const SHOPPER_TEXT_PATHS: Record<keyof ShopperTextsDraft, string> = {
  notice: "notice",
  notice_restricted: "notice_restricted",
  refusal_message: "refusal_message",
  consent_notice: "credit_check.consent_notice",
}

const trimmed = (texts: Texts): Texts => ({ de: texts.de.trim(), en: texts.en.trim() })

export const shopperTextsSection: SectionSpec<ShopperTextsDraft> = {
  key: "shopper_texts",
  owns: pathsOwner(Object.values(SHOPPER_TEXT_PATHS)),
  toDraft: (settings) => ({
    notice: { de: settings.notice.de, en: settings.notice.en },
    notice_restricted: { de: settings.notice_restricted.de, en: settings.notice_restricted.en },
    refusal_message: { de: settings.refusal_message.de, en: settings.refusal_message.en },
    consent_notice: { de: settings.credit_check.consent_notice.de ?? "", en: settings.credit_check.consent_notice.en ?? "" },
  }),
  validate(draft) {
    const errors: DraftErrors = {}
    for (const [key, path] of Object.entries(SHOPPER_TEXT_PATHS)) {
      for (const lang of ["de", "en"] as const) {
        const text = draft[key as keyof ShopperTextsDraft][lang].trim()
        if (!text) errors[`${path}.${lang}`] = "text"
        else if (text.length > 1000) errors[`${path}.${lang}`] = "textLength"
      }
    }
    return errors
  },
  toBody: (draft) => ({
    notice: trimmed(draft.notice),
    notice_restricted: trimmed(draft.notice_restricted),
    refusal_message: trimmed(draft.refusal_message),
    // only the notice: the other credit-check settings are the credit section's
    credit_check: { consent_notice: trimmed(draft.consent_notice) },
  }),
}

/** Every section of the settings page, in page order. */
export const SETTINGS_SECTIONS = [
  firstOrderSection,
  fallbackSection,
  protectionSection,
  negativeListSection,
  plausibilitySection,
  creditSection,
  retentionSection,
  shopperTextsSection,
] as const
