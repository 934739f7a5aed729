import de from "./json/de.json"
import en from "./json/en.json"
import widgetsDe from "./json/widgets.de.json"
import widgetsEn from "./json/widgets.en.json"
import tipsDe from "./json/tips.de.json"
import tipsEn from "./json/tips.en.json"
import rulesDe from "./json/rules.de.json"
import rulesEn from "./json/rules.en.json"
import creditDe from "./json/credit.de.json"
import creditEn from "./json/credit.en.json"
import retentionDe from "./json/retention.de.json"
import retentionEn from "./json/retention.en.json"
import receivablesDe from "./json/receivables.de.json"
import receivablesEn from "./json/receivables.en.json"
import outcomesDe from "./json/outcomes.de.json"
import outcomesEn from "./json/outcomes.en.json"
import dunningDe from "./json/dunning.de.json"
import dunningEn from "./json/dunning.en.json"
import figuresDe from "./json/figures.de.json"
import figuresEn from "./json/figures.en.json"

type Messages = { [key: string]: string | Messages }

/** `base` plus the keys of `extra` it lacks, nested objects merged; `base`'s own keys win. */
function withKeys(base: Messages, extra: Messages): Messages {
  const merged: Messages = { ...base }
  for (const [key, value] of Object.entries(extra)) {
    const current = merged[key]
    if (current === undefined) merged[key] = value
    else if (typeof current === "object" && typeof value === "object") merged[key] = withKeys(current, value)
  }
  return merged
}

/** One file per admin area; earlier files win on a clash. */
const AREAS: Record<"de" | "en", Messages[]> = {
  de: [widgetsDe, tipsDe, rulesDe, creditDe, retentionDe, receivablesDe, outcomesDe, dunningDe, figuresDe],
  en: [widgetsEn, tipsEn, rulesEn, creditEn, retentionEn, receivablesEn, outcomesEn, dunningEn, figuresEn],
}

/** Merged into the Medusa admin's i18next resources (default namespace "translation"). */
export default {
  de: { translation: AREAS.de.reduce(withKeys, de as Messages) },
  en: { translation: AREAS.en.reduce(withKeys, en as Messages) },
}
