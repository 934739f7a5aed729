import { dayString, DunningStage, RiskSettings, toDay } from "../../engine"
import { nameForLetter } from "../documents/name-for-letter"
import { paymentReference } from "../../engine/payment-instructions/payment-reference"
import { DunningLanguage, dunningLanguageFor, formatDay, formatMoney } from "./format"
import type { ReceivableOrder } from "./load-order"
import type { ReceivableView } from "./receivable-view"

import { DUNNING_PLACEHOLDERS, type DunningPlaceholder } from "../../engine/dunning/placeholders"
export { DUNNING_PLACEHOLDERS, type DunningPlaceholder }

const LABELS: Record<DunningLanguage, { holder: string; bank: string; order: string }> = {
  de: { holder: "Kontoinhaber", bank: "Bank", order: "Bestellung" },
  en: { holder: "Account holder", bank: "Bank", order: "Order" },
}

/** The shop's bank account as lines (only those the settings fill). */
export function bankDetails(shop: RiskSettings["shop"], language: DunningLanguage): string {
  const labels = LABELS[language]
  return [
    shop.account_holder ? `${labels.holder}: ${shop.account_holder}` : "",
    shop.iban ? `IBAN: ${shop.iban}` : "",
    shop.bic ? `BIC: ${shop.bic}` : "",
    shop.bank_name ? `${labels.bank}: ${shop.bank_name}` : "",
  ]
    .filter(Boolean)
    .join("\n")
}

/** The day a stage sent on `sentOn` asks to pay by. */
export function stageDeadline(stage: DunningStage, sentOn: string): string {
  return dayString(toDay(sentOn) + stage.deadline_days)
}

/** Every placeholder's text for a claim, formatted for the language (de: 1.234,56 €, 09.10.2026). */
export function dunningPlaceholders(
  view: ReceivableView,
  order: Pick<ReceivableOrder, "display_id" | "first_name" | "last_name"> | undefined,
  settings: RiskSettings,
  deadline: string,
  language: DunningLanguage
): Record<DunningPlaceholder, string> {
  const money = (amount: number) => formatMoney(amount, view.currency_code, language)
  const number = String(order?.display_id ?? view.order_id)
  return {
    first_name: nameForLetter(order?.first_name),
    last_name: nameForLetter(order?.last_name),
    order_number: number,
    invoice_date: formatDay(view.invoice_date, language),
    due_date: formatDay(view.due_date, language),
    principal: money(view.principal),
    fees: money(view.fees),
    interest: money(view.interest),
    total_due: money(view.total_due),
    deadline: formatDay(deadline, language),
    shop_name: settings.shop.name,
    // the same reference the prepayment instructions and the letter's GiroCode print
    payment_reference: paymentReference(settings.shop, order?.display_id) ?? `${LABELS[language].order} ${number}`,
    bank_details: bankDetails(settings.shop, language),
  }
}

/** Fills `{placeholder}`s; unknown ones stay as written. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(/\{([a-z_]+)\}/g, (match, key: string) => (Object.prototype.hasOwnProperty.call(values, key) ? values[key] : match))
}

export type RenderedStage = {
  language: DunningLanguage
  subject: string
  body: string
  deadline: string
  placeholders: Record<DunningPlaceholder, string>
}

/**
 * A stage's subject and body for a claim, in the shopper's language: the order's (German or
 * English), else the shop's default (dunningLanguageFor).
 */
export function renderStage(
  view: ReceivableView,
  order: (Pick<ReceivableOrder, "display_id" | "first_name" | "last_name"> & { locale?: string | null }) | undefined,
  settings: RiskSettings,
  stageIndex: number,
  sentOn: string
): RenderedStage | null {
  const stage = settings.dunning.stages[stageIndex]
  if (!stage) return null
  const language = dunningLanguageFor(order, settings.shop.default_locale)
  const deadline = stageDeadline(stage, sentOn)
  const placeholders = dunningPlaceholders(view, order, settings, deadline, language)
  const text = (localized: DunningStage["subject"]) => localized[language] ?? localized.de ?? localized.en ?? ""
  return {
    language,
    subject: fillPlaceholders(text(stage.subject), placeholders),
    body: fillPlaceholders(text(stage.body), placeholders),
    deadline,
    placeholders,
  }
}
