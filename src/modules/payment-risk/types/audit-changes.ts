import { AuditChanges, maskAuditChanges } from "../../../engine/privacy/mask"
import { AUDITED_FIELDS } from "../negative-list-types"
import { isJsonObject } from "./json"

export type { AuditChanges }

/**
 * The `changes` column of a negative-list audit row (payment_risk_negative_list_audit.changes):
 * `{ field: [before, after] }` for the audited fields that changed, personal values masked
 * (maskAuditChanges); a delete keeps `{}`. Written by `auditChanges`, read by `readAuditChanges`.
 */
export function auditChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChanges {
  const changes: Record<string, [unknown, unknown]> = {}
  for (const field of AUDITED_FIELDS) {
    const a = before?.[field] ?? null
    const b = after?.[field] ?? null
    const same = a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b
    if (!same) {
      changes[field] = [a instanceof Date ? a.toISOString() : a, b instanceof Date ? b.toISOString() : b]
    }
  }
  return maskAuditChanges(changes)
}

/** The changes of a stored audit row, typed: pairs only (anything else in the column is left out). */
export function readAuditChanges(value: unknown): AuditChanges {
  const changes: AuditChanges = {}
  if (!isJsonObject(value)) return changes
  for (const [field, pair] of Object.entries(value)) {
    if (Array.isArray(pair) && pair.length === 2) changes[field] = [pair[0], pair[1]]
  }
  return changes
}
