import { NEGATIVE_LIST_KINDS, NegativeListKind } from "./negative-list/types"
import { DEFAULT_DUNNING_SETTINGS } from "./dunning/default-stages"
import { ListAction, RetentionSettings, RiskSettings } from "./types"

const ONLY_PREPAYMENT: ListAction = { type: "allow_only_classes", classes: ["prepayment"] }

/** Certain matches: only prepayment; a bare address (a drop address) only loses invoice and direct debit. */
export const DEFAULT_LIST_ACTIONS = Object.fromEntries(
  NEGATIVE_LIST_KINDS.map((kind) => [
    kind,
    kind === "address" ? { type: "hide_classes", classes: ["invoice", "direct_debit"] } : ONLY_PREPAYMENT,
  ])
) as Record<NegativeListKind, ListAction>

export const DEFAULT_NOTICE = {
  de: "Für Erstbestellungen bieten wir Zahlung per Nachnahme oder Vorkasse an. Weitere Zahlungsarten stehen Ihnen bei Folgebestellungen zur Verfügung.",
  en: "First orders can be paid by cash on delivery or prepayment. More payment methods become available on your next orders.",
}

export const DEFAULT_CREDIT_CONSENT_NOTICE = {
  de: "Bei Zahlung auf Rechnung oder per Lastschrift prüfen wir ab einem Bestellwert Ihre Identität und Bonität bei einer Auskunftei. Grundlage ist unser berechtigtes Interesse (Art. 6 Abs. 1 lit. f DSGVO); Einzelheiten finden Sie in unserer Datenschutzerklärung.",
  en: "For payment by invoice or direct debit we check your identity and creditworthiness with a credit agency from a certain order value. The legal basis is our legitimate interest (Art. 6(1)(f) GDPR); details are in our privacy policy.",
}

/** The notice for every restriction other than a first order's: it names no method and no reason, so it holds for any list of methods. */
export const DEFAULT_RESTRICTED_NOTICE = {
  de: "Für diese Bestellung stehen Ihnen die angezeigten Zahlungsarten zur Verfügung.",
  en: "The payment methods shown are available for this order.",
}

export const DEFAULT_REFUSAL_MESSAGE = {
  de: "Die gewählte Zahlungsart ist für diese Bestellung nicht verfügbar. Bitte wählen Sie eine andere Zahlungsart.",
  en: "The selected payment method is not available for this order. Please choose another payment method.",
}

/**
 * Retention defaults (days) and why (README "What is stored, when, and for how long"):
 * assessments 2 years (the plugin option `assessment_retention_days`, null here) — long enough
 * to answer a shopper's complaint or a chargeback about a refused method; velocity signals 30
 * days and identity observations 7 days — they only feed counting windows of hours to days;
 * credit queries 90 days — the answers' cache (30 days) plus a quarter to check the bureau's
 * invoices; review events 2 years, like the assessment they explain; list entries 3 years —
 * the regular limitation period for claims (§ 195 BGB), deleted 30 days after they expire;
 * audit rows 4 years — they outlive the entry they document, and hold no clear values;
 * figures 4 years — see `figures_days` below.
 */
export const DEFAULT_RETENTION: RetentionSettings = {
  assessment_days: null,
  cart_signal_days: 30,
  identity_observation_days: 7,
  credit_query_days: 90,
  review_event_days: 730,
  outcome_days: 1460,
  list_entry_days: 1095,
  list_entry_grace_days: 30,
  list_audit_days: 1460,
  // figures compare defaults across years and hold no personal data (ids go on erasure): as long
  // as the outcomes they are measured against (claims run three years from the end of their year)
  figures_days: 1460,
}

export const DEFAULT_SETTINGS: RiskSettings = {
  first_order: {
    enabled: true,
    paid_orders_required: 1,
    allowed_classes: ["prepayment", "cash_on_delivery", "guaranteed"],
    cod_max_amount: 300,
    pending_order_allowed_classes: ["prepayment"],
  },
  negative_list: {
    enabled: true,
    actions: DEFAULT_LIST_ACTIONS,
    possible_match_action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
  },
  plausibility: {
    enabled: true,
    action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
  },
  credit_check: {
    enabled: false,
    min_amount: 200,
    providers: [],
    unsafe_classes: ["invoice", "direct_debit"],
    cache_days: 30,
    timeout_ms: 2000,
    soft_action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
    score_bands: [],
    traffic_light_actions: {
      yellow: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
      red: { type: "allow_only_classes", classes: ["prepayment"] },
    },
    failure_action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
    unknown_action: { type: "hide_classes", classes: ["invoice", "direct_debit"] },
    limits: { queries_per_cart: 2, identities_per_cart: 2, identities_per_ip: 5, identities_per_customer: 3 },
    breaker_failures: 3,
    breaker_cooldown_seconds: 300,
    consent_notice: DEFAULT_CREDIT_CONSENT_NOTICE,
  },
  rules: {
    enabled: true,
    review_score: 50,
    prepayment_score: 80,
    risk_countries: ["by", "ru", "kp", "ir", "sy"],
    duplicate_window_minutes: 30,
    extra_free_mail_domains: [],
    extra_disposable_domains: [],
  },
  protection: {
    guest_recognition: "email_and_address",
    max_identities_per_cart: 3,
    max_identities_per_ip: 10,
    identity_window_minutes: 60,
  },
  shop: {
    name: "",
    statement_descriptor: "",
    hotline: "",
    support_email: "",
    default_locale: "de",
    account_holder: "",
    iban: "",
    bic: "",
    bank_name: "",
    postal_address: "",
  },
  retention: DEFAULT_RETENTION,
  dunning: DEFAULT_DUNNING_SETTINGS,
  outcomes: { consequences: {} },
  fallback_classes: ["prepayment"],
  notice: DEFAULT_NOTICE,
  notice_restricted: DEFAULT_RESTRICTED_NOTICE,
  refusal_message: DEFAULT_REFUSAL_MESSAGE,
  evaluation_timeout_ms: 3000,
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
    negative_list: {
      ...DEFAULT_SETTINGS.negative_list,
      ...given(p.negative_list),
      actions: {
        ...DEFAULT_SETTINGS.negative_list.actions,
        ...given(p.negative_list?.actions),
      } as Record<NegativeListKind, ListAction>,
    } as RiskSettings["negative_list"],
    plausibility: {
      ...DEFAULT_SETTINGS.plausibility,
      ...given(p.plausibility),
    } as RiskSettings["plausibility"],
    credit_check: {
      ...DEFAULT_SETTINGS.credit_check,
      ...given(p.credit_check),
      traffic_light_actions: {
        ...DEFAULT_SETTINGS.credit_check.traffic_light_actions,
        ...given(p.credit_check?.traffic_light_actions, ["yellow", "red"]),
      },
      consent_notice: { ...DEFAULT_SETTINGS.credit_check.consent_notice, ...given(p.credit_check?.consent_notice) },
      limits: { ...DEFAULT_SETTINGS.credit_check.limits, ...given(p.credit_check?.limits) },
    } as RiskSettings["credit_check"],
    rules: { ...DEFAULT_SETTINGS.rules, ...given(p.rules) } as RiskSettings["rules"],
    protection: { ...DEFAULT_SETTINGS.protection, ...given(p.protection) } as RiskSettings["protection"],
    shop: { ...DEFAULT_SETTINGS.shop, ...given(p.shop) } as RiskSettings["shop"],
    retention: { ...DEFAULT_SETTINGS.retention, ...given(p.retention, ["assessment_days"]) } as RiskSettings["retention"],
    dunning: {
      ...DEFAULT_SETTINGS.dunning,
      ...given(p.dunning),
      stages: structuredClone((p.dunning?.stages as RiskSettings["dunning"]["stages"] | undefined) ?? DEFAULT_SETTINGS.dunning.stages),
      base_rates: structuredClone((p.dunning?.base_rates as RiskSettings["dunning"]["base_rates"] | undefined) ?? DEFAULT_SETTINGS.dunning.base_rates),
      business_customer_group_ids: [
        ...((p.dunning?.business_customer_group_ids as string[] | undefined) ?? DEFAULT_SETTINGS.dunning.business_customer_group_ids),
      ],
    } as RiskSettings["dunning"],
    outcomes: {
      consequences: { ...given(p.outcomes?.consequences as RiskSettings["outcomes"]["consequences"] | undefined) },
    } as RiskSettings["outcomes"],
    fallback_classes: (p.fallback_classes as RiskSettings["fallback_classes"]) ?? DEFAULT_SETTINGS.fallback_classes,
    notice: { ...DEFAULT_SETTINGS.notice, ...given(p.notice) },
    notice_restricted: { ...DEFAULT_SETTINGS.notice_restricted, ...given(p.notice_restricted) },
    refusal_message: { ...DEFAULT_SETTINGS.refusal_message, ...given(p.refusal_message) },
    evaluation_timeout_ms: p.evaluation_timeout_ms ?? DEFAULT_SETTINGS.evaluation_timeout_ms,
  }
}

export type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends Array<infer U> ? U[] : T[K] extends object ? DeepPartial<T[K]> : T[K]
}
