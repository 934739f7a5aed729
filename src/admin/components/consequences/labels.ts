import type { TFunction } from "i18next"
import type { Consequence, ConsequenceKey } from "../../../engine/outcomes/consequences"
import { CHARGEBACK_REASONS, RETURN_DEBIT_REASONS } from "../../../engine/outcomes/reason-codes"
import type { ListAction, PaymentClass } from "../../../engine/types"

export const KEY = "paymentRiskConsequences"

const lang = (language: string): "de" | "en" => (language.startsWith("de") ? "de" : "en")

/** The kind and, where the key has one, the reason of a consequence key in plain words. */
export function consequenceLabel(key: ConsequenceKey, t: TFunction, language: string): { kind: string; reason: string | null } {
  const [kind, reason] = key.split(":")
  const kindLabel = t(`${KEY}.kinds.${kind}`, kind)
  if (!reason) return { kind: kindLabel, reason: null }
  if (reason === "other") return { kind: kindLabel, reason: t(`${KEY}.otherReason`) }
  const table: Record<string, { de: string; en: string }> = kind === "return_debit" ? RETURN_DEBIT_REASONS : CHARGEBACK_REASONS
  const label = table[reason]?.[lang(language)] ?? reason
  // SEPA codes are what the bank statement shows: keep them next to the words
  return { kind: kindLabel, reason: kind === "return_debit" ? `${label} (${reason})` : label }
}

export const ACTION_PRESETS = ["default", "prepayment", "hideInvoiceDebit", "hideDebit", "custom"] as const
export type ActionPreset = (typeof ACTION_PRESETS)[number]

const same = (a: readonly PaymentClass[], b: readonly PaymentClass[]) => a.length === b.length && a.every((c) => b.includes(c))

/** Which of the named choices an action is ("custom" for any other combination). */
export function presetOf(action: ListAction | null): ActionPreset {
  if (!action) return "default"
  if (action.type === "allow_only_classes" && same(action.classes, ["prepayment"])) return "prepayment"
  if (action.type === "hide_classes" && same(action.classes, ["invoice", "direct_debit"])) return "hideInvoiceDebit"
  if (action.type === "hide_classes" && same(action.classes, ["direct_debit"])) return "hideDebit"
  return "custom"
}

/** The action of a named choice; "custom" keeps what was there (or starts from "hide invoice"). */
export function actionOf(preset: ActionPreset, current: ListAction | null): ListAction | null {
  if (preset === "default") return null
  if (preset === "prepayment") return { type: "allow_only_classes", classes: ["prepayment"] }
  if (preset === "hideInvoiceDebit") return { type: "hide_classes", classes: ["invoice", "direct_debit"] }
  if (preset === "hideDebit") return { type: "hide_classes", classes: ["direct_debit"] }
  return current ?? { type: "hide_classes", classes: ["invoice"] }
}

/** "Only prepayment", "Hide: Invoice, Direct debit", … */
export function actionText(action: ListAction | null, t: TFunction): string {
  const preset = presetOf(action)
  if (preset !== "custom") return t(`${KEY}.actions.${preset}`)
  const classes = action!.classes.map((c) => t(`paymentRisk.classes.${c}`)).join(", ")
  return `${t(action!.type === "allow_only_classes" ? `${KEY}.editor.allowOnly` : `${KEY}.editor.hide`)}: ${classes}`
}

export function listedText(consequence: Consequence, t: TFunction): string {
  return consequence.list.length ? consequence.list.map((target) => t(`${KEY}.targets.${target}`)).join(", ") : t(`${KEY}.nothing`)
}

export function expiryText(consequence: Consequence, t: TFunction): string {
  if (!consequence.list.length) return "–"
  return consequence.expires_days === null ? t(`${KEY}.listDefault`) : t(`${KEY}.days`, { count: consequence.expires_days })
}
