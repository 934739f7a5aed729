import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { stageDue } from "../engine"
import { PAYMENT_RISK_MODULE } from "../modules/payment-risk"
import PaymentRiskModuleService from "../modules/payment-risk/service"
import { loadReceivable, streamReceivables } from "../risk/dunning/load-receivables"
import { withReceivableLock } from "../risk/dunning/receivable-lock"
import { today as todayOf } from "../risk/dunning/receivable-view"
import { stageNote } from "../risk/dunning/stage-notification"
import { sendDunningStageWorkflow } from "../workflows/receivables/send-dunning-stage"

export type DunningRunResult = {
  due: number
  sent: number
  already_sent: number
  /** due when the run read the claims, but paid, paused or closed before its turn came */
  no_longer_due: number
  emails: number
  /** stages recorded whose email could not be sent (no email provider, provider down): print the letter */
  emails_failed: number
  failed: number
}

/**
 * The daily dunning run (settings → `dunning.enabled`): every active receivable whose next stage
 * is due today or earlier gets that one stage — recorded once per order and stage (a second run,
 * or a second instance at the same moment, finds it recorded and sends nothing), emailed where
 * the stage's channel says so; letters are printed from the letter route. Rerunning it on the
 * same day changes nothing. `today` (YYYY-MM-DD) is for tests.
 */
export async function runDunning(container: MedusaContainer, options: { today?: string } = {}): Promise<DunningRunResult> {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const settings = await container.resolve<PaymentRiskModuleService>(PAYMENT_RISK_MODULE).getSettings()
  const result: DunningRunResult = { due: 0, sent: 0, already_sent: 0, no_longer_due: 0, emails: 0, emails_failed: 0, failed: 0 }
  if (!settings.dunning.enabled) return result
  const day = options.today ?? todayOf()
  const due: Array<{ order_id: string; stage: number }> = []
  for await (const batch of streamReceivables(container, day, settings, ["active"])) {
    for (const { view } of batch) {
      const stage = stageDue(view, day)
      if (stage !== null) due.push({ order_id: view.order_id, stage })
    }
  }
  result.due = due.length
  for (const { order_id, stage } of due) {
    try {
      // under the receivable's lock, and only if the stage is still due: a run on another
      // instance that sent it meanwhile, or a payment, pause or write-off since the claims were
      // read, stops it
      const sent = await withReceivableLock(container, order_id, async () => {
        const current = await loadReceivable(container, order_id, day, settings)
        if (current?.view.events.some((event) => event.kind === "dunning_stage" && event.stage === stage)) return "already_sent" as const
        if (!current || stageDue(current.view, day) !== stage) return "no_longer_due" as const
        const { result } = await sendDunningStageWorkflow(container).run({
          input: {
            order_id,
            stage,
            note: stageNote(settings.dunning.stages[stage]?.channel),
            sent_at: options.today ? new Date(`${day}T12:00:00Z`) : null,
          },
        })
        return result
      })
      if (sent === "no_longer_due") result.no_longer_due++
      else if (sent === "already_sent" || sent.duplicate) result.already_sent++
      else result.sent++
      if (typeof sent === "object" && sent.email_sent) result.emails++
      if (typeof sent === "object" && sent.email_failed) result.emails_failed++
    } catch (error) {
      result.failed++
      logger.warn(`payment-risk dunning: stage ${stage} of order ${order_id} failed: ${(error as Error)?.message ?? error}`)
    }
  }
  if (result.due) logger.info(`payment-risk dunning: ${JSON.stringify(result)}`)
  return result
}

export default async function dunningRun(container: MedusaContainer) {
  await runDunning(container)
}

export const config = {
  name: "payment-risk-dunning-run",
  // every morning at 06:00 (server time)
  schedule: "0 6 * * *",
}
