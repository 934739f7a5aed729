import { halfYearStart, missingBaseRate, rateTable } from "../../../engine/dunning/base-rates"
import { toDay } from "../../../engine/dunning/days"
import type { DunningChannel, DunningSettings, DunningStage, DunningStageKind } from "../../../engine/dunning/stages"

/** The form's copy of the dunning settings: numbers as the strings the inputs hold, rows with a stable key. */
export type StageDraft = {
  key: number
  kind: DunningStageKind
  wait_days: string
  deadline_days: string
  fee: string
  channel: DunningChannel
  subject: { de: string; en: string }
  body: { de: string; en: string }
}

export type RateDraft = { key: number; valid_from: string; rate: string }

export type DunningDraft = {
  enabled: boolean
  invoice_date: DunningSettings["invoice_date"]
  payment_term_days: string
  default_from: DunningSettings["default_from"]
  stages: StageDraft[]
  base_rates: RateDraft[]
  consumer_points: string
  business_points: string
  business_flat_fee: string
  business_customer_group_ids: string[]
}

/** Error code per API field path ("dunning.stages.0.fee"); the form shows the code's text at the field. */
export type DunningErrors = Partial<Record<string, string>>

export const MAX_STAGES = 6

let nextKey = 1
export const newKey = () => nextKey++

/** A number as the admin's language writes it: "2,5" in German, "2.5" otherwise. */
const decimalText = (value: number, language: string) => (language.startsWith("de") ? String(value).replace(".", ",") : String(value))

export const toStageDraft = (stage: DunningStage, language = "en"): StageDraft => ({
  key: newKey(),
  kind: stage.kind,
  wait_days: String(stage.wait_days),
  deadline_days: String(stage.deadline_days),
  fee: decimalText(stage.fee, language),
  channel: stage.channel,
  subject: { de: stage.subject.de ?? "", en: stage.subject.en ?? "" },
  body: { de: stage.body.de ?? "", en: stage.body.en ?? "" },
})

export function toDunningDraft(settings: DunningSettings, language = "en"): DunningDraft {
  return {
    enabled: settings.enabled,
    invoice_date: settings.invoice_date,
    payment_term_days: String(settings.payment_term_days),
    default_from: settings.default_from,
    stages: settings.stages.map((stage) => toStageDraft(stage, language)),
    // newest first: the row a merchant adds or checks is at the top
    base_rates: [...settings.base_rates]
      .sort((a, b) => b.valid_from.localeCompare(a.valid_from))
      .map((rate) => ({ key: newKey(), valid_from: rate.valid_from, rate: decimalText(rate.rate, language) })),
    consumer_points: decimalText(settings.consumer_points, language),
    business_points: decimalText(settings.business_points, language),
    business_flat_fee: decimalText(settings.business_flat_fee, language),
    business_customer_group_ids: [...(settings.business_customer_group_ids ?? [])],
  }
}

/** "2,5" and "2.5" are both 2.5; empty or anything else is NaN. */
export const toNumber = (text: string) => (/^-?\d+([.,]\d+)?$/.test(text.trim()) ? Number(text.trim().replace(",", ".")) : Number.NaN)

const inRange = (value: number, min: number, max: number, integer = false) =>
  Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))

/** A real calendar day written as YYYY-MM-DD. */
export const isIsoDay = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)

/** Client-side checks mirroring the server's validator; keys are the API's field paths. */
export function validateDunning(draft: DunningDraft): DunningErrors {
  const errors: DunningErrors = {}
  const check = (path: string, text: string, min: number, max: number, integer = false) => {
    if (!inRange(toNumber(text), min, max, integer)) errors[`dunning.${path}`] = integer ? `integer:${min}:${max}` : `number:${min}:${max}`
  }
  check("payment_term_days", draft.payment_term_days, 0, 120, true)
  check("consumer_points", draft.consumer_points, 0, 20)
  check("business_points", draft.business_points, 0, 20)
  check("business_flat_fee", draft.business_flat_fee, 0, 1000)
  if (draft.stages.length < 1 || draft.stages.length > MAX_STAGES) errors["dunning.stages"] = "stages"
  draft.stages.forEach((stage, index) => {
    check(`stages.${index}.wait_days`, stage.wait_days, 0, 90, true)
    check(`stages.${index}.deadline_days`, stage.deadline_days, 1, 90, true)
    check(`stages.${index}.fee`, stage.fee, 0, 100)
    for (const lang of ["de", "en"] as const) {
      const subject = stage.subject[lang].trim()
      if (!subject || subject.length > 200) errors[`dunning.stages.${index}.subject.${lang}`] = "subject"
      const body = stage.body[lang].trim()
      if (!body || body.length > 5000) errors[`dunning.stages.${index}.body.${lang}`] = "body"
    }
  })
  const seen = new Set<string>()
  draft.base_rates.forEach((rate, index) => {
    if (!isIsoDay(rate.valid_from)) errors[`dunning.base_rates.${index}.valid_from`] = "day"
    else if (seen.has(rate.valid_from)) errors[`dunning.base_rates.${index}.valid_from`] = "duplicateDay"
    seen.add(rate.valid_from)
    check(`base_rates.${index}.rate`, rate.rate, -10, 30)
  })
  return errors
}

export function fromDunningDraft(draft: DunningDraft): DunningSettings {
  return {
    enabled: draft.enabled,
    invoice_date: draft.invoice_date,
    payment_term_days: toNumber(draft.payment_term_days),
    default_from: draft.default_from,
    stages: draft.stages.map((stage) => ({
      kind: stage.kind,
      wait_days: toNumber(stage.wait_days),
      deadline_days: toNumber(stage.deadline_days),
      fee: toNumber(stage.fee),
      channel: stage.channel,
      subject: { de: stage.subject.de.trim(), en: stage.subject.en.trim() },
      body: { de: stage.body.de.trim(), en: stage.body.en.trim() },
    })),
    // in the form's order, so a 400 naming "base_rates, 3" points at the row the merchant sees
    base_rates: draft.base_rates.map((rate) => ({ valid_from: rate.valid_from, rate: toNumber(rate.rate) })),
    consumer_points: toNumber(draft.consumer_points),
    business_points: toNumber(draft.business_points),
    business_flat_fee: toNumber(draft.business_flat_fee),
    business_customer_group_ids: draft.business_customer_group_ids,
  }
}

/**
 * The half-year (its first day, "2026-07-01") whose base rate the table lacks on `today`, or null
 * when the table has it. The Bundesbank fixes the rate every 1 January and 1 July; without it the
 * interest of that half-year is computed with the last rate known.
 */
export function missingHalfYear(rates: ReadonlyArray<{ valid_from: string; rate: string }>, today: string): string | null {
  const table = rateTable(rates.filter((rate) => isIsoDay(rate.valid_from)).map((rate) => ({ valid_from: rate.valid_from, rate: toNumber(rate.rate) })))
  const day = toDay(today)
  return missingBaseRate(table, day) ? halfYearStart(day) : null
}
