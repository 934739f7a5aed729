import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { dunningNotificationFor } from "../../../risk/dunning/stage-notification"

export const sendDunningEmailStepId = "send-payment-risk-dunning-email"

export type DunningEmailResult = {
  sent: boolean
  notification_id: string | null
  /** the Notification Module refused or failed (no email provider, provider down) */
  failed: boolean
}

/**
 * Sends a newly recorded stage's email through Medusa's Notification Module (channel `email`,
 * template `payment-risk.dunning-stage`, one per order and stage by its idempotency key). A
 * stage recorded before (another run got there first) sends nothing. The last step: an email
 * cannot be unsent, so there is nothing to compensate. An email that cannot be sent (a store
 * without an email provider, a provider that is down) does not undo the stage: the stage stays
 * recorded (the letter can be printed from the admin), the failure is logged and reported as
 * `failed` — before, the whole stage was rolled back and the claim never moved on.
 */
export const sendDunningEmailStep = createStep(
  sendDunningEmailStepId,
  async (input: { order_id: string; stage: number; duplicate: boolean }, { container }) => {
    const none: DunningEmailResult = { sent: false, notification_id: null, failed: false }
    if (input.duplicate) return new StepResponse(none)
    const notification = await dunningNotificationFor(container, input.order_id, input.stage)
    if (!notification) return new StepResponse(none)
    try {
      const [created] = await container.resolve(Modules.NOTIFICATION).createNotifications([notification])
      return new StepResponse<DunningEmailResult>({ sent: true, notification_id: (created?.id as string | undefined) ?? null, failed: false })
    } catch (error) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(
          `payment-risk dunning: the email of stage ${input.stage} of order ${input.order_id} could not be sent ` +
            `(${(error as Error)?.message ?? error}); the stage is recorded, print its letter from the admin`
        )
      return new StepResponse<DunningEmailResult>({ ...none, failed: true })
    }
  }
)
