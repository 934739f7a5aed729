import type { TFunction } from "i18next"
import { OUTCOME_BUCKET_LABELS, OutcomeBucket } from "../../../engine/figures/outcome-bucket"
import { providerName } from "../../lib/provider-name"
import { ruleNameText } from "../../lib/rule-text"

const KEY = "paymentRisk.figures"

/** The checks that can restrict a cart (the engine's check ids), each named in plain words. */
export const CHECK_CAUSES = [
  "first_order", "first_order_cod_limit", "open_orders", "negative_list", "credit_check", "plausibility", "probing", "rules", "fallback",
] as const

/**
 * What restricted a cart, in the admin's language: a check by its name, a rule by its name (a
 * default rule's shipped name translated), a rule deleted since by "deleted rule".
 */
export function causeLabel(cause: string, ruleNames: ReadonlyMap<string, string | null>, t: TFunction): string {
  if ((CHECK_CAUSES as readonly string[]).includes(cause)) return t(`${KEY}.causes.${cause}`)
  const name = ruleNames.get(cause)
  if (name) return t(`${KEY}.causes.rule`, { name: ruleNameText(name, t) })
  return t(`${KEY}.causes.deletedRule`)
}

/** A payment class by the name the settings use. */
export const classLabel = (paymentClass: string | null | undefined, t: TFunction) =>
  paymentClass ? t(`paymentRisk.classes.${paymentClass}`, { defaultValue: paymentClass }) : "–"

export const providerLabel = (id: string, t: TFunction) => providerName(id, t)

/** A backtest bucket: the engine's own wording (OUTCOME_BUCKET_LABELS) in the admin's language. */
export const bucketLabel = (bucket: OutcomeBucket, language: string) => OUTCOME_BUCKET_LABELS[bucket][/^de\b/i.test(language) ? "de" : "en"]

/** A share as a percentage in the admin's language ("7,1 %" / "7.1%"). */
export const percent = (share: number | null | undefined, language: string) =>
  share === null || share === undefined || !Number.isFinite(share) ? "–" : share.toLocaleString(language, { style: "percent", maximumFractionDigits: 1 })
