import type { TFunction } from "i18next"
import type { DunningStageKind } from "../../../engine/dunning/stages"
import { reasonLabel } from "../../../engine/outcomes/reason-codes"
import { OUTCOME_KIND_LABELS } from "../../../engine/outcomes/labels"
import type { OutcomeKind } from "../../../engine/outcomes/types"
import type { ReceivableStatus } from "./types"

export const KEY = "paymentRiskReceivables"

type Color = "green" | "orange" | "red" | "blue" | "grey" | "purple"

export const STATUS_COLOR: Record<ReceivableStatus, Color> = {
  open: "blue",
  overdue: "orange",
  in_dunning: "red",
  paused: "grey",
  paid: "green",
  handed_over: "purple",
  written_off: "grey",
}

/**
 * A stage's name as the merchant knows it: "Zahlungserinnerung", "1. Mahnung", "2. Mahnung",
 * "Letzte Mahnung" (dunning letters are counted); "Stufe 3" while the settings are not loaded.
 */
export function stageLabel(index: number | null | undefined, stages: ReadonlyArray<{ kind: DunningStageKind }> | undefined, t: TFunction): string {
  if (index === null || index === undefined) return t(`${KEY}.stage.none`)
  const stage = stages?.[index]
  if (!stage) return t(`${KEY}.stage.numbered`, { n: index + 1 })
  if (stage.kind === "dunning") {
    const n = stages!.slice(0, index + 1).filter((s) => s.kind === "dunning").length
    return t(`${KEY}.stage.dunning`, { n })
  }
  return t(`${KEY}.stage.${stage.kind}`)
}

const lang = (language: string): "de" | "en" => (language.startsWith("de") ? "de" : "en")

/** "Rücklastschrift: Keine Deckung" — the kind of an outcome with its reason, in the admin's language. */
export function eventLabel(kind: string, reasonCode: string | null | undefined, language: string): string {
  const kindLabel = OUTCOME_KIND_LABELS[kind as OutcomeKind]?.[lang(language)] ?? kind
  const reason = reasonLabel(kind, reasonCode, lang(language))
  return reason ? `${kindLabel}: ${reason}` : kindLabel
}
