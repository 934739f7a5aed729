// the files themselves, not the engine's outcomes index: that one also exports the note redaction,
// which hashes with node:crypto and breaks the admin's browser bundle
import { OUTCOME_KIND_LABELS } from "../../../engine/outcomes/labels"
import { reasonLabel } from "../../../engine/outcomes/reason-codes"
import type { OutcomeKind } from "../../../engine/outcomes/types"

/** "de" or "en": the language of the engine's labels. */
export const labelLanguage = (language: string | undefined): "de" | "en" => (language?.toLowerCase().startsWith("de") ? "de" : "en")

/** "Rücklastschrift" / "Returned direct debit" */
export const kindLabel = (kind: OutcomeKind, language: string | undefined) => OUTCOME_KIND_LABELS[kind]?.[labelLanguage(language)] ?? kind

/** "Keine Deckung (AM04)"; a code the tables do not know as it came; nothing without a code. */
export function reasonText(kind: OutcomeKind, code: string | null | undefined, language: string | undefined): string | null {
  if (!code) return null
  const label = reasonLabel(kind, code, labelLanguage(language))
  return label ? `${label} (${code})` : code
}

/** "12,50" or "12.50" → 12.5; empty → undefined; anything else → NaN. */
export function parseAmount(text: string): number | undefined {
  const trimmed = text.trim().replace(/\s/g, "")
  if (!trimmed) return undefined
  const normalised = /,\d{1,2}$/.test(trimmed) ? trimmed.replace(/\./g, "").replace(",", ".") : trimmed.replace(/,/g, "")
  return /^\d+(\.\d{1,2})?$/.test(normalised) ? Number(normalised) : Number.NaN
}
