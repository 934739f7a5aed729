import { MedusaContainer } from "@medusajs/framework/types"
import { PAYMENT_RISK_MODULE } from "../../modules/payment-risk"
import PaymentRiskModuleService from "../../modules/payment-risk/service"
import { loadReceivable } from "./load-receivables"
import { renderStage } from "./render-stage"
import { today } from "./receivable-view"

/** Template id of a dunning email (the Notification Module's `template`); its data: DunningEmailData. */
export const DUNNING_EMAIL_TEMPLATE = "payment-risk.dunning-stage"

/** What a dunning email carries: the text to send as it is, and the figures for a template of one's own. */
export type DunningEmailData = {
  subject: string
  body: string
  language: "de" | "en"
  order_id: string
  order_number: string
  stage: number
  stage_kind: string
  deadline: string
  currency_code: string
  principal: number
  paid: number
  fees: number
  interest: number
  total_due: number
}

export type DunningNotification = {
  to: string
  channel: "email"
  template: string
  data: DunningEmailData
  /** the Notification Module sends one notification per key */
  idempotency_key: string
}

/** Whether a stage goes out by email, by letter (marked for printing), or both. */
export function stageChannels(channel: string | undefined): { email: boolean; letter: boolean } {
  return { email: channel === "email" || channel === "both", letter: channel === "letter" || channel === "both" }
}

/** How a stage goes out, for its outcome's note (the admin lists letters to print from it). */
export function stageNote(channel: string | undefined): string {
  const { email, letter } = stageChannels(channel)
  return [email ? "channel:email" : "", letter ? "channel:letter" : ""].filter(Boolean).join(" ")
}

/**
 * The email of a stage just recorded, or null when the stage is a letter only, the order has no
 * email, or the claim is gone. Computed after the stage is recorded, so its fee is in the amounts.
 */
export async function dunningNotificationFor(container: MedusaContainer, orderId: string, stage: number): Promise<DunningNotification | null> {
  const settings = await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getSettings()
  const config = settings.dunning.stages[stage]
  if (!config || !stageChannels(config.channel).email) return null
  const day = today()
  const loaded = await loadReceivable(container, orderId, day, settings)
  if (!loaded?.order?.email) return null
  const sentOn = loaded.view.events.find((event) => event.kind === "dunning_stage" && event.stage === stage)?.date.slice(0, 10) ?? day
  const rendered = renderStage(loaded.view, loaded.order, settings, stage, sentOn)
  if (!rendered) return null
  const { view } = loaded
  return {
    to: loaded.order.email,
    channel: "email",
    template: DUNNING_EMAIL_TEMPLATE,
    idempotency_key: `payment-risk:dunning:${orderId}:${stage}`,
    data: {
      subject: rendered.subject,
      body: rendered.body,
      language: rendered.language,
      order_id: orderId,
      order_number: rendered.placeholders.order_number,
      stage,
      stage_kind: config.kind,
      deadline: rendered.deadline,
      currency_code: view.currency_code,
      principal: view.principal,
      paid: view.paid,
      fees: view.fees,
      interest: view.interest,
      total_due: view.total_due,
    },
  }
}
