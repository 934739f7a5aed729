import type { TFunction } from "i18next"
import { ruleNameText } from "../../lib/rule-text"
import { providerName } from "../../lib/provider-name"
import type { CatalogEntry, RuleAction } from "../../lib/rules-types"

/** "de" or "en": the language of the registry labels. */
export const labelLanguage = (language: string | undefined): "de" | "en" => (language?.toLowerCase().startsWith("de") ? "de" : "en")

export const attributeLabel = (entry: CatalogEntry | undefined, attribute: string, language: string | undefined) =>
  entry ? entry.label[labelLanguage(language)] : attribute

/** A condition's value for people: lists joined, ranges with a dash, booleans as yes/no. */
export function formatValue(value: unknown, t: TFunction): string {
  if (value === null || value === undefined) return "–"
  if (typeof value === "boolean") return t(value ? "paymentRisk.rules.yes" : "paymentRisk.rules.no")
  if (Array.isArray(value)) return value.length ? value.map(String).join(", ") : t("paymentRisk.rules.emptyList")
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : value.toFixed(2)
  return String(value)
}

/** The expected value of a between condition reads "10 – 20". */
export const formatExpected = (operator: string, value: unknown, t: TFunction) =>
  operator === "between" && Array.isArray(value) ? `${value[0]} – ${value[1]}` : operator === "is_true" || operator === "is_false" ? "" : formatValue(value, t)

/** One line per action, e.g. "Hide: Invoice, Direct debit" · "+20 points" · "Review". */
export function actionsSummary(actions: RuleAction[], t: TFunction): string[] {
  const classes = (list: string[]) => list.map((c) => t(`paymentRisk.classes.${c}`)).join(", ")
  return actions.map((action) => {
    switch (action.type) {
      case "hide_classes":
        return t("paymentRisk.rules.summary.hide_classes", { classes: classes(action.classes) })
      case "allow_only_classes":
        return t("paymentRisk.rules.summary.allow_only_classes", { classes: classes(action.classes) })
      case "hide_providers":
        return t("paymentRisk.rules.summary.hide_providers", { providers: action.provider_ids.map(providerName).join(", ") })
      case "add_score":
        return t("paymentRisk.rules.summary.add_score", { points: action.points > 0 ? `+${action.points}` : String(action.points) })
      case "flag_review":
        return t("paymentRisk.rules.summary.flag_review")
    }
  })
}

/** Review reasons: rule names stay as given; the duplicate and the score threshold are translated. */
export function reviewReasonText(reason: string, t: TFunction): string {
  if (reason === "duplicate_order") return t("paymentRisk.reviews.reasons.duplicate_order")
  const score = reason.match(/^score (-?\d+) ≥ (-?\d+)$/)
  if (score) return t("paymentRisk.reviews.reasons.score", { score: score[1], threshold: score[2] })
  return ruleNameText(reason, t)
}
