import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { DUNNING_STAGE_SOURCE, dunningStageKey } from "../../risk/dunning/stage-key"
import { recordOutcomeWorkflow } from "../outcomes/record-outcome"
import { sendDunningEmailStep } from "./steps/send-dunning-email"

export const sendDunningStageWorkflowId = "send-payment-risk-dunning-stage"

export type SendDunningStageInput = {
  order_id: string
  /** index into the settings' stages */
  stage: number
  /** the admin who sent it early; null for the daily run */
  actor_id?: string | null
  /** how it goes out (email sent, letter to print) for the timeline */
  note?: string | null
  /** the day it is sent (the daily run's day); now when absent */
  sent_at?: Date | null
}

/**
 * Sends a dunning stage exactly once: records it as a `dunning_stage` outcome keyed by order and
 * stage (the unique index lets one of two simultaneous runs win; the other gets `duplicate`),
 * then emails it where its channel says so. Letters are printed from the letter route.
 */
export const sendDunningStageWorkflow = createWorkflow(sendDunningStageWorkflowId, (input: SendDunningStageInput) => {
  const outcomeInput = transform({ input }, ({ input }) => ({
    order_id: input.order_id,
    kind: "dunning_stage" as const,
    reason_code: `stage_${input.stage}`,
    source: DUNNING_STAGE_SOURCE,
    external_id: dunningStageKey(input.order_id, input.stage),
    actor_id: input.actor_id ?? null,
    note: input.note ?? null,
    occurred_at: input.sent_at ?? null,
  }))
  const recorded = recordOutcomeWorkflow.runAsStep({ input: outcomeInput })
  const emailInput = transform({ input, recorded }, ({ input, recorded }) => ({
    order_id: input.order_id,
    stage: input.stage,
    duplicate: recorded.duplicate,
  }))
  const email = sendDunningEmailStep(emailInput)
  return new WorkflowResponse(
    transform({ recorded, email }, ({ recorded, email }) => ({
      outcome: recorded.outcome,
      duplicate: recorded.duplicate,
      email_sent: email.sent,
      email_failed: email.failed,
      notification_id: email.notification_id,
    }))
  )
})
