import type { TFunction } from "i18next"
import { readEntryAction } from "../../../engine/negative-list/entry-action"

const KEY = "paymentRisk.outcomes.action"

/** "Rechnung und Lastschrift" / "invoice and direct debit": payment classes as a list in the admin's language. */
export function classList(classes: readonly string[], t: TFunction, language: string | undefined): string {
  const names = classes.map((c) => t(`paymentRisk.classes.${c}`))
  if (names.length < 2) return names.join("")
  const and = language?.toLowerCase().startsWith("de") ? "und" : "and"
  return `${names.slice(0, -1).join(", ")} ${and} ${names[names.length - 1]}`
}

/**
 * What a list entry does when it matches, as a sentence: "Rechnung und Lastschrift
 * ausgeblendet", "Nur Vorkasse", or — without an action of its own — the list's action for the
 * entry's kind.
 */
export function actionSentence(action: unknown, t: TFunction, language: string | undefined): string {
  const own = readEntryAction(action)
  if (!own) return t(`${KEY}.listDefault`)
  const classes = classList(own.classes, t, language)
  return own.type === "hide_classes" ? t(`${KEY}.hide_classes`, { classes }) : t(`${KEY}.allow_only_classes`, { classes })
}
