import type { TFunction } from "i18next"
import { ruleNameText } from "../../lib/rule-text"
import type { Reason } from "../../../engine/types"
import { formatMoney } from "../../lib/format"
import { bureauName, providerName } from "../../lib/provider-name"
import { actionSentence, classList } from "../negative-list/action-sentence"

const W = "paymentRisk.widget"

/** Finding codes that do not say which field they are about ("too long": which one?). */
const NAMES_NO_FIELD = new Set(["too_long"])

/**
 * "Rechnungsadresse: Hausnummer fehlt" from the engine's "billing_address.address_1:house_number_missing"
 * style finding: the place, the field only where the finding does not name it already.
 */
export function findingText(finding: string, t: TFunction): string {
  const [path, code] = finding.split(":")
  const [where, field] = (path ?? "").split(".")
  const place = where === "billing_address" || where === "shipping_address" ? t(`${W}.findingPlace.${where}`) : null
  const what = t(`${W}.plausibilityCodes.${code}`, { defaultValue: code?.replace(/_/g, " ") ?? "" })
  const fieldName = field && NAMES_NO_FIELD.has(code ?? "") ? t(`paymentRisk.listWidget.fields.${field}`, { defaultValue: "" }) : ""
  const prefix = [place, fieldName].filter(Boolean).join(", ")
  return prefix ? `${prefix}: ${what}` : what
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)])

/**
 * A hidden method's reason as a sentence in the admin's language: the values the engine stored
 * (entry kind, matched fields, score, findings, provider, amounts) are put into words, never
 * shown as raw keys.
 */
export function reasonSentence(reason: Reason, t: TFunction, language: string): string {
  const v = reason.values ?? {}
  const money = (amount: unknown) => (typeof amount === "number" ? formatMoney(amount, (v.currency_code as string) ?? null, language) : String(amount ?? "–"))
  const params: Record<string, unknown> = {
    ...v,
    kind: v.kind ? t(`paymentRisk.listWidget.kinds.${v.kind}`, { defaultValue: String(v.kind) }) : "",
    matched_on: list(v.matched_on).map((field) => t(`paymentRisk.listWidget.matchedOn.${field}`, { defaultValue: field.replace(/_/g, " ") })).join(", "),
    findings: list(v.findings).map((finding) => findingText(finding, t)).join("; "),
    // a credit reason names the bureau it asked, any other a payment provider
    provider_id: typeof v.provider_id === "string" ? (reason.check === "credit_check" ? bureauName(v.provider_id, t) : providerName(v.provider_id)) : "",
    errors: list(v.errors).join("; "),
    ...(typeof v.name === "string" ? { name: ruleNameText(v.name, t) } : {}),
    total: money(v.total),
    cod_max_amount: money(v.cod_max_amount),
    currency_code: "",
    limit: v.limit ? t(`${W}.creditLimits.${v.limit}`, { defaultValue: String(v.limit).replace(/_/g, " ") }) : "",
  }
  if (reason.check === "negative_list" && typeof v.score === "number") params.score = `${Math.round(v.score * 100)} %`
  const main = t(`paymentRisk.reasons.${reason.code}`, { ...params, defaultValue: reason.message })
  return main.replace(/\s{2,}/g, " ").trim()
}

/** Further lines for a reason, in words: which methods stay, what a list entry of its own does. */
export function reasonDetails(reason: Reason, t: TFunction, language: string): string[] {
  const v = reason.values ?? {}
  const lines: string[] = []
  if (Array.isArray(v.allowed_classes) && v.allowed_classes.length) {
    lines.push(t(`${W}.stillAllowed`, { classes: classList(v.allowed_classes.map(String), t, language) }))
  }
  if (v.entry_action) lines.push(t(`${W}.entryAction`, { action: actionSentence(v.entry_action, t, language) }))
  return lines
}
