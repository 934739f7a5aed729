/**
 * The negative-list audit trail records who changed which field of an entry and when — never
 * the value. A changed field is kept as a masked hint: its first character and its length
 * (`"M… (5)"` for "Meier"), enough to tell two edits apart, too little to recover a name,
 * email, phone, address, IBAN hint or note. Kind, source, country and expiry are no personal
 * values and stay readable.
 */

/** audited fields whose values are kept as they are (enums, a country code, a date) */
export const AUDIT_CLEAR_FIELDS: ReadonlySet<string> = new Set(["kind", "source", "country_code", "expires_at"])

const HINT = /^[\s\S]… \(\d+\)$/u

/** True for a value `auditHint` produced (so a rewrite never masks a hint again). */
export function isAuditHint(value: unknown): boolean {
  return typeof value === "string" && HINT.test(value)
}

/** First character and length of a value; null for no value. A lone surrogate becomes U+FFFD. */
export function auditHint(value: unknown): string | null {
  if (value === null || value === undefined || value === "") return null
  if (isAuditHint(value)) return value as string
  const text = value instanceof Date ? value.toISOString() : typeof value === "string" ? value : JSON.stringify(value)
  const chars = Array.from(text)
  const first = /^[\ud800-\udfff]$/.test(chars[0]) ? "\ufffd" : chars[0]
  return `${first}… (${chars.length})`
}

export type AuditChanges = Record<string, [unknown, unknown]>

/** `{ field: [before, after] }` with every personal value replaced by its hint. */
export function maskAuditChanges(changes: unknown): AuditChanges {
  const masked: AuditChanges = {}
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return masked
  for (const [field, pair] of Object.entries(changes as Record<string, unknown>)) {
    const [before, after] = Array.isArray(pair) ? pair : [null, pair]
    masked[field] = AUDIT_CLEAR_FIELDS.has(field) ? [before ?? null, after ?? null] : [auditHint(before), auditHint(after)]
  }
  return masked
}

/** True when the changes hold no clear personal value (every masked field is a hint or empty). */
export function isMaskedAuditChanges(changes: unknown): boolean {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return true
  return Object.entries(changes as Record<string, unknown>).every(
    ([field, pair]) =>
      AUDIT_CLEAR_FIELDS.has(field) ||
      (Array.isArray(pair) && pair.every((value) => value === null || isAuditHint(value)))
  )
}
