import { RiskSettings } from "../../engine"
import { paymentReference } from "../../engine/payment-instructions/payment-reference"
import { collectionStageLabel, CollectionExportRow } from "../documents/collection-export"
import { DunningLetterInput } from "../documents/dunning-letter"
import { dunningLanguageFor } from "./format"
import type { LoadedReceivable } from "./load-receivables"
import { stageDeadline } from "./render-stage"

const text = (value: string | null | undefined) => value ?? ""

/**
 * What the letter of a stage prints, in the shopper's language (the order's, else the shop's),
 * for a claim computed as of the letter's day (the stage's
 * sending day, or today for a stage not sent yet), or null when the order has no billing
 * address to send it to or the settings have no such stage.
 */
export function letterInput(loaded: LoadedReceivable, settings: RiskSettings, stageIndex: number, date: string): DunningLetterInput | null {
  const stage = settings.dunning.stages[stageIndex]
  const address = loaded.order?.billing_address
  if (!stage || !address?.address_1 || !address.city) return null
  // the shopper's language (the order's), else the shop's
  const language = dunningLanguageFor(loaded.order, settings.shop.default_locale)
  const { view } = loaded
  const orderNumber = String(loaded.order?.display_id ?? view.order_id)
  return {
    language,
    date,
    shop: settings.shop,
    recipient: {
      first_name: text(address.first_name),
      last_name: text(address.last_name),
      company: address.company,
      address_1: address.address_1,
      address_2: address.address_2,
      postal_code: text(address.postal_code),
      city: address.city,
      // printed only for a letter abroad (the shop's letters go out from Germany)
      country: address.country_code && address.country_code.toLowerCase() !== "de" ? address.country_code.toUpperCase() : null,
    },
    order_number: orderNumber,
    stage: { subject: stage.subject[language] ?? stage.subject.de, body: stage.body[language] ?? stage.body.de },
    receivable: view,
    currency_code: view.currency_code,
    deadline: stageDeadline(stage, date),
    payment_reference: paymentReference(settings.shop, loaded.order?.display_id) ?? orderNumber,
  }
}

/** One line of the collection agency's CSV for a claim. */
export function collectionRow(loaded: LoadedReceivable, settings: RiskSettings): CollectionExportRow {
  const { view } = loaded
  const address = loaded.order?.billing_address
  const lastStage = view.stage === null ? null : view.events.find((event) => event.kind === "dunning_stage" && event.stage === view.stage)
  return {
    debtor_name: [address?.first_name, address?.last_name].filter(Boolean).join(" "),
    company: address?.company ?? null,
    street: [address?.address_1, address?.address_2].filter(Boolean).join(" "),
    postal_code: text(address?.postal_code),
    city: text(address?.city),
    country_code: text(address?.country_code),
    email: loaded.order?.email ?? null,
    phone: address?.phone ?? null,
    order_number: String(loaded.order?.display_id ?? view.order_id),
    invoice_date: view.invoice_date,
    due_date: view.due_date,
    last_stage: collectionStageLabel(settings.dunning.stages, view.stage),
    last_stage_at: lastStage ? lastStage.date.slice(0, 10) : null,
    principal: view.principal,
    fees: view.fees,
    interest: view.interest,
    paid: view.paid,
    total_due: view.total_due,
    currency_code: view.currency_code,
  }
}
