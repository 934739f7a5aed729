import { MedusaRequest } from "@medusajs/framework/http"
import { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { FoundOrder } from "../../../risk/webhooks/find-order"
import { recordOutcomeWorkflow } from "../../../workflows/outcomes/record-outcome"
import type { RecordOutcomeInput } from "../../../workflows/outcomes/steps/prepare-outcome"
import { throwAsError } from "../../admin/payment-risk/workflow-error"

export type WebhookOutcome = Omit<RecordOutcomeInput, "order_id" | "source" | "actor_id"> & { currency_code?: string | null }

/** What the hook answers: 404 with a message when no single order matched, else the outcome. */
export type WebhookAnswer =
  | { recorded: false; body: { message: string } }
  | {
      recorded: true
      duplicate: boolean
      body: { received: true; duplicate: boolean; outcome: { id: string; order_id: string; kind: string; reason_code: string | null }; list_entries: number }
    }

/**
 * Records a provider's event for the order it found: 404 (logged, nothing recorded) when no
 * order or more than one matches; else the outcome workflow, once per external id (a repeated
 * or concurrent delivery answers `duplicate: true`). `subject` names the event in the log:
 * ids only, no personal data.
 */
export async function recordWebhookOutcome(req: MedusaRequest, found: FoundOrder, outcome: WebhookOutcome, subject: string): Promise<WebhookAnswer> {
  const logger = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  if (found.found !== "one") {
    logger.warn(`payment-risk webhook: ${subject}: ${found.found === "none" ? "no order found" : `${found.count} orders match`}; nothing recorded`)
    return { recorded: false, body: { message: found.found === "none" ? "No order found for this payment." : "More than one order matches this payment." } }
  }
  const { currency_code, ...input } = outcome
  // an amount in another currency than the order's would be read as the order's: leave it out
  const sameCurrency = !currency_code || !found.currency_code || currency_code.toLowerCase() === found.currency_code.toLowerCase()
  const { result } = await recordOutcomeWorkflow(req.scope)
    .run({
      input: {
        ...input,
        ...(sameCurrency ? {} : { amount: null, fee: null }),
        order_id: found.order_id,
        source: "webhook",
        actor_id: null,
      },
    })
    .catch(throwAsError)
  const recorded = result.outcome as { id: string; kind: string; reason_code: string | null }
  logger.info(`payment-risk webhook: ${subject}: ${result.duplicate ? "already recorded" : `recorded ${recorded.kind}`} (${recorded.id})`)
  return {
    recorded: true,
    duplicate: result.duplicate,
    body: {
      received: true,
      duplicate: result.duplicate,
      outcome: { id: recorded.id, order_id: found.order_id, kind: recorded.kind, reason_code: recorded.reason_code },
      list_entries: result.list_entries.length,
    },
  }
}
