import type { RiskRule, RiskSettings } from ".."

const DAY_MS = 86_400_000

/** Days after which each kind of row is deleted (assessments: scrubbed), as the job applies them. */
export type RetentionPeriods = {
  assessment_days: number
  cart_signal_days: number
  identity_observation_days: number
  credit_query_days: number
  review_event_days: number
  outcome_days: number
  list_entry_grace_days: number
  list_audit_days: number
  figures_days: number
}

/** The longest velocity window (minutes) any enabled rule counts over, 0 when none does. */
function longestVelocityWindowMinutes(rules: RiskRule[]): number {
  let longest = 0
  const visit = (node: unknown) => {
    if (!node || typeof node !== "object") return
    const n = node as { type?: string; attribute?: string; params?: { window_minutes?: unknown }; children?: unknown[] }
    if (n.type === "group") n.children?.forEach(visit)
    else if (n.attribute?.startsWith("velocity.")) longest = Math.max(longest, Number(n.params?.window_minutes) || 60)
  }
  for (const rule of rules) if (rule.enabled) visit(rule.conditions)
  return longest
}

/**
 * The periods the retention job applies: the merchant's settings, where an empty assessment
 * period falls back to the plugin option `assessment_retention_days`, and where a period is
 * never shorter than what a check still counts over (velocity windows of enabled rules and the
 * duplicate-order window for signals, the probing window for identity observations, the
 * answers' cache for credit queries) — deleting earlier would silently weaken those checks.
 */
export function retentionPeriods(settings: RiskSettings, optionAssessmentDays: number, rules: RiskRule[] = []): RetentionPeriods {
  const r = settings.retention
  const minutesToDays = (minutes: number) => Math.ceil(minutes / 1440)
  return {
    assessment_days: r.assessment_days ?? optionAssessmentDays,
    cart_signal_days: Math.max(
      r.cart_signal_days,
      minutesToDays(longestVelocityWindowMinutes(rules)),
      minutesToDays(settings.rules.duplicate_window_minutes)
    ),
    identity_observation_days: Math.max(r.identity_observation_days, minutesToDays(settings.protection.identity_window_minutes)),
    credit_query_days: Math.max(r.credit_query_days, settings.credit_check.cache_days),
    review_event_days: r.review_event_days,
    outcome_days: r.outcome_days,
    list_entry_grace_days: r.list_entry_grace_days,
    list_audit_days: r.list_audit_days,
    figures_days: r.figures_days,
  }
}

/** The moment `days` before `now`. */
export function daysBefore(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS)
}

/** The expiry of a negative-list entry created now without one: `list_entry_days` from now. */
export function newListEntryExpiry(settings: RiskSettings, now: Date = new Date()): Date {
  return new Date(now.getTime() + settings.retention.list_entry_days * DAY_MS)
}

/**
 * The expiry an existing entry without one gets (created before entries had a default, or its
 * date cleared on edit): `list_entry_days` after it was created — but at least
 * `list_entry_grace_days` from now, so it does not stop matching and vanish before the merchant
 * had time to see it and renew it.
 */
export function backfilledListEntryExpiry(settings: RiskSettings, createdAt: Date, now: Date = new Date()): Date {
  const r = settings.retention
  return new Date(Math.max(createdAt.getTime() + r.list_entry_days * DAY_MS, now.getTime() + r.list_entry_grace_days * DAY_MS))
}
