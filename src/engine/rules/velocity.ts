import type { ConditionGroup, RiskRule, VelocityNeed, VelocitySubject } from "./types"

export const VELOCITY_SUBJECTS: readonly VelocitySubject[] = ["email", "phone", "shipping_address", "ip", "customer"]

/** The key under which the adapter passes a count: `email:orders:60`. */
export function velocityKey(need: VelocityNeed): string {
  return `${need.subject}:${need.source}:${need.window_minutes}`
}

function collect(group: ConditionGroup, needs: Map<string, VelocityNeed>) {
  for (const child of group.children) {
    if (child.type === "group") {
      collect(child, needs)
      continue
    }
    const [prefix, subject] = child.attribute.split(".")
    if (prefix !== "velocity" || !VELOCITY_SUBJECTS.includes(subject as VelocitySubject)) continue
    const need: VelocityNeed = {
      subject: subject as VelocitySubject,
      source: child.params?.source === "carts" ? "carts" : "orders",
      window_minutes: Math.max(1, Math.round(child.params?.window_minutes ?? 60)),
    }
    needs.set(velocityKey(need), need)
  }
}

/** The counts the enabled rules read, so the adapter queries only those. */
export function velocityNeeds(rules: readonly RiskRule[]): VelocityNeed[] {
  const needs = new Map<string, VelocityNeed>()
  for (const rule of rules) if (rule.enabled) collect(rule.conditions, needs)
  return [...needs.values()]
}
